// A unit list as officials keep it, read into a plan (what will be added, kept, renamed, removed or
// retired) that the window previews before anything is saved, and applied as one transaction. The same
// plan serves the window, the CLI (`units --import`) and the tests.
//  - Kinds are read from words ("Xã", "Sở, ngành", "Công an"…; templates/<id>/unit-kind-words.json).
//  - Codes are the file's when given, else the code of the unit of the same name already held, else made
//    from the name (initials, "X_ANPHU" for a commune): the same list gives the same codes.
//  - In a database without any submission the list replaces the units held (the province's own unit and
//    the standing agency stay); otherwise units missing from the list are kept, or retired on request.
//  - A name that repeats another row, or an existing unit under another code, is flagged and skipped.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { UnitListPreview, UnitListPreviewRow, UnitListImportResult } from '../../shared/api-types.ts';
import { looseKey } from '../../shared/text.ts';
import type { Unit, UnitInput } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { ensureFolder, writeFileAtomic } from '../files/atomic-write.ts';
import { FIELD_LABELS, readUnitListTable } from '../import/unit-list.ts';
import { templatePath } from '../template-store.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { provinceTemplate } from '../store/settings.ts';
import { listUnits, setUnitActive, upsertUnits } from '../store/units.ts';

interface KindWords {
  kinds: Record<string, string[]>;
  codePrefixes: Record<string, string>;
}

const kindWordsCache = new Map<string, KindWords>();

function kindWords(ctx: ServiceContext): KindWords {
  const id = ctx.template.id;
  let words = kindWordsCache.get(id);
  if (!words) {
    const file = templatePath(id, 'unit-kind-words.json');
    words = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KindWords) : { kinds: {}, codePrefixes: {} };
    kindWordsCache.set(id, words);
  }
  return words;
}

