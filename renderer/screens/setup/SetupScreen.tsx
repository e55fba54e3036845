// Step 1 — Thiết lập: the agency and signer settings, and the unit list.
import { SettingsForm } from './SettingsForm.tsx';
import { UnitList } from './UnitList.tsx';

export function SetupScreen() {
  return (
    <div className="setup-screen">
      <section className="panel settings-panel" aria-labelledby="settings-title">
        <h2 id="settings-title">Cơ quan, người ký và kỳ báo cáo</h2>
        <SettingsForm />
      </section>
      <section className="panel units-panel" aria-labelledby="units-title">
        <h2 id="units-title">Danh sách đơn vị báo cáo</h2>
        <UnitList />
      </section>
    </div>
  );
}
