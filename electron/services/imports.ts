// Importing filled input workbooks: files or folders, each file one transaction, accepted whole or
// rejected whole with its reasons; an accepted file becomes a new version of its unit-year.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareVi } from '../../shared/text.ts';
import type { ImportFileResult, ProgressListener } from '../../shared/types.ts';
import { isAppError } from '../errors.ts';
import { backupDatabase, isFileDatabase } from '../db/backup.ts';
import { readInputWorkbook, type ImportLookup } from '../import/read-input-workbook.ts';
import { isoDate, type ServiceContext } from './context.ts';
import { getSettings, settingString } from './settings.ts';
import { contentHash, currentSubmissionId, insertSubmissionVersion } from './submissions.ts';
import { listUnits } from './units.ts';
import { importWordReportFile, WORD_EXT } from './word-reports.ts';
import { listYears } from './years.ts';

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|docx|doc)$/i;

/** Files to import: the given files as they are, folders searched (recursively) for workbooks. */
export function collectImportFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as unreadable by importFile
      return;
    }
    if (st.isDirectory()) {
      const entries = readdirSync(p).sort(compareVi);
      for (const e of entries) if (!e.startsWith('~$') && !e.startsWith('.')) walk(path.join(p, e), false);
    } else if (explicit || WORKBOOK_EXT.test(p)) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}

export function importLookup(ctx: ServiceContext): ImportLookup {
  const units = new Map(listUnits(ctx).map((u) => [u.code, u]));
  const years = new Set(listYears(ctx));
  const settings = getSettings(ctx);
  return {
    template: ctx.template,
    findUnit: (code) => {
      const u = units.get(code);
      return u && ctx.template.unitKinds.some((k) => k.code === u.kind && k.sheets.length > 0) ? u : undefined;
    },
    hasYear: (y) => years.has(y),
    documentsFrom: settingString(settings, 'documents_from', '2021-01-07'),
    today: isoDate(ctx.now()),
  };
}

export interface ImportOptions {
  /** The date the file arrived, when it is not the day of import (ISO). */
  receivedAt?: string;
  onProgress?: ProgressListener;
}

export async function importFile(ctx: ServiceContext, file: string, lookup: ImportLookup, options: ImportOptions = {}): Promise<ImportFileResult> {
  if (WORD_EXT.test(file)) return importWordReportFile(ctx, file); // a unit's Word report: texts only
  const name = path.basename(file);
  let buf: Buffer;
  try {
    const size = statSync(file).size;
    if (size > ctx.template.limits.maxFileBytes) {
      return { file, status: 'rejected', findings: [{ code: 'too_large', severity: 'error', message: `Tệp quá lớn (${(size / 1048576).toFixed(1)} MB, tối đa ${Math.round(ctx.template.limits.maxFileBytes / 1048576)} MB).` }] };
    }
    buf = readFileSync(file);
  } catch {
    return { file, status: 'rejected', findings: [{ code: 'not_xlsx', severity: 'error', message: `Không đọc được tệp ${name} (không tồn tại hoặc không có quyền đọc).` }] };
  }
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const read = await readInputWorkbook(buf, lookup);
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
  const files = collectImportFiles(paths);
  const lookup = importLookup(ctx);
  const hasData = (ctx.db.prepare('SELECT 1 FROM submissions LIMIT 1').get() as unknown) !== undefined;
  if (files.length && hasData && isFileDatabase(ctx.db)) await backupDatabase(ctx.db, 'truoc-nhap');
  const results: ImportFileResult[] = [];
  for (const [i, f] of files.entries()) {
    options.onProgress?.({ done: i, total: files.length, label: path.basename(f) });
    results.push(await importFile(ctx, f, lookup, options));
  }
  options.onProgress?.({ done: files.length, total: files.length, label: 'Xong' });
  return results;
}
