// Importing returned files: workbooks (and units' Word reports), from files or folders. Each workbook is
// parsed by the streaming reader (in worker threads when that pays), checked, then stored in its own
// transaction, accepted whole or rejected whole with its reasons; an accepted file becomes a new version
// of its unit-year. Nothing about one file or folder stops the others.
import { existsSync } from 'node:fs';
import { periodKey, periodText, type ReportPeriod } from '../../shared/periods.ts';
import path from 'node:path';
import type { ImportFileResult, ImportFinding, ProgressListener } from '../../shared/types.ts';
import { isAppError } from '../errors.ts';
import { fileError, isOsError, sqliteAsOsError } from '../files/os-errors.ts';
import { backupDatabase, isFileDatabase } from '../db/backup.ts';
import { databaseFile, readOnlyError, readOnlyNotice } from '../db/read-only.ts';
import { makeLookup, type ImportLookup, type ParsedSubmission } from '../import/read-input-workbook.ts';
import { collectImportFiles } from '../import/collect-files.ts';
import { parseImportFile, type ParsedFile } from '../import/parse-file.ts';
import { startParsePool } from '../import/parse-pool.ts';
import { isoDate, type ServiceContext } from '../store/context.ts';
import { getSettings } from '../store/settings.ts';
import { contentHash, currentSubmissionId, insertSubmissionVersion } from '../store/submissions.ts';
import { listUnits } from '../store/units.ts';
import { importWordReportFile, WORD_EXT } from './word-reports.ts';
import { listYears } from '../store/years.ts';

export { collectImportFiles } from '../import/collect-files.ts';

export function importLookup(ctx: ServiceContext): ImportLookup {
  const settings = getSettings(ctx);
  const reporting = (kind: string) => ctx.template.unitKinds.some((k) => k.code === kind && k.sheets.length > 0);
  return makeLookup({
    template: ctx.template,
    units: listUnits(ctx, { unordered: true })
      .filter((u) => reporting(u.kind))
      .map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    years: listYears(ctx),
    documentsFrom: settings.documents_from,
    today: isoDate(ctx.now()),
  });
}

export interface ImportOptions {
  /** The date the file arrived, when it is not the day of import (ISO). */
  receivedAt?: string;
  onProgress?: ProgressListener;
  /**
   * The period the files are expected for (a key of shared/periods.ts): a workbook of another period is
   * refused (a 2026-H1 workbook is not the 2026 annual report). Without it each workbook goes to its own period.
   */
  period?: ReportPeriod;
}

/** What an OS or database error means for one file of a batch, in words, with what to do next. */
export function fileFailure(e: unknown, name: string): ImportFinding {
  if (isAppError(e)) return { code: e.code, severity: 'error', message: e.message };
  const code = (e as { code?: unknown } | null)?.code;
  const text = e instanceof Error ? e.message : String(e);
  const finding = (c: string, message: string): ImportFinding => ({ code: c, severity: 'error', message });
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_LOCKED':
      return finding('db_busy', `Cơ sở dữ liệu đang bận (một lần nhập khác đang ghi): chưa lưu được "${name}". Hãy nhập lại tệp này sau ít phút.`);
    case 'SQLITE_READONLY':
      return finding('db_readonly', `Cơ sở dữ liệu chỉ đọc: không lưu được "${name}". Hãy mở cơ sở dữ liệu ở thư mục có quyền ghi rồi nhập lại.`);
  }
  // The operating system's answers (SQLite's full disk or failing device among them) read as everywhere else.
  const os = sqliteAsOsError(e);
  if (isOsError(os)) {
    const err = fileError(os, name, os === e ? 'read' : 'store');
    return finding(err.code, err.message);
  }
  return finding(
    'import_failed',
    `Không nhập được "${name}" do lỗi không lường trước (${text.slice(0, 200)}). Tệp chưa được nhận; hãy nhập lại, nếu vẫn lỗi hãy gửi tệp cho bộ phận kỹ thuật.`,
  );
}

