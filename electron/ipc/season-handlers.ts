// Handlers of the season's safekeeping and history (backups, restore, the audit log, a unit's versions,
// the province file): each calls its service by name; files are written under a temporary name in the
// same folder and then renamed.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditFilter, ProvinceExportResult, ProvinceImportResult } from '../../shared/api-types.ts';
import { AppError, fromOsError } from '../errors.ts';
import { auditCsv, listAudit } from '../services/audit.ts';
import type { ServiceContext } from '../services/context.ts';
import { exportYear, importJson } from '../services/interchange.ts';

/** Writes a whole file or leaves the previous one as it was. */
function writeWhole(file: string, text: string): void {
  const partial = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(partial), { recursive: true });
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw fromOsError(e, file);
  }
}

export function exportAuditCsvFile(ctx: ServiceContext, filter: AuditFilter & { file: string }): { file: string; rows: number } {
  const { file, ...only } = filter;
  const records = listAudit(ctx, only);
  writeWhole(file, auditCsv([...records].reverse()));
  return { file, rows: records.length };
}

export function exportProvinceYear(ctx: ServiceContext, year: number, file: string | undefined): ProvinceExportResult {
  const data = exportYear(ctx, year);
  if (!file) return { year, file: null, data };
  writeWhole(file, JSON.stringify(data, null, 1));
  return { year, file, data: null };
}

export function importProvinceFile(ctx: ServiceContext, file: string): ProvinceImportResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw fromOsError(e, file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('bad_json', `Tệp ${file} không phải là JSON hợp lệ. Hãy xuất lại tệp bằng chức năng xuất dữ liệu.`);
  }
  return importJson(ctx, data, path.basename(file));
}
