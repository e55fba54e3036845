// A year keeps the report definition it was collected under (docs/form-change.md): a database filled under
// definition N prints the same annexes, report and findings after the app moves to N+1 (a rule, an annex
// title and an outline sentence changed), until the user moves the year (backup first); locked years
// never move; new years take N+1. And a database of the first versions gets its years bound to the
// definition it printed with.
import ExcelJS from 'exceljs';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/db/backup.ts';
import { openContext, type ServiceContext } from '../../electron/store/context.ts';
import { definitionStatus, upgradeYearDefinition } from '../../electron/services/definitions.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { ensureYear, lockYear } from '../../electron/store/years.ts';
import { currentDefinition, definitionForYear, TEMPLATES_DIR, useTemplatesDir } from '../../electron/template-store.ts';
import { sample, sampleDb, tempDir, TEST_NOW } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx } from '../report/docx-reader.ts';

const YEAR = sample.reporting_year;
const LOCKED = YEAR - 1;
const OLD_SENTENCE = '{period_label}, trên địa bàn';
const NEW_SENTENCE = 'Trong năm {year}, trên địa bàn';
const OLD_TITLE = 'SỐ LIỆU TRẺ EM BỊ XÂM HẠI';
const NEW_TITLE = 'SỐ LIỆU VỀ TRẺ EM BỊ XÂM HẠI';

interface Printed {
  /** Every cell of every annex: "file|sheet|address" → value as written. */
  annexes: Map<string, string>;
  report: string[];
  findings: string[];
}

async function printYear(ctx: ServiceContext, year: number, dir: string): Promise<Printed> {
  const result = await generateAll(ctx, { year, outDir: dir, force: true });
  const annexes = new Map<string, string>();
  for (const file of result.files.filter((f) => f.endsWith('.xlsx'))) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          const shown =
            v && typeof v === 'object' && 'result' in v ? v.result : v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v;
          annexes.set(`${path.basename(file)}|${ws.name}|${cell.address}`, String(shown));
        }),
      );
    }
  }
  const docx = await readDocx(result.files.find((f) => f.endsWith('.docx'))!);
  return { annexes, report: bodyParagraphs(docx.document).map((p) => p.text), findings: validateYear(ctx, year).findings.map((f) => f.message) };
}