function refused(file: string, finding: ImportFinding, who: Partial<ImportFileResult> = {}): ImportFileResult {
  return { ...who, file, status: 'rejected', findings: [finding] };
}

/** A file read and checked, not yet stored; `content` its submission's contentHash once worked out (contentOf). */
type ReadFile = { file: string; name: string; sha256: string; read: Extract<ParsedFile, { ok: true }>['read']; content?: string };

/** The contentHash of a read file's submission, worked out once per file (a batch compares and stores it). */
function contentOf(r: ReadFile, s: ParsedSubmission): string {
  return (r.content ??= contentHash(s));
}

/** Reads and checks one file (a Word report is read and stored at once: it holds texts only). */
async function readImportFile(ctx: ServiceContext, file: string, lookup: ImportLookup, parsed?: Promise<ParsedFile>): Promise<ReadFile | ImportFileResult> {
  if (WORD_EXT.test(file)) return importWordReportFile(ctx, file);
  const got = await (parsed ?? parseImportFile(file, lookup));
  if (!got.ok) return got.result;
  const { sha256, read } = got;
  if (read.ok && isUnfilled(read.submission)) {
    const s = read.submission;
    return refused(
      file,
      {
        code: 'unfilled',
        severity: 'error',
        message: `Biểu mẫu năm ${s.year} của ${s.unit.name} chưa điền số liệu: không có số liệu, văn bản hay nội dung nào, nên chưa được nhận (đơn vị vẫn ở trạng thái "Chưa gửi" trong Thu nhận). Đề nghị đơn vị điền biểu mẫu rồi gửi lại; chỉ tiêu nào trong năm không phát sinh thì ghi 0.`,
      },
      { unit: s.unit.code, unitName: s.unit.name, year: s.year },
    );
  }
  return { file, name: path.basename(file), sha256, read };
}

/** A workbook returned as it was sent: no figure (a 0 is a figure), no document, no text. */
export function isUnfilled(s: Pick<ParsedSubmission, 'values' | 'documents' | 'narratives'>): boolean {
  return s.values.every((v) => v.value === null) && s.documents.length === 0 && s.narratives.length === 0;
}

