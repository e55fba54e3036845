// The left rail: the six steps of a season, with what each is waiting for.
import { formatVietnameseNumber } from '../../shared/numbers.ts';
import { useApp, type Step } from './context.ts';

export const STEPS: { step: Step; label: string }[] = [
  { step: 'setup', label: 'Thiết lập' },
  { step: 'send', label: 'Gửi biểu mẫu' },
  { step: 'collect', label: 'Thu nhận' },
  { step: 'check', label: 'Kiểm tra' },
  { step: 'figures', label: 'Số liệu' },
  { step: 'report', label: 'Báo cáo' },
];

/** Beside the season's steps: safekeeping and history (backups, the audit log, versions, sources, the province file). */
export const RECORDS_STEP: { step: Step; label: string } = { step: 'records', label: 'Sao lưu, lịch sử' };

export function Rail({ step, onStep }: { step: Step; onStep(step: Step): void }) {
  const { status } = useApp();
  const badge = (s: Step): string | null => {
    if (!status) return null;
    if (s === 'collect') return `${status.reported}/${status.expected}`;
    if (s === 'check' && status.errors > 0) return `✖ ${formatVietnameseNumber(status.errors)}`;
    if (s === 'check' && status.warnings > 0) return `⚠ ${formatVietnameseNumber(status.warnings)}`;
    return null;
  };
  return (
    <nav className="rail" aria-label="Các bước">
      {STEPS.map((s, i) => (
        <button
          key={s.step}
          type="button"
          className={s.step === step ? 'rail-step active' : 'rail-step'}
          aria-current={s.step === step ? 'page' : undefined}
          title={`Alt+${i + 1}`}
          onClick={() => onStep(s.step)}
        >
          <span className="rail-number">{i + 1}</span>
          <span className="rail-label">{s.label}</span>
          {badge(s.step) && <span className={`rail-badge ${s.step === 'check' && status?.errors ? 'bad' : ''}`}>{badge(s.step)}</span>}
        </button>
      ))}
      <button
        type="button"
        className={step === RECORDS_STEP.step ? 'rail-step rail-records active' : 'rail-step rail-records'}
        aria-current={step === RECORDS_STEP.step ? 'page' : undefined}
        onClick={() => onStep(RECORDS_STEP.step)}
      >
        <span className="rail-number" aria-hidden="true">
          ⟲
        </span>
        <span className="rail-label">{RECORDS_STEP.label}</span>
      </button>
    </nav>
  );
}
