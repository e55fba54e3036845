// One line per imported file: the unit by name, the file, status (Đã nhận / Từ chối / Trùng), version, the reasons
// and what to do next ("Đề nghị Sở Y tế … gửi lại"). A folder not found is a line of its own, not a file.
import type { ImportFileResult } from '../../../shared/types.ts';
import { cellWords } from '../../../shared/sheet-words.ts';
import { useApp } from '../../app/context.ts';
import { baseName } from '../../format.ts';
import { IMPORT_STATUS } from './labels.ts';
import { isFolderLine, lineUnit, nextStep, type NamedUnit } from './nextStep.ts';

export function ImportResults({ results, units, onReview }: { results: ImportFileResult[]; units: readonly NamedUnit[]; onReview?: (file: string) => void }) {
  const { template } = useApp();
  const folders = results.filter(isFolderLine);
  const files = results.filter((r) => !isFolderLine(r));
  const count = (s: ImportFileResult['status']) => files.filter((r) => r.status === s).length;
  const missing = folders.filter((r) => r.findings.some((f) => f.code === 'folder_missing'));
  const where = (sheet: string | undefined, cell: string) =>
    cellWords(
      template.sheets.find((t) => t.name === sheet) ?? {
        name: sheet ?? '',
        title: sheet ?? '',
      },
      cell,
    );
  return (
    <div className="import-results">
      <p className="summary-line">
        {files.length > 0
          ? `${files.length} tệp: ${count('accepted')} đã nhận · ${count('rejected')} từ chối · ${count('same_file')} trùng`
          : 'Không có tệp nào được đọc.'}
        {missing.length > 0 && ` Không tìm thấy ${missing.length === 1 ? 'thư mục' : `${missing.length} thư mục`} đã ghi: hãy kiểm tra lại đường dẫn.`}
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Kết quả nhận tệp">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>Tệp</th>
              <th>Năm</th>
              <th>Trạng thái</th>
              <th>Phiên bản</th>
              <th>Lý do, ghi chú</th>
              <th>Việc cần làm</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => {
              const unit = lineUnit(r, units);
              return (
                <tr key={r.file} className={`import-${r.status}`}>
                  <td>
                    {unit?.name ?? (isFolderLine(r) ? '(thư mục)' : '(chưa rõ)')}
                    {unit?.guessed && <div className="muted">theo tên tệp</div>}
                  </td>
                  {/* The file as it was named (often after the unit's code): a detail beside the unit's name. */}
                  <td title={r.file} className="file-cell">
                    {baseName(r.file)}
                    {onReview && /\.docx$/i.test(r.file) && (
                      <div>
                        <button type="button" className="link-button" onClick={() => onReview(r.file)}>
                          Xem, xếp lại các mục
                        </button>
                      </div>
                    )}
                  </td>
                  <td>{r.year ?? ''}</td>
                  <td>
                    <span className={`tag tag-${r.status}`}>{IMPORT_STATUS[r.status]}</span>
                  </td>
                  <td>{r.version ?? ''}</td>
                  <td>
                    {r.findings.map((f, i) => (
                      <div key={i} className={`finding-line severity-${f.severity}`}>
                        {f.cell ? `${where(f.sheet, f.cell)}: ` : ''}
                        {f.message}
                      </div>
                    ))}
                  </td>
                  <td className="next-step">{nextStep(r, units)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
