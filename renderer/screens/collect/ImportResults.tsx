// One line per imported file: status (Đã nhận / Từ chối / Trùng), unit, version, and the reasons.
import type { ImportFileResult } from '../../../shared/types.ts';
import { baseName } from '../../format.ts';
import { IMPORT_STATUS } from './labels.ts';

export function ImportResults({ results, onReview }: { results: ImportFileResult[]; onReview?: (file: string) => void }) {
  const count = (s: ImportFileResult['status']) => results.filter((r) => r.status === s).length;
  return (
    <div className="import-results">
      <p className="summary-line">
        {results.length} tệp: {count('accepted')} đã nhận · {count('rejected')} từ chối · {count('same_file')} trùng
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Kết quả nhận tệp">
          <thead>
            <tr>
              <th>Tệp</th>
              <th>Đơn vị</th>
              <th>Năm</th>
              <th>Trạng thái</th>
              <th>Phiên bản</th>
              <th>Lý do, ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.file} className={`import-${r.status}`}>
                <td title={r.file}>
                  {baseName(r.file)}
                  {onReview && /\.docx$/i.test(r.file) && (
                    <div>
                      <button type="button" className="link-button" onClick={() => onReview(r.file)}>
                        Xem, xếp lại các mục
                      </button>
                    </div>
                  )}
                </td>
                <td>{r.unitName ?? r.unit ?? ''}</td>
                <td>{r.year ?? ''}</td>
                <td>
                  <span className={`tag tag-${r.status}`}>{IMPORT_STATUS[r.status]}</span>
                </td>
                <td>{r.version ?? ''}</td>
                <td>
                  {r.findings.map((f, i) => (
                    <div key={i} className={`finding-line severity-${f.severity}`}>
                      {f.cell ? `${f.sheet ?? ''}!${f.cell}: ` : ''}
                      {f.message}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