/** Words of a text without case, diacritics or punctuation. */
function words(text: string): string[] {
  return looseKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/**
 * The unit kind a text names: a kind's code or label, or one of its words (the longest that matches wins);
 * `atStart` (a unit's name) takes only words the text begins with.
 */
export function kindOfText(ctx: ServiceContext, text: string, atStart = false): string | null {
  const t = words(text).join(' ');
  if (!t) return null;
  for (const k of ctx.template.unitKinds) if (!atStart && (k.code === text.trim() || words(k.label).join(' ') === t)) return k.code;
  let best: { kind: string; length: number } | null = null;
  for (const [kind, list] of Object.entries(kindWords(ctx).kinds)) {
    if (!ctx.template.unitKinds.some((k) => k.code === kind)) continue;
    for (const w of list) {
      const key = words(w).join(' ');
      if (!key) continue;
      const hit = atStart ? t === key || t.startsWith(`${key} `) : ` ${t} `.includes(` ${key} `);
      if (hit && (!best || key.length > best.length)) best = { kind, length: key.length };
    }
  }
  return best?.kind ?? null;
}

/** A readable code made from a name: initials ("Sở Giáo dục và Đào tạo" → SGDDT), a commune's prefix and name ("Xã An Phú" → X_ANPHU). */
export function codeFromName(ctx: ServiceContext, name: string, kind: string | null): string {
  const w = words(name);
  const prefixes = Object.entries(kindWords(ctx).codePrefixes).map(([word, prefix]) => ({ key: words(word), prefix }));
  if (kind && (kindWords(ctx).kinds[kind] ?? []).some((x) => prefixes.some((p) => p.key.join(' ') === words(x).join(' ')))) {
    const p = prefixes.filter((x) => x.key.every((k, i) => w[i] === k)).sort((a, b) => b.key.length - a.key.length)[0];
    if (p && w.length > p.key.length) return `${p.prefix}_${w.slice(p.key.length).join('').toUpperCase()}`.slice(0, 24);
  }
  const meaningful = w.filter((x) => x !== 'va');
  if (meaningful.length === 1) return meaningful[0]!.toUpperCase().slice(0, 12);
  return meaningful
    .map((x) => (/^\d+$/.test(x) ? x : x[0]!))
    .join('')
    .toUpperCase()
    .slice(0, 24);
}

/** A code made from the name that `used` (upper-cased codes) does not hold yet: "X_ANPHU", else "X_ANPHU_2"… */
export function unusedCodeFromName(ctx: ServiceContext, name: string, kind: string | null, used: ReadonlySet<string>): string {
  const stem = codeFromName(ctx, name, kind) || 'DV';
  let code = stem;
  for (let n = 2; used.has(code.toUpperCase()); n++) code = `${stem}_${n}`;
  return code;
}

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

function hasSubmissions(ctx: ServiceContext): boolean {
  const s = ctx.db.prepare('SELECT EXISTS (SELECT 1 FROM submissions) AS s').get() as { s: number };
  const w = ctx.db.prepare("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'word_reports') AS t").get() as { t: number };
  const wr = w.t ? (ctx.db.prepare('SELECT EXISTS (SELECT 1 FROM word_reports) AS s').get() as { s: number }).s : 0;
  return s.s === 1 || wr === 1;
}

interface Plan {
  preview: UnitListPreview;
  /** What upsertUnits receives, in list order. */
  inputs: UnitInput[];
}

/** The kinds' names as the province reads them ("Công an tỉnh"), by kind code. */
function kindLabels(ctx: ServiceContext): (kind: string | null) => string {
  const labels = new Map(provinceTemplate(ctx).unitKinds.map((k) => [k.code, k.label]));
  return (kind) => (kind ? (labels.get(kind) ?? '') : '');
}

export async function planUnitList(ctx: ServiceContext, file: string, options: { retireMissing?: boolean } = {}): Promise<Plan> {
  const table = await readUnitListTable(file);
  const existing = listUnits(ctx);
  const replaces = !hasSubmissions(ctx);
  const kindLabel = kindLabels(ctx);
  const root = existing.find((u) => u.kind === 'tinh' && !u.parentCode) ?? null;
  const byCode = new Map(existing.map((u) => [u.code.toUpperCase(), u]));
  const byName = new Map<string, Unit>();
  for (const u of existing) if (!byName.has(looseKey(u.name))) byName.set(looseKey(u.name), u);
  const kindNames = ctx.template.unitKinds.map((k) => `"${k.label}"`).join(', ');

  const problems: string[] = [];
  const rows: UnitListPreviewRow[] = [];
  const seenNames = new Map<string, number>();
  const usedCodes = new Set(existing.map((u) => u.code.toUpperCase()));
  const matched = new Set<string>();

  for (const r of table.rows) {
    const v = r.values;
    const given = v.code && CODE_PATTERN.test(v.code) ? v.code : null;
    const byGivenCode = given ? byCode.get(given.toUpperCase()) : undefined;
    const name = v.name ?? byGivenCode?.name ?? '';
    const base: UnitListPreviewRow = {
      row: r.row,
      name,
      code: '',
      codeGenerated: false,
      kind: null,
      kindLabel: '',
      kindText: v.kind ?? '',
      parentName: null,
      action: 'skip',
      note: null,
    };
    if (!name) {
      problems.push(`Dòng ${r.row}: thiếu tên đơn vị.`);
      rows.push({ ...base, note: 'thiếu tên đơn vị' });
      continue;
    }
    if (v.code && !given) {
      problems.push(
        `Dòng ${r.row} (${name}): mã "${v.code}" chỉ được gồm chữ không dấu, số và dấu _ . - (tối đa 32 ký tự); hãy sửa mã hoặc để trống để phần mềm tự đặt.`,
      );
      rows.push({ ...base, note: 'mã không hợp lệ' });
      continue;
    }
    const kind = v.kind ? kindOfText(ctx, v.kind) : kindOfText(ctx, name, true);
    if (!kind) {
      problems.push(
        v.kind
          ? `Dòng ${r.row} (${name}): không hiểu loại đơn vị "${v.kind}". Hãy ghi một trong các loại: ${kindNames} (hoặc Sở, Ban, Hội, Đoàn, Công an, Viện kiểm sát, Tòa án, Xã, Phường, Đặc khu).`
          : `Dòng ${r.row} (${name}): chưa ghi loại đơn vị. Hãy ghi loại ở cột "Loại đơn vị" (ví dụ: Sở, ngành; Công an; Xã).`,
      );
      rows.push({ ...base, note: 'không rõ loại đơn vị' });
      continue;
    }
    const key = looseKey(name);
    const earlier = seenNames.get(key);
    if (earlier !== undefined) {
      rows.push({ ...base, kind, kindLabel: kindLabel(kind), note: `trùng tên với dòng ${earlier}; bỏ qua dòng này` });
      continue;
    }
    seenNames.set(key, r.row);
    // The province's own unit: the list's row of that kind is the one held.
    let unit: Unit | undefined = byGivenCode ?? (kind === 'tinh' && root ? root : byName.get(key));
    if (given && !byGivenCode) {
      const sameName = byName.get(key);
      if (sameName && !matched.has(sameName.code)) {
        rows.push({ ...base, kind, kindLabel: kindLabel(kind), note: `trùng tên với đơn vị đã có (${sameName.name}) nhưng khác mã; bỏ qua dòng này` });
        continue;
      }
      unit = undefined;
    }
    if (unit && matched.has(unit.code)) unit = undefined;
    let code: string;
    let generated = false;
    if (unit) code = unit.code;
    else if (given) code = given;
    else {
      code = unusedCodeFromName(ctx, name, kind, usedCodes);
      generated = true;
    }
    usedCodes.add(code.toUpperCase());
    if (unit) matched.add(unit.code);
    const action: UnitListPreviewRow['action'] = !unit ? 'add' : unit.name !== name || unit.kind !== kind || !unit.active ? 'update' : 'keep';
    rows.push({
      ...base,
      code,
      codeGenerated: generated,
      kind,
      kindLabel: kindLabel(kind),
      action,
      note: unit && !unit.active ? 'đang ngừng theo dõi; sẽ theo dõi lại' : null,
    });
  }

  // Parents: the "Thuộc" column names a unit of the list or of the database (by name or code); else the province's unit.
  const listed = rows.filter((x) => x.action !== 'skip');
  const listByName = new Map(listed.map((x) => [looseKey(x.name), x.code]));
  const listByCode = new Map(listed.map((x) => [x.code.toUpperCase(), x.code]));
  const rootCode = listed.find((x) => x.kind === 'tinh')?.code ?? root?.code ?? null;
  const inputs: UnitInput[] = [];
  table.rows.forEach((r, i) => {
    const row = rows[i]!;
    if (row.action === 'skip') return;
    let parent: string | null = row.kind === 'tinh' ? null : rootCode;
    const p = r.values.parent;
    if (p && row.kind !== 'tinh') {
      const found = listByCode.get(p.toUpperCase()) ?? listByName.get(looseKey(p)) ?? byCode.get(p.toUpperCase())?.code ?? byName.get(looseKey(p))?.code;
      if (!found) problems.push(`Dòng ${r.row} (${row.name}): không tìm thấy đơn vị cấp trên "${p}" trong danh sách hay trong các đơn vị đã có.`);
      else if (found === row.code) problems.push(`Dòng ${r.row} (${row.name}): đơn vị không thể thuộc chính nó.`);
      else parent = found;
    }
    row.parentName = parent ? (listed.find((x) => x.code === parent)?.name ?? existing.find((u) => u.code === parent)?.name ?? null) : null;
    inputs.push({ code: row.code, name: row.name, kind: row.kind!, parent, order: row.kind === 'tinh' ? 0 : inputs.length + 2 });
  });

  // Units held that the list does not name: the province's unit and the standing agency (when the list has none) stay.
  const listsStanding = listed.some((x) => x.kind === 'thuong_truc');
  const absent = existing
    .filter((u) => u.active && !matched.has(u.code) && !listed.some((x) => x.code === u.code))
    .filter((u) => u.code !== root?.code && !(u.kind === 'thuong_truc' && !listsStanding))
    .map((u) => ({
      code: u.code,
      name: u.name,
      kindLabel: kindLabel(u.kind),
      action: (replaces ? 'remove' : options.retireMissing ? 'retire' : 'keep') as 'remove' | 'retire' | 'keep',
    }));

  const count = (a: UnitListPreviewRow['action']) => rows.filter((x) => x.action === a).length;
  const preview: UnitListPreview = {
    file,
    fileName: path.basename(file),
    headerRow: table.headerRow,
    encoding: table.encoding,
    mapping: table.mapping.map((m) => ({ ...m, fieldLabel: FIELD_LABELS[m.field] })),
    rows,
    absent,
    replaces,
    counts: {
      add: count('add'),
      keep: count('keep'),
      update: count('update'),
      skip: count('skip'),
      remove: absent.filter((a) => a.action === 'remove').length,
      retire: absent.filter((a) => a.action === 'retire').length,
      generatedCodes: rows.filter((x) => x.codeGenerated).length,
    },
    problems,
  };
  return { preview, inputs };
}

export async function previewUnitList(ctx: ServiceContext, file: string, options: { retireMissing?: boolean } = {}): Promise<UnitListPreview> {
  return (await planUnitList(ctx, file, options)).preview;
}

/** Reads the list again and applies it in one transaction; a list with problems is refused as a whole. */
export async function importUnitList(ctx: ServiceContext, file: string, options: { retireMissing?: boolean } = {}): Promise<UnitListImportResult> {
  const { preview, inputs } = await planUnitList(ctx, file, options);
  if (preview.problems.length) {
    const more = preview.problems.length > 5 ? ` (và ${preview.problems.length - 5} lỗi khác)` : '';
    throw new AppError(
      'bad_unit',
      `Chưa nhập danh sách đơn vị ${preview.fileName}: ${preview.problems.slice(0, 5).join(' ')}${more} Sửa tệp rồi nhập lại; chưa có gì thay đổi.`,
    );
  }
  if (inputs.length === 0)
    throw new AppError('bad_unit', `Danh sách ${preview.fileName} không có đơn vị nào dưới dòng tiêu đề. Hãy ghi mỗi đơn vị một dòng rồi nhập lại.`);
  let result = { added: 0, updated: 0 };
  const reason = `Không có trong danh sách đơn vị ${preview.fileName}`;
  ctx.db.transaction(() => {
    result = upsertUnits(ctx, inputs, { rowLabel: (i) => `dòng ${preview.rows.filter((r) => r.action !== 'skip')[i]?.row ?? i + 1}` });
    const byCode = new Map(listUnits(ctx).map((u) => [u.code, u]));
    for (const a of preview.absent) {
      if (a.action === 'retire') setUnitActive(ctx, a.code, false, reason);
      if (a.action === 'remove') {
        const id = byCode.get(a.code)!.id;
        ctx.db.prepare('UPDATE units SET parent_id = NULL WHERE parent_id = ?').run(id);
        ctx.db.prepare('UPDATE units SET merged_into_id = NULL WHERE merged_into_id = ?').run(id);
        ctx.db.prepare('DELETE FROM unit_history WHERE unit_id = ?').run(id);
        ctx.db.prepare('DELETE FROM units WHERE id = ?').run(id);
      }
    }
    for (const r of preview.rows)
      if (r.action === 'update' && !byCode.get(r.code)?.active) setUnitActive(ctx, r.code, true, `Có trong danh sách đơn vị ${preview.fileName}`);
    audit(ctx, {
      action: 'unit.import',
      entity: 'unit',
      newValue: {
        file: preview.fileName,
        added: preview.counts.add,
        updated: preview.counts.update,
        kept: preview.counts.keep,
        removed: preview.counts.remove,
        retired: preview.counts.retire,
        skipped: preview.counts.skip,
      },
    });
  })();
  return {
    added: result.added,
    updated: preview.counts.update,
    kept: preview.counts.keep,
    skipped: preview.counts.skip,
    removed: preview.counts.remove,
    retired: preview.counts.retire,
    units: listUnits(ctx),
  };
}

/** A unit list to start from, as officials keep it: a title row, then STT, Tên đơn vị, Loại đơn vị, Thuộc. */
export async function writeSampleUnitList(file: string): Promise<{ file: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách đơn vị');
  ws.columns = [{ width: 6 }, { width: 44 }, { width: 26 }, { width: 12 }, { width: 22 }];
  ws.getCell('A1').value = 'DANH SÁCH CÁC ĐƠN VỊ BÁO CÁO THỰC HIỆN NGHỊ QUYẾT 121';
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 'Mỗi đơn vị một dòng. Cột "Mã" có thể để trống: phần mềm tự đặt mã. Cột "Thuộc" để trống: đơn vị thuộc tỉnh (thành phố).';
  ws.getCell('A2').font = { italic: true, size: 10 };
  ws.mergeCells('A2:E2');
  const header = ws.getRow(4);
  header.values = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Mã (không bắt buộc)', 'Thuộc (không bắt buộc)'];
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  const examples: [string, string][] = [
    ['Sở Y tế', 'Cơ quan thường trực'],
    ['Sở Giáo dục và Đào tạo', 'Sở, ngành'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở, ngành'],
    ['Sở Tư pháp', 'Sở, ngành'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Mặt trận, đoàn thể'],
    ['Tỉnh đoàn', 'Đoàn thể'],
    ['Hội Liên hiệp Phụ nữ tỉnh', 'Hội'],
    ['Công an tỉnh', 'Công an'],
    ['Viện kiểm sát nhân dân tỉnh', 'Viện kiểm sát'],
    ['Tòa án nhân dân tỉnh', 'Tòa án'],
    ['Xã …', 'Xã'],
    ['Phường …', 'Phường'],
  ];
  examples.forEach(([name, kind], i) => {
    const row = ws.getRow(5 + i);
    row.values = [i + 1, name, kind, '', ''];
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  ensureFolder(path.dirname(path.resolve(file)));
  await writeFileAtomic(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return { file };
}