function storeImportFile(ctx: ServiceContext, r: ReadFile, lookup: ImportLookup, options: ImportOptions): ImportFileResult {
  const { file, name, sha256, read } = r;
  if (!read.ok) {
    const unitName = read.unit ? lookup.findUnit(read.unit)?.name : undefined;
    return { file, status: 'rejected', unit: read.unit, unitName, year: read.year, findings: read.findings };
  }
  const s = read.submission;
  const key = periodKey(s.period);
  const annual = s.period.kind === 'year';
  const base = { file, unit: s.unit.code, unitName: s.unit.name, year: s.year, ...(annual ? {} : { period: key }) };
  if (options.period && periodKey(options.period) !== key) {
    return refused(
      file,
      {
        code: 'wrong_period',
        severity: 'error',
        message: `Tệp ${name} là báo cáo ${periodText(s.period)} của ${s.unit.name}, không phải báo cáo ${periodText(options.period)} đang nhận: không nhận tệp. Hãy nhập tệp này vào kỳ ${periodText(s.period)}, hoặc đề nghị đơn vị gửi biểu mẫu ${periodText(options.period)}.`,
      },
      base,
    );
  }
  try {
    // One immediate transaction: the reads that decide (current version, corrections) and the write see
    // one state of the database, and a second process importing at once waits its turn (busy timeout).
    return ctx.db
      .transaction((): ImportFileResult => {
        const current = currentSubmissionId(ctx, s.unit.code, key);
        // The same file, or the same figures, documents and texts re-saved (Excel and LibreOffice change the bytes).
        if (current && (current.sha256 === sha256 || current.content_sha256 === contentOf(r, s))) {
          const what = current.sha256 === sha256 ? 'Tệp giống hệt' : 'Tệp có nội dung giống hệt';
          return {
            ...base,
            status: 'same_file',
            version: current.version,
            submissionId: current.id,
            findings: [
              {
                code: 'same_file',
                severity: 'info',
                message: `${what} phiên bản ${current.version} đang dùng của ${s.unit.name} ${periodText(s.period)}; không lưu thêm.`,
              },
            ],
          };
        }
        const findings = [...s.findings];
        if (current) {
          // Corrections belong to the version they were made on: say so when a new version replaces it.
          const corrected = ctx.db.prepare('SELECT DISTINCT code FROM corrections WHERE submission_id = ? ORDER BY code').all(current.id) as { code: string }[];
          if (corrected.length) {
            findings.push({
              code: 'corrections_superseded',
              severity: 'warning',
              message: `Phiên bản ${current.version} của ${s.unit.name} có ${corrected.length} số liệu đã được sửa (${corrected.map((c) => c.code).join(', ')}); phiên bản mới dùng số liệu đơn vị gửi lại, không mang theo các chỉnh sửa đó. Hãy kiểm tra lại.`,
            });
          }
        }
        const stored = insertSubmissionVersion(ctx, {
          unitCode: s.unit.code,
          year: s.year,
          ...(annual ? {} : { period: key }),
          source: 'xlsx',
          fileName: name,
          sha256,
          workbookId: s.workbookId,
          templateVersion: s.templateVersion,
          receivedAt: options.receivedAt,
          values: s.values,
          documents: s.documents,
          narratives: s.narratives,
          findings,
          contentSha256: contentOf(r, s),
        });
        return { ...base, status: 'accepted', version: stored.version, submissionId: stored.id, findings };
      })
      .immediate();
  } catch (e) {
    return refused(file, fileFailure(e, name), base);
  }
}

export async function importFile(
  ctx: ServiceContext,
  file: string,
  lookup: ImportLookup,
  options: ImportOptions = {},
  parsed?: Promise<ParsedFile>,
): Promise<ImportFileResult> {
  const r = await readImportFile(ctx, file, lookup, parsed);
  return 'status' in r ? r : storeImportFile(ctx, r, lookup, options);
}

/**
 * Two files of one batch for one unit and year, with different contents: neither is taken, each line names
 * the other files. Identical copies (same file, or same content) are one file: the first is taken.
 */
function conflictsOf(reads: ReadFile[]): Map<string, string[]> {
  const byUnitYear = new Map<string, ReadFile[]>();
  for (const r of reads) {
    if (!r.read.ok) continue;
    const key = `${r.read.submission.unit.code}|${periodKey(r.read.submission.period)}`;
    byUnitYear.set(key, [...(byUnitYear.get(key) ?? []), r]);
  }
  const conflicts = new Map<string, string[]>(); // file → the other files claiming its unit and year
  for (const group of byUnitYear.values()) {
    if (group.length < 2) continue;
    const contents = new Set(group.map((r) => (r.read.ok ? contentOf(r, r.read.submission) : r.sha256)));
    if (contents.size < 2) continue;
    for (const r of group)
      conflicts.set(
        r.file,
        group.filter((o) => o !== r).map((o) => o.name),
      );
  }
  return conflicts;
}

/**
 * Imports many files: each file is read and checked, then stored, each in its own transaction. Nothing
 * about one file or folder stops the others: a failure (unreadable, disk full, database busy…) becomes that
 * file's refusal with its reason, and every file gets its line.
 */