describe('a year keeps its definition when the app moves from N to N+1', () => {
  const tmp = tempDir('bc121-definition-');
  const v1 = path.join(tmp.dir, 'v1');
  const v2 = path.join(tmp.dir, 'v2');
  const file = path.join(tmp.dir, 'db.sqlite');
  const builtin = TEMPLATES_DIR;
  let before: Printed;
  let lockedBefore: Printed;

  beforeAll(async () => {
    cpSync(builtin, v1, { recursive: true });
    cpSync(builtin, v2, { recursive: true });
    // Definition N+1: a rule's words, an annex title and an outline sentence changed, the version raised.
    const edit = (rel: string, fn: (text: string) => string) => {
      const f = path.join(v2, 'nq121', rel);
      writeFileSync(f, fn(readFileSync(f, 'utf8')));
    };
    edit('manifest.json', (t) => t.replace('"version": 1', '"version": 2'));
    edit('rules.json', (t) => t.replaceAll('"message": "{unit}', '"message": "(mới) {unit}'));
    edit('annexes/pl01.json', (t) => t.replace(`"title": "${OLD_TITLE}"`, `"title": "${NEW_TITLE}"`));
    edit('outline.json', (t) => t.replace(OLD_SENTENCE, NEW_SENTENCE));

    useTemplatesDir(v1);
    const ctx = sampleDb(file);
    ctx.now = TEST_NOW;
    lockYear(ctx, LOCKED, 'đã gửi');
    before = await printYear(ctx, YEAR, path.join(tmp.dir, 'out-n'));
    lockedBefore = await printYear(ctx, LOCKED, path.join(tmp.dir, 'out-n-locked'));
    ctx.db.close();
  }, 120_000);

  afterAll(() => {
    useTemplatesDir();
    tmp.cleanup();
  });

  it('the sample prints what definition N says (the changes of N+1 are real changes)', () => {
    expect([...before.annexes.values()]).toContain(OLD_TITLE);
    expect(before.report.some((p) => p.startsWith(`Năm ${YEAR}, trên địa bàn`))).toBe(true);
    expect(before.findings.length).toBeGreaterThan(0);
    expect(before.findings.some((m) => m.startsWith('(mới)'))).toBe(false);
  });

  it('after the app moves to N+1 the year validates and prints exactly as before, until the user chooses', async () => {
    useTemplatesDir(v2);
    const ctx = openContext(file);
    ctx.now = TEST_NOW;
    try {
      expect(currentDefinition().version).toBe(2);
      const status = definitionStatus(ctx);
      expect(status.current.version).toBe(2);
      expect(status.years.find((y) => y.year === YEAR)).toMatchObject({ version: 1, current: false, locked: false });
      expect(status.upgradable).toContain(YEAR);
      expect(status.upgradable).not.toContain(LOCKED);

      const after = await printYear(ctx, YEAR, path.join(tmp.dir, 'out-n-again'));
      expect(after.annexes).toEqual(before.annexes);
      expect(after.report).toEqual(before.report);
      expect(after.findings).toEqual(before.findings);

      // A new year takes the app's definition.
      ensureYear(ctx, YEAR + 1);
      expect(definitionForYear(ctx.db, YEAR + 1).version).toBe(2);
      expect(definitionStatus(ctx).years.find((y) => y.year === YEAR + 1)).toMatchObject({ version: 2, current: true });
    } finally {
      ctx.db.close();
    }
  }, 120_000);

  it('a locked year never moves', async () => {
    useTemplatesDir(v2);
    const ctx = openContext(file);
    ctx.now = TEST_NOW;
    try {
      expect(() => upgradeYearDefinition(ctx, LOCKED)).toThrow(/đã chốt số liệu/);
      expect(definitionForYear(ctx.db, LOCKED).version).toBe(1);
      const after = await printYear(ctx, LOCKED, path.join(tmp.dir, 'out-locked-again'));
      expect(after.annexes).toEqual(lockedBefore.annexes);
      expect(after.report).toEqual(lockedBefore.report);
    } finally {
      ctx.db.close();
    }
  }, 120_000);

  it('moved on request: a backup first, then the year prints with N+1', async () => {
    useTemplatesDir(v2);
    const ctx = openContext(file);
    ctx.now = TEST_NOW;
    try {
      const backupsBefore = listBackups(file).filter((b) => b.kind === 'before_upgrade').length;
      const r = upgradeYearDefinition(ctx, YEAR);
      expect(r).toMatchObject({ year: YEAR, from: { version: 1 }, to: { version: 2 } });
      const backups = listBackups(file).filter((b) => b.kind === 'before_upgrade');
      expect(backups.length).toBe(backupsBefore + 1);
      expect(backups.map((b) => b.file)).toContain(r.backup);
      expect(definitionStatus(ctx).years.find((y) => y.year === YEAR)).toMatchObject({ version: 2, current: true });
      expect(() => upgradeYearDefinition(ctx, YEAR)).toThrow(/không cần nâng cấp/);

      const after = await printYear(ctx, YEAR, path.join(tmp.dir, 'out-n1'));
      expect([...after.annexes.values()]).toContain(NEW_TITLE);
      expect([...after.annexes.values()]).not.toContain(OLD_TITLE);
      // Only the title changed in the annexes (row 2 of PL01, merged across): every figure stays.
      const changed = [...after.annexes].filter(([k, v]) => before.annexes.get(k) !== v);
      expect(changed.length).toBeGreaterThan(0);
      expect(new Set(changed.map(([, v]) => v))).toEqual(new Set([NEW_TITLE]));
      for (const [k] of changed) expect(k).toMatch(/^Phu luc 01\.xlsx\|PL01\|[A-Z]+2$/);
      expect(after.report.some((p) => p.startsWith(`Trong năm ${YEAR}, trên địa bàn`))).toBe(true);
      expect(after.report.filter((p, i) => p !== before.report[i])).toHaveLength(1);
      // The rules of N+1 speak (each message led by "{unit}" was marked), with the same findings.
      expect(after.findings.map((m) => m.replace(/^\(mới\) /, ''))).toEqual(before.findings);
      expect(after.findings.filter((m) => m.startsWith('(mới) ')).length).toBeGreaterThan(0);
    } finally {
      ctx.db.close();
    }
  }, 120_000);
});

