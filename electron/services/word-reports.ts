// Units' Word reports (.docx): read, placed in the outline's narrative sections and shown before anything is
// saved (previewWordReport); saved as a new version of the unit's texts for the year (saveWordReport), logged in
// the audit log. importWordReportFile is the same in one step for the import of files and folders (CLI, drop):
// the unit and year must then be found in the report itself or its file name, and unplaced text is not saved.
// Figures in the text are never read as figures: only text is stored.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { outlineNarrativeCodes } from '../../shared/outline-schema.ts';
import { reportingKinds } from '../../shared/template.ts';
import type { ImportFileResult, ImportFinding } from '../../shared/types.ts';
import type { WordReportPreview, WordReportSaved, WordReportSection } from '../../shared/word-report-types.ts';
import { placeBlocks } from '../import/docx/outline-match.ts';
import { readDocx } from '../import/docx/read-docx.ts';
import { guessUnit, guessYear, headerLines } from '../import/docx/which-unit.ts';
import { AppError, isAppError } from '../errors.ts';
import { loadOutline } from '../report/outline-store.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { assertYearOpen } from '../store/submissions.ts';
import { listUnits } from '../store/units.ts';
import { listYears } from '../store/years.ts';

/** The longest text kept for one section (a long report's section is a few thousand characters). */
const MAX_SECTION_CHARS = 200_000;

/** Word files by name: .docx read; .doc (Word 97–2003) refused with its reason. */
export const WORD_EXT = /\.(docx|doc)$/i;

function narrativeLabels(ctx: ServiceContext): Map<string, string> {
  const labels = new Map<string, string>();
  for (const s of ctx.template.sheets) if (s.kind === 'narrative') for (const i of s.items) labels.set(i.code, i.label);
  return labels;
}

function reportingUnits(ctx: ServiceContext) {
  const kinds = new Set(reportingKinds(ctx.template));
  return listUnits(ctx).filter((u) => kinds.has(u.kind));
}

function readFile(ctx: ServiceContext, file: string): { buf: Buffer } | { finding: ImportFinding } {
  const name = path.basename(file);
  try {
    const size = statSync(file).size;
    const max = ctx.template.limits.maxFileBytes;
    if (size > max)
      return {
        finding: { code: 'too_large', severity: 'error', message: `Tệp quá lớn (${(size / 1048576).toFixed(1)} MB, tối đa ${Math.round(max / 1048576)} MB).` },
      };
    return { buf: readFileSync(file) };
  } catch {
    return { finding: { code: 'not_docx', severity: 'error', message: `Không đọc được tệp ${name} (không tồn tại hoặc không có quyền đọc).` } };
  }
}

const EMPTY_SECTION = 'Báo cáo Word không có nội dung cho mục này.';

/** Reads a Word report and places its text; nothing is stored. */
export async function previewWordReport(ctx: ServiceContext, file: string, given?: Buffer): Promise<WordReportPreview & { sha256: string | null }> {
  const fileName = path.basename(file);
  const empty: WordReportPreview & { sha256: string | null } = {
    file,
    fileName,
    ok: false,
    findings: [],
    unit: null,
    year: null,
    encoding: null,
    sections: [],
    unplaced: [],
    sha256: null,
  };
  let buf = given;
  if (!buf) {
    const r = readFile(ctx, file);
    if ('finding' in r) return { ...empty, findings: [r.finding] };
    buf = r.buf;
  }
  const read = await readDocx(buf, ctx.template.limits);
  if (!read.ok) return { ...empty, findings: read.findings };
  const outline = loadOutline(ctx.template);
  const placed = placeBlocks(read.blocks, outline, { endMarker: outline.phrases.recipientsTitle });
  const header = headerLines(placed.preamble, { title: outline.title, nationalTitle: outline.phrases.nationalTitle, motto: outline.phrases.motto });
  const unit = guessUnit(fileName, header, reportingUnits(ctx));
  const year = guessYear(placed.preamble, fileName, listYears(ctx));
  const labels = narrativeLabels(ctx);
  const headingOf = new Map(placed.headings.filter((h) => h.code).map((h) => [h.code!, h.text]));
  const sections: WordReportSection[] = outlineNarrativeCodes(outline).map((code) => {
    const text = placed.texts.get(code) ?? '';
    let warning: string | null = text === '' ? EMPTY_SECTION : null;
    if (placed.viaFirstPoint.includes(code)) {
      warning = `Nội dung lấy từ mục "${headingOf.get(code) ?? ''}" (báo cáo không chia thành các ý): hãy xem lại, chia sang các ý khác nếu cần.`;
    }
    return { code, label: labels.get(code) ?? code, text, warning };
  });
  const findings: ImportFinding[] = [];
  if (read.encoding)
    findings.push({
      code: 'legacy_font',
      severity: 'info',
      message: `Báo cáo gõ bằng phông ${read.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'}: đã chuyển sang Unicode.`,
    });
  if (!unit)
    findings.push({
      code: 'unit_unknown',
      severity: 'warning',
      message: 'Không nhận ra đơn vị gửi báo cáo (từ tên cơ quan ở đầu văn bản hoặc tên tệp): hãy chọn đơn vị.',
    });
  if (year === null) findings.push({ code: 'year_unknown', severity: 'warning', message: 'Không nhận ra năm báo cáo (“năm …” ở tiêu đề): hãy chọn năm.' });
  if (placed.unplaced.length > 0) {
    findings.push({
      code: 'text_unplaced',
      severity: 'warning',
      message: `${placed.unplaced.length} đoạn không khớp mục nào của đề cương: hãy chọn mục cho từng đoạn hoặc bỏ qua.`,
    });
  }
  if (placed.texts.size === 0)
    findings.push({ code: 'no_section', severity: 'warning', message: 'Không tìm thấy đề mục nào của đề cương trong báo cáo: hãy xếp từng đoạn vào mục.' });
  const sha256 = createHash('sha256').update(buf).digest('hex');
  return { file, fileName, ok: true, findings, unit, year, encoding: read.encoding, sections, unplaced: placed.unplaced, sha256 };
}

