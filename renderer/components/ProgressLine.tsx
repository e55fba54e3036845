// Progress of long work, always with a count: "12/25 · Xã Vĩnh Lộc".
import type { Progress } from '../../shared/types.ts';

export function ProgressLine({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-label="Tiến độ">
      <div className="progress-track">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-count">
        {progress.done}/{progress.total}
      </span>
      <span className="progress-label">{progress.label}</span>
    </div>
  );
}
