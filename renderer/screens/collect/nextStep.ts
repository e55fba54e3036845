// What each line of an import says to do next, naming the unit: the unit the workbook names, or — when the
// file could not be read at all — the unit its file name names (the blank workbooks are named
// "<mã> - <tên đơn vị> - <năm>.xlsx"). Pure, so the wording is tested alone.
import { looseKey } from '../../../shared/text.ts';
import type { ImportFileResult } from '../../../shared/types.ts';

export interface NamedUnit {
  code: string;
  name: string;
}

/** The unit a file's name points to: its code before " - ", else the longest unit name it contains. */
export function unitOfFileName(fileName: string, units: readonly NamedUnit[]): NamedUnit | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const code = /^([^\s-]+)\s+-\s+/.exec(base)?.[1];
  const byCode = code ? units.find((u) => u.code.toLowerCase() === code.toLowerCase()) : undefined;
  if (byCode) return byCode;
  const key = ` ${looseKey(base).replace(/[^a-z0-9]+/g, ' ')} `;
  const hits = units.filter((u) =>
    key.includes(
      ` ${looseKey(u.name)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()} `,
    ),
  );
  return hits.sort((a, b) => b.name.length - a.name.length)[0] ?? null;
}

const FOLDER_CODES = new Set(['folder_missing', 'folder_unreadable', 'folder_skipped']);

/** A line about a folder (not found, not readable, too deep), not about a file. */
export function isFolderLine(r: ImportFileResult): boolean {
  return r.status === 'rejected' && r.findings.some((f) => FOLDER_CODES.has(f.code));
}

/** The unit a line is about, and whether it was only guessed from the file's name. */
export function lineUnit(r: ImportFileResult, units: readonly NamedUnit[]): { name: string; guessed: boolean } | null {
  if (r.unitName) return { name: r.unitName, guessed: false };
  if (isFolderLine(r)) return null;
  const u = unitOfFileName(r.file, units);
  return u ? { name: u.name, guessed: true } : null;
}

/** The next step for a line, in words for people. */
export function nextStep(r: ImportFileResult, units: readonly NamedUnit[]): string {
  const unit = lineUnit(r, units);
  if (isFolderLine(r)) return 'Kiểm tra lại đường dẫn thư mục rồi bấm "Nhận báo cáo" lần nữa.';
  if (r.status === 'same_file') return 'Không cần làm gì: tệp này đã được nhận trước đó.';
  if (r.status === 'accepted') {
    return r.findings.some((f) => f.severity === 'warning' || f.severity === 'error')
      ? 'Đã nhận; xem các cảnh báo ở bước Kiểm tra.'
      : 'Đã nhận, không cần làm gì thêm.';
  }
  if (r.findings.some((f) => f.code === 'conflicting_files')) return `Hỏi ${unit?.name ?? 'đơn vị'} tệp nào đúng, rồi chỉ nhận tệp đó.`;
  if (!unit) return 'Mở tệp để xem của đơn vị nào, rồi đề nghị đơn vị đó gửi lại đúng biểu mẫu đã phát.';
  const unfilled = r.findings.some((f) => f.code === 'unfilled');
  return unfilled ? `Đề nghị ${unit.name} điền số liệu vào biểu mẫu rồi gửi lại.` : `Đề nghị ${unit.name} sửa theo lý do bên cạnh rồi gửi lại biểu mẫu.`;
}
