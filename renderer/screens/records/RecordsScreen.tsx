// "Sao lưu, lịch sử": what the command line did alone before, in the window — backups and restore, the
// audit log, a unit's versions, the province file for the roll-up, and where an annex figure comes from.
import { useState } from 'react';
import { AuditPanel } from './AuditPanel.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { ProvinceFilePanel } from './ProvinceFilePanel.tsx';
import { TracePanel } from './TracePanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

const TABS = [
  { key: 'backups', label: 'Sao lưu, khôi phục' },
  { key: 'audit', label: 'Nhật ký thao tác' },
  { key: 'versions', label: 'Phiên bản báo cáo của đơn vị' },
  { key: 'trace', label: 'Nguồn số liệu phụ lục' },
  { key: 'province', label: 'Tệp dữ liệu của tỉnh' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function RecordsScreen() {
  const [tab, setTab] = useState<Tab>('backups');
  return (
    <div className="records-screen">
      <div className="tabs" role="tablist" aria-label="Sao lưu, lịch sử">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            className={tab === t.key ? 'tab active' : 'tab'}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'backups' && <BackupsPanel />}
      {tab === 'audit' && <AuditPanel />}
      {tab === 'versions' && <VersionsPanel />}
      {tab === 'trace' && <TracePanel />}
      {tab === 'province' && <ProvinceFilePanel />}
    </div>
  );
}
