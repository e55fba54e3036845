// Fills a blank input workbook through its defined names, as a unit does in Excel.
// Used by the demo (the sample province) and by tests and the benchmark to make realistic files.
import ExcelJS from 'exceljs';
import type { TableSheet } from '../../shared/template-schema.ts';
import type { DocumentRecord } from '../../shared/types.ts';
import { refreshTotals, valueName } from './input-writer.ts';
import { writeXlsx } from './package.ts';

export interface UnitAnswers {
  values?: Record<string, number | string | null>;
  documents?: DocumentRecord[];
  texts?: Record<string, string>;
}

function locate(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; from: string; to: string } | null {
  const dn = wb.definedNames.model.find((d) => d.name === name);
  const ref = dn?.ranges[0];
  if (!ref) return null;
  const bang = ref.lastIndexOf('!');
  const sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1');
  const [from, to] = ref
    .slice(bang + 1)
    .replace(/\$/g, '')
    .split(':');
  const ws = wb.getWorksheet(sheet);
  return ws && from ? { ws, from, to: to ?? from } : null;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** Writes the answers into the workbook; codes without a named cell are an error (the answers don't fit the form). */
export function fillWorkbook(wb: ExcelJS.Workbook, answers: UnitAnswers, table?: TableSheet): void {
  for (const [code, value] of Object.entries(answers.values ?? {})) {
    const at = locate(wb, valueName(code));
    if (!at) throw new Error(`Biểu mẫu không có ô ${valueName(code)}`);
    at.ws.getCell(at.from).value = value;
  }
  for (const [code, text] of Object.entries(answers.texts ?? {})) {
    const at = locate(wb, code);
    if (!at) throw new Error(`Biểu mẫu không có ô ${code}`);
    at.ws.getCell(at.from).value = text;
  }
  const docs = answers.documents ?? [];
  if (docs.length && table) {
    const at = locate(wb, table.rangeName);
    if (!at) throw new Error(`Biểu mẫu không có vùng ${table.rangeName}`);
    const top = at.ws.getCell(at.from);
    docs.forEach((doc, i) => {
      const row = Number(top.row) + 1 + i;
      table.columns.forEach((col, j) => {
        const v = (doc as unknown as Record<string, string | null | undefined>)[col.code];
        at.ws.getCell(row, Number(top.col) + j).value = v == null || v === '' ? null : col.type === 'date' ? isoToDate(v) : v;
      });
    });
  }
  refreshTotals(wb);
}

export async function fillWorkbookFile(blankFile: string, outFile: string, answers: UnitAnswers, table?: TableSheet): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blankFile);
  fillWorkbook(wb, answers, table);
  await writeXlsx(wb, outFile);
}
