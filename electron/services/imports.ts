// Importing filled input workbooks: files or folders, each file one transaction, accepted whole or
// rejected whole with its reasons; an accepted file becomes a new version of its unit-year.
import path from 'node:path';
import type { ImportFileResult, ProgressListener } from '../../shared/types.ts';
import { isAppError } from '../errors.ts';
import { backupDatabase, isFileDatabase } from '../db/backup.ts';
import { makeLookup, type ImportLookup } from '../import/read-input-workbook.ts';
import { collectImportFiles } from '../import/collect-files.ts';
import { parseImportFile, type ParsedFile } from '../import/parse-file.ts';
import { startParsePool } from '../import/parse-pool.ts';
import { isoDate, type ServiceContext } from './context.ts';
import { getSettings, settingString } from './settings.ts';
import { contentHash, currentSubmissionId, insertSubmissionVersion } from './submissions.ts';
import { listUnits } from './units.ts';
import { listYears } from './years.ts';

export { collectImportFiles } from '../import/collect-files.ts';

export function importLookup(ctx: ServiceContext): ImportLookup {
  const settings = getSettings(ctx);
  const reporting = (kind: string) => ctx.template.unitKinds.some((k) => k.code === kind && k.sheets.length > 0);
  return makeLookup({
    template: ctx.template,
    units: listUnits(ctx)
      .filter((u) => reporting(u.kind))
      .map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    years: listYears(ctx),
    documentsFrom: settingString(settings, 'documents_from', '2021-01-07'),
    today: isoDate(ctx.now()),
  });
}

export interface ImportOptions {
  /** The date the file arrived, when it is not the day of import (ISO). */
  receivedAt?: string;
  onProgress?: ProgressListener;
}

export async function importFile(ctx: ServiceContext, file: string, lookup: ImportLookup, options: ImportOptions = {}, parsed?: ParsedFile): Promise<ImportFileResult> {
  const name = path.basename(file);
  const got = parsed ?? (await parseImportFile(file, lookup));
  if (!got.ok) return got.result;
  const { sha256, read } = got;
  if (!read.ok) return { file, status: 'rejected', unit: read.unit, year: read.year, findings: read.findings };
  const s = read.submission;
  const base = { file, unit: s.unit.code, unitName: s.unit.name, year: s.year };
  const current = currentSubmissionId(ctx, s.unit.code, s.year);
  // The same file, or the same figures, documents and texts re-saved (Excel and LibreOffice change the bytes).
  if (current && (current.sha256 === sha256 || current.content_sha256 === contentHash(s))) {
    const what = current.sha256 === sha256 ? 'Tệp giống hệt' : 'Tệp có nội dung giống hệt';
    return { ...base, status: 'same_file', version: current.version, submissionId: current.id, findings: [{ code: 'same_file', severity: 'info', message: `${what} phiên bản ${current.version} đang dùng của ${s.unit.name} năm ${s.year}; không lưu thêm.` }] };
  }
  if (current) {
    // Corrections belong to the version they were made on: say so when a new version replaces it.
    const corrected = ctx.db.prepare('SELECT DISTINCT code FROM corrections WHERE submission_id = ? ORDER BY code').all(current.id) as { code: string }[];
    if (corrected.length) {
      s.findings.push({
        code: 'corrections_superseded',
        severity: 'warning',
        message: `Phiên bản ${current.version} của ${s.unit.name} có ${corrected.length} số liệu đã được sửa (${corrected.map((c) => c.code).join(', ')}); phiên bản mới dùng số liệu đơn vị gửi lại, không mang theo các chỉnh sửa đó. Hãy kiểm tra lại.`,
      });
    }
  }
  try {
    const stored = ctx.db.transaction(() =>
      insertSubmissionVersion(ctx, {
        unitCode: s.unit.code,
        year: s.year,
        source: 'xlsx',
        fileName: name,
        sha256,
        workbookId: s.workbookId,
        templateVersion: s.templateVersion,
        receivedAt: options.receivedAt,
        values: s.values,
        documents: s.documents,
        narratives: s.narratives,
        findings: s.findings,
      }),
    )();
    return { ...base, status: 'accepted', version: stored.version, submissionId: stored.id, findings: s.findings };
  } catch (e) {
    if (isAppError(e)) return { ...base, status: 'rejected', findings: [{ code: e.code, severity: 'error', message: e.message }] };
    throw e;
  }
}

/** Imports many files; a rejected file never stops the others. */
export async function importFiles(ctx: ServiceContext, paths: string[], options: ImportOptions = {}): Promise<ImportFileResult[]> {
  const { files, skipped } = collectImportFiles(paths);
  const lookup = importLookup(ctx);
  const hasData = (ctx.db.prepare('SELECT 1 FROM submissions LIMIT 1').get() as unknown) !== undefined;
  if (files.length && hasData && isFileDatabase(ctx.db)) await backupDatabase(ctx.db, 'truoc-nhap');
  const results: ImportFileResult[] = [...skipped];
  // Files are parsed ahead (in worker threads when the batch is large enough), stored here in order.
  const pool = await startParsePool(lookup, files.length);
  try {
    const parsed = files.map((f) => pool.parse(f));
    for (const p of parsed) p.catch(() => {}); // awaited in order below; a failure must not go unhandled meanwhile
    for (const [i, f] of files.entries()) {
      options.onProgress?.({ done: i, total: files.length, label: path.basename(f) });
      results.push(await importFile(ctx, f, lookup, options, await parsed[i]!));
    }
  } finally {
    await pool.close();
  }
  options.onProgress?.({ done: files.length, total: files.length, label: 'Xong' });
  return results;
}