export async function importFiles(ctx: ServiceContext, paths: string[], options: ImportOptions = {}): Promise<ImportFileResult[]> {
  // A database opened read-only stores nothing: the whole batch is refused with the reason, once.
  if (readOnlyNotice(ctx.db)) throw readOnlyError(databaseFile(ctx.db));
  const lookup = importLookup(ctx);
  const listed: (string | ImportFileResult)[] = [];
  for (const p of paths) {
    // A path that names nothing, and not a workbook either: a folder typed or pasted wrongly. Said as such
    // (one line for the folder), not as a file refused.
    if (!existsSync(p) && !/\.[a-z0-9]{2,5}$/i.test(p)) {
      listed.push(
        refused(p, {
          code: 'folder_missing',
          severity: 'error',
          message: `Không tìm thấy thư mục ${p}. Hãy kiểm tra lại đường dẫn (ổ đĩa, tên thư mục), hoặc mở thư mục trong File Explorer, bấm vào thanh địa chỉ và chép đường dẫn vào đây.`,
        }),
      );
      continue;
    }
    try {
      const { files, skipped } = collectImportFiles([p]);
      listed.push(...files, ...skipped);
    } catch (e) {
      listed.push(refused(p, fileFailure(e, path.basename(p))));
    }
  }
  const files = listed.filter((f): f is string => typeof f === 'string');
  const total = files.length * 2;
  const hasData = (ctx.db.prepare('SELECT 1 FROM submissions LIMIT 1').get() as unknown) !== undefined;
  if (files.length && hasData && isFileDatabase(ctx.db)) {
    try {
      await backupDatabase(ctx.db, 'before_import');
    } catch (e) {
      // Without the safety copy nothing is stored: each file says why.
      const why = fileFailure(e, 'bản sao lưu trước khi nhập');
      return listed.map((f) =>
        typeof f === 'string' ? refused(f, { ...why, message: `Chưa nhận: không tạo được bản sao lưu trước khi nhập. ${why.message}` }) : f,
      );
    }
  }
  // Read and check every file first, so that two files claiming one unit and year are both known before
  // either is stored; progress counts reading and storing.
  const reads = new Map<string, ReadFile | ImportFileResult>();
  // Workbooks are parsed ahead (in worker threads beside this one when the batch is large enough) and
  // checked here in order.
  const pool = startParsePool(lookup, files.length);
  try {
    const parsed = files.map((f) => (WORD_EXT.test(f) ? undefined : pool.parse(f)));
    for (const p of parsed) p?.catch(() => {}); // awaited in order below; a failure must not go unhandled meanwhile
    for (const [i, f] of files.entries()) {
      options.onProgress?.({ done: i, total, label: path.basename(f) });
      try {
        reads.set(f, await readImportFile(ctx, f, lookup, parsed[i]));
      } catch (e) {
        reads.set(f, refused(f, fileFailure(e, path.basename(f))));
      }
    }
  } finally {
    await pool.close();
  }
  const conflicts = conflictsOf([...reads.values()].filter((r): r is ReadFile => !('status' in r)));
  const results: ImportFileResult[] = [];
  let i = 0;
  for (const f of listed) {
    if (typeof f !== 'string') {
      results.push(f);
      continue;
    }
    options.onProgress?.({ done: files.length + i++, total, label: `Lưu ${path.basename(f)}` });
    const r = reads.get(f)!;
    if ('status' in r) {
      results.push(r);
      continue;
    }
    const others = conflicts.get(f);
    if (others && r.read.ok) {
      const s = r.read.submission;
      results.push(
        refused(
          f,
          {
            code: 'conflicting_files',
            severity: 'error',
            message: `Trong cùng đợt nhập có ${others.length + 1} tệp khác nhau cùng là báo cáo ${periodText(s.period)} của ${s.unit.name} (${[r.name, ...others].join('; ')}): không nhận tệp nào. Hãy hỏi đơn vị tệp nào đúng rồi chỉ nhập tệp đó.`,
          },
          { unit: s.unit.code, unitName: s.unit.name, year: s.year },
        ),
      );
      continue;
    }
    try {
      results.push(storeImportFile(ctx, r, lookup, options));
    } catch (e) {
      results.push(refused(f, fileFailure(e, r.name)));
    }
  }
  options.onProgress?.({ done: total, total, label: 'Xong' });
  return results;
}