export interface SaveWordReportInput {
  file: string;
  unit: string;
  year: number;
  /** Narrative code → text, as shown (and completed by hand) in the preview. */
  texts: Record<string, string>;
  /** The file's sha256 as previewed (kept with the version). */
  sha256?: string | null;
}

function textsHash(texts: [string, string][]): string {
  return createHash('sha256')
    .update(JSON.stringify([...texts].sort((a, b) => a[0].localeCompare(b[0]))))
    .digest('hex');
}

/** Saves the texts as a new version of the unit's Word report for the year (same texts again: nothing saved). */
export function saveWordReport(ctx: ServiceContext, input: SaveWordReportInput): WordReportSaved {
  const unit = reportingUnits(ctx).find((u) => u.code === input.unit);
  if (!unit) throw new AppError('unknown_unit', `Không có đơn vị báo cáo mã "${input.unit}": hãy chọn một đơn vị trong danh sách.`);
  if (!listYears(ctx).includes(input.year)) throw new AppError('unknown_year', `Chưa có năm ${input.year}: hãy thêm năm ở bước Thiết lập hoặc chọn năm khác.`);
  const outline = loadOutline(ctx.template);
  const codes = new Set(outlineNarrativeCodes(outline));
  const texts: [string, string][] = [];
  for (const [code, raw] of Object.entries(input.texts)) {
    if (!codes.has(code)) throw new AppError('unknown_section', `Mục "${code}" không có trong đề cương báo cáo.`);
    const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (text.length > MAX_SECTION_CHARS)
      throw new AppError('text_too_long', `Nội dung mục "${code}" quá dài (${text.length} ký tự, tối đa ${MAX_SECTION_CHARS}).`);
    if (text !== '') texts.push([code, text]);
  }
  if (texts.length === 0) throw new AppError('empty_report', 'Chưa có nội dung nào để lưu: hãy xếp ít nhất một đoạn vào một mục của đề cương.');
  const fileName = path.basename(input.file);
  const contentSha = textsHash(texts);
  return ctx.db.transaction((): WordReportSaved => {
    assertYearOpen(ctx, input.year);
    const current = ctx.db
      .prepare('SELECT id, version, content_sha256 FROM word_reports WHERE unit_id = ? AND year = ? AND is_current = 1')
      .get(unit.id, input.year) as { id: number; version: number; content_sha256: string } | undefined;
    const base = { file: input.file, unit: unit.code, unitName: unit.name, year: input.year, sections: texts.length };
    if (current?.content_sha256 === contentSha) {
      return {
        ...base,
        status: 'same_file',
        version: current.version,
        findings: [
          {
            code: 'same_file',
            severity: 'info',
            message: `Nội dung giống hệt báo cáo Word phiên bản ${current.version} đang dùng của ${unit.name} năm ${input.year}; không lưu thêm.`,
          },
        ],
      };
    }
    const prev = ctx.db.prepare('SELECT MAX(version) AS v FROM word_reports WHERE unit_id = ? AND year = ?').get(unit.id, input.year) as { v: number | null };
    const version = (prev.v ?? 0) + 1;
    ctx.db.prepare('UPDATE word_reports SET is_current = 0 WHERE unit_id = ? AND year = ? AND is_current = 1').run(unit.id, input.year);
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO word_reports (unit_id, year, version, file_name, sha256, content_sha256, imported_at, imported_by, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        )
        .run(unit.id, input.year, version, fileName, input.sha256 ?? null, contentSha, ctx.now().toISOString(), ctx.user).lastInsertRowid,
    );
    const ins = ctx.db.prepare('INSERT INTO word_report_texts (word_report_id, code, text) VALUES (?, ?, ?)');
    for (const [code, text] of texts) ins.run(id, code, text);
    audit(ctx, {
      action: 'word_report.import',
      entity: 'word_report',
      entityId: id,
      oldValue: current ? { id: current.id, version: current.version } : undefined,
      newValue: { unit: unit.code, year: input.year, version, file: fileName, sections: texts.map(([code]) => code) },
    });
    return { ...base, status: 'accepted', version, findings: [] };
  })();
}

