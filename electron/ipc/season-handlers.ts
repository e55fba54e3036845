// Handlers of the season's safekeeping and history (backups, restore, the audit log, a unit's versions,
// the province file): each calls its service by name; files are written under a temporary name in the
// same folder and then renamed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditFilter, ProvinceExportResult, ProvinceImportResult } from '../../shared/api-types.ts';
import { AppError } from '../errors.ts';
import { ensureFolder, writeFileAtomic } from '../files/atomic-write.ts';
import { fromOsError } from '../files/os-errors.ts';
import { auditCsv, listAudit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { exportYear, importJson } from '../services/interchange.ts';

/** Writes a whole file (temporary name, then rename) or leaves the previous one as it was. */
async function writeWhole(file: string, text: string): Promise<void> {
  ensureFolder(path.dirname(path.resolve(file)));
  await writeFileAtomic(file, text);
}

export async function exportAuditCsvFile(ctx: ServiceContext, filter: AuditFilter & { file: string }): Promise<{ file: string; rows: number }> {
  const { file, ...only } = filter;
  const records = listAudit(ctx, only);
  await writeWhole(file, auditCsv([...records].reverse()));
  return { file, rows: records.length };
}

export async function exportProvinceYear(ctx: ServiceContext, year: number, file: string | undefined): Promise<ProvinceExportResult> {
  const data = exportYear(ctx, year);
  if (!file) return { year, file: null, data };
  await writeWhole(file, JSON.stringify(data, null, 1));
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