describe('a database of the first versions (schema 4, no stored definitions)', () => {
  const tmp = tempDir('bc121-definition-old-');
  afterAll(() => tmp.cleanup());

  /** Makes the database look as the first versions left it: template.json stored, no definitions, schema 4. */
  function downgrade(file: string, editTemplate?: (t: Record<string, unknown>) => void): void {
    const ctx = openContext(file);
    const db = ctx.db;
    if (editTemplate) {
      const row = db.prepare('SELECT id, version, definition FROM templates').get() as { id: string; version: number; definition: string };
      const t = JSON.parse(row.definition) as Record<string, unknown>;
      editTemplate(t);
      db.prepare('UPDATE templates SET definition = ? WHERE id = ? AND version = ?').run(JSON.stringify(t), row.id, row.version);
    }
    db.exec('ALTER TABLE years DROP COLUMN definition_hash; DROP TABLE definitions; DELETE FROM schema_migrations WHERE version = 5;');
    db.close();
  }

  it('binds every year to the template it stored, with the rules, outline and annexes it read from the disk', () => {
    const file = path.join(tmp.dir, 'old.sqlite');
    sampleDb(file).db.close();
    downgrade(file, (t) => {
      const forms = (t.lists as Record<string, { code: string; label: string }[]>).forms!;
      forms[0]!.label = 'Bạo lực (mẫu cũ)';
    });
    const ctx = openContext(file);
    try {
      const applied = ctx.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number };
      expect(applied.v).toBeGreaterThanOrEqual(5);
      const unbound = ctx.db.prepare('SELECT COUNT(*) AS n FROM years WHERE definition_hash IS NULL').get() as { n: number };
      expect(unbound.n).toBe(0);
      const current = currentDefinition();
      for (const y of sample.years) {
        const def = definitionForYear(ctx.db, y);
        expect(def.template.lists.forms![0]!.label).toBe('Bạo lực (mẫu cũ)');
        expect(def.hash).not.toBe(current.hash);
        expect(def.parts['rules.json']).toEqual(current.parts['rules.json']);
        expect(def.parts['outline.json']).toEqual(current.parts['outline.json']);
      }
      const status = definitionStatus(ctx);
      expect(status.years.every((y) => !y.current)).toBe(true);
      expect(status.upgradable).toEqual(sample.years);
      // Read back from the database, not from a cache: a second opening binds nothing again.
      ctx.db.close();
      const again = openContext(file);
      expect(definitionForYear(again.db, sample.years[0]!).template.lists.forms![0]!.label).toBe('Bạo lực (mẫu cũ)');
      again.db.close();
    } finally {
      if (ctx.db.open) ctx.db.close();
    }
  });

  it("a database whose template is this app's binds its years to this app's definition", () => {
    const file = path.join(tmp.dir, 'same.sqlite');
    sampleDb(file).db.close();
    downgrade(file);
    const ctx = openContext(file);
    try {
      expect(definitionStatus(ctx).years.every((y) => y.current)).toBe(true);
      expect(definitionForYear(ctx.db, sample.years[0]!).hash).toBe(currentDefinition().hash);
    } finally {
      ctx.db.close();
    }
  });
});
