// What hovering a figure tells: where it came from (file, sheet, cell, version, date) and any correction.
import type { GridColumn, GridRow } from '../../../shared/api-types.ts';
import { cellInWords, type NamedSheet } from '../../../shared/cell-words.ts';
import { formatDate, formatDateTime, formatFigure } from '../../format.ts';

export function cellSourceText(row: GridRow, column: GridColumn, i: number, year: number, sheets: readonly NamedSheet[]): string {
  const lines = [`${row.unitName} · ${column.label}`];
  if (!row.applicable[i]) lines.push('Đơn vị này không báo cáo chỉ tiêu này.');
  else if (row.submissionId === null) lines.push(`Chưa nhận báo cáo năm ${year}.`);
  else {
    // "Phụ lục 01, ô C8" as people say it, never the sheet's internal name.
    const where = cellInWords(row.cells[i], sheets) ?? 'không có ô nguồn';
    lines.push(
      `Nguồn: ${row.paperSource ?? row.fileName ?? 'nhập từ tệp dữ liệu tổng hợp (không có tệp Excel)'} · ${where} · phiên bản ${row.version} · nhận ${formatDate(row.receivedAt)}`,
    );
    const fix = row.corrections[i];
    if (fix) {
      lines.push(
        `Đã sửa: ${formatFigure(row.submitted[i] ?? null) || '(trống)'} → ${formatFigure(fix.value) || '(trống)'} · lý do: ${fix.reason} · ${fix.by}, ${formatDateTime(fix.at)}`,
      );
    } else if (row.values[i] === null) lines.push('Ô để trống (chưa có số liệu, không phải 0).');
  }
  return lines.join('\n');
}
