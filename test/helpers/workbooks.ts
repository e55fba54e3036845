// Making input workbooks in tests: the real writer, then changes a unit (or an attacker) would make.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentTableForKind } from '../../shared/template.ts';
import { APP_VERSION } from '../../electron/app-info.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { requireUnit } from '../../electron/store/units.ts';
import { fillWorkbook, type UnitAnswers } from '../../electron/workbook/input-filler.ts';
import { buildInputWorkbook, inputFileName } from '../../electron/workbook/input-writer.ts';

export async function blankWorkbook(ctx: ServiceContext, unitCode: string, year: number, previous?: Map<string, number | null>): Promise<ExcelJS.Workbook> {
  const unit = requireUnit(ctx, unitCode);
  return buildInputWorkbook({
    template: ctx.template,
    unit,
    year,
    periodFrom: `${year - 1}-11-16`,
    periodTo: `${year}-11-15`,
    appVersion: APP_VERSION,
    previous,
  });
}

/** A filled workbook written to `dir`; `mutate` may change it before it is saved. Returns the file path. */
export async function filledWorkbookFile(
  ctx: ServiceContext,
  dir: string,
  unitCode: string,
  year: number,
  answers: UnitAnswers,
  mutate?: (wb: ExcelJS.Workbook) => void | Promise<void>,
  fileName?: string,
): Promise<string> {
  const wb = await blankWorkbook(ctx, unitCode, year);
  const table = documentTableForKind(ctx.template, requireUnit(ctx, unitCode).kind);
  fillWorkbook(wb, answers, table?.kind === 'table' ? table : undefined);
  await mutate?.(wb);
  const file = path.join(dir, fileName ?? inputFileName(requireUnit(ctx, unitCode), year));
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** The cell behind a defined name. */
export function namedCell(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const ref = wb.definedNames.model.find((d) => d.name === name)?.ranges[0];
  if (!ref) throw new Error(`no defined name ${name}`);
  const [sheet, addr] = ref.split('!');
  return wb.getWorksheet(sheet!.replace(/'/g, ''))!.getCell(addr!.replace(/\$/g, '').split(':')[0]!);
}

/** Every row of every table, as a fingerprint of the database content (to prove a rejection changed nothing). */
export function dbSnapshot(ctx: ServiceContext): string {
  const tables = (
    ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  return JSON.stringify(tables.map((t) => [t, ctx.db.prepare(`SELECT * FROM "${t}"`).all()]));
}