/** Import in one step (a file or folder import): placed text saved, unplaced text left out with a warning. */
export async function importWordReportFile(ctx: ServiceContext, file: string): Promise<ImportFileResult> {
  const preview = await previewWordReport(ctx, file);
  if (!preview.ok) return { file, status: 'rejected', findings: preview.findings };
  const findings = preview.findings.filter(
    (f) => f.code !== 'unit_unknown' && f.code !== 'year_unknown' && f.code !== 'text_unplaced' && f.code !== 'no_section',
  );
  if (!preview.unit) {
    return {
      file,
      status: 'rejected',
      findings: [
        {
          code: 'unit_unknown',
          severity: 'error',
          message: `Không nhận ra đơn vị gửi báo cáo Word ${preview.fileName} (tên cơ quan ở đầu văn bản hoặc tên tệp): hãy đặt tên tệp theo tên hoặc mã đơn vị (ví dụ "Sở Tư pháp.docx"), hoặc mở bước Thu nhận, chọn tệp rồi chọn đơn vị.`,
        },
      ],
    };
  }
  const base = { file, unit: preview.unit.code, unitName: preview.unit.name };
  if (preview.year === null) {
    return {
      ...base,
      status: 'rejected',
      findings: [
        {
          code: 'year_unknown',
          severity: 'error',
          message: `Không nhận ra năm của báo cáo Word ${preview.fileName} (“năm …” ở tiêu đề): hãy mở bước Thu nhận và chọn năm.`,
        },
      ],
    };
  }
  const texts = Object.fromEntries(preview.sections.filter((s) => s.text !== '').map((s) => [s.code, s.text]));
  if (Object.keys(texts).length === 0) {
    return {
      ...base,
      year: preview.year,
      status: 'rejected',
      findings: [
        {
          code: 'no_section',
          severity: 'error',
          message: `Không tìm thấy đề mục nào của đề cương trong báo cáo Word ${preview.fileName}: hãy mở bước Thu nhận để xếp từng đoạn vào mục.`,
        },
      ],
    };
  }
  const unplacedChars = preview.unplaced.reduce((n, u) => n + u.text.length, 0);
  if (preview.unplaced.length > 0) {
    const heads = preview.unplaced.map((u) => `"${u.heading ?? '…'}"`).join(', ');
    findings.push({
      code: 'text_unplaced',
      severity: 'warning',
      message: `${preview.unplaced.length} đoạn (${unplacedChars} ký tự, dưới ${heads}) không khớp mục nào của đề cương nên không được lưu: mở bước Thu nhận để xếp tay nếu cần.`,
    });
  }
  const missing = preview.sections.filter((s) => s.text === '');
  if (missing.length > 0) {
    findings.push({
      code: 'section_empty',
      severity: 'info',
      message: `Báo cáo Word không có nội dung cho ${missing.length}/${preview.sections.length} mục của đề cương; các mục đó dùng nội dung ô BAO_CAO của biểu mẫu (nếu có).`,
    });
  }
  for (const s of preview.sections)
    if (s.text !== '' && s.warning) findings.push({ code: 'section_combined', severity: 'warning', message: `${s.label}: ${s.warning}` });
  try {
    const saved = saveWordReport(ctx, { file, unit: preview.unit.code, year: preview.year, texts, sha256: preview.sha256 });
    return { ...base, year: saved.year, status: saved.status, version: saved.version, findings: [...saved.findings, ...findings] };
  } catch (e) {
    if (isAppError(e)) return { ...base, year: preview.year, status: 'rejected', findings: [{ code: e.code, severity: 'error', message: e.message }] };
    throw e;
  }
}

/** The sha256 of a file as it is now (kept with a saved version); null when it can no longer be read. */
export function fileSha256(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

export interface WordReportVersion {
  version: number;
  fileName: string | null;
  importedAt: string;
  importedBy: string;
  current: boolean;
  texts: Record<string, string>;
}

/** The Word report versions of a unit-year, newest first. */
export function wordReportVersions(ctx: ServiceContext, unit: string, year: number): WordReportVersion[] {
  const rows = ctx.db
    .prepare(
      `SELECT w.id, w.version, w.file_name, w.imported_at, w.imported_by, w.is_current FROM word_reports w JOIN units u ON u.id = w.unit_id
       WHERE u.code = ? AND w.year = ? ORDER BY w.version DESC`,
    )
    .all(unit, year) as { id: number; version: number; file_name: string | null; imported_at: string; imported_by: string; is_current: number }[];
  const texts = ctx.db.prepare('SELECT code, text FROM word_report_texts WHERE word_report_id = ?');
  return rows.map((r) => ({
    version: r.version,
    fileName: r.file_name,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    current: r.is_current === 1,
    texts: Object.fromEntries((texts.all(r.id) as { code: string; text: string }[]).map((t) => [t.code, t.text])),
  }));
}
