// One document key (shared/text.ts documentKey): NFC, every kind of space and zero-width character, dashes
// and case alike. Two documents differing only by a no-break or zero-width space count once — within one
// workbook, across units in Phụ lục 02, and through import-json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedDocuments } from '../../electron/store/aggregate.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { exportYear, importJson } from '../../electron/services/interchange.ts';
import { documentKey } from '../../shared/text.ts';
import { emptySampleDb, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

const FIELDS = ['so_ky_hieu', 'ngay', 'co_quan'];
const DOC = {
  cap: 'Cấp xã',
  loai: 'Kế hoạch',
  so_ky_hieu: '12/KH-UBND',
  ngay: '2026-02-05',
  co_quan: 'UBND xã Tân Phú',
  trich_yeu: 'Kế hoạch phòng, chống xâm hại trẻ em năm 2026',
};

describe('documentKey', () => {
  const key = documentKey(DOC, FIELDS);
  it.each([
    ['no-break space', { co_quan: 'UBND\u00a0xã Tân Phú' }],
    ['narrow no-break space', { co_quan: 'UBND xã\u202fTân Phú' }],
    ['figure space', { co_quan: 'UBND\u2007xã Tân Phú' }],
    ['ideographic space', { co_quan: 'UBND\u3000xã Tân Phú' }],
    ['tab and line break', { co_quan: 'UBND\txã\nTân Phú' }],
    ['two spaces and a trailing one', { co_quan: 'UBND  xã Tân Phú ' }],
    ['zero-width space', { so_ky_hieu: '12/KH\u200b-UBND' }],
    ['zero-width non-joiner and joiner', { so_ky_hieu: '12\u200c/KH-\u200dUBND' }],
    ['BOM', { so_ky_hieu: '\ufeff12/KH-UBND' }],
    ['soft hyphen', { co_quan: 'UBND xã Tân\u00ad Phú' }],
    ['decomposed diacritics (NFD)', { co_quan: 'UBND xã Tân Phú'.normalize('NFD') }],
    ['case and spaces around the slash', { so_ky_hieu: '12 / kh-ubnd' }],
    ['an en dash for the hyphen', { so_ky_hieu: '12/KH–UBND' }],
  ])('%s: the same key', (_what, change) => expect(documentKey({ ...DOC, ...change }, FIELDS)).toBe(key));
  it('another number, date or agency: another key', () => {
    expect(documentKey({ ...DOC, so_ky_hieu: '13/KH-UBND' }, FIELDS)).not.toBe(key);
    expect(documentKey({ ...DOC, ngay: '2026-02-06' }, FIELDS)).not.toBe(key);
    expect(documentKey({ ...DOC, co_quan: 'UBND xã Tân Phước' }, FIELDS)).not.toBe(key);
  });
});

describe('"same document" everywhere', () => {
  let ctx: ServiceContext;
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    ctx = emptySampleDb();
  });
  afterAll(() => {
    ctx.db.close();
    cleanup();
  });

  it('one workbook: a second row differing by a zero-width and a no-break space is taken once', async () => {
    const twin = { ...DOC, so_ky_hieu: '12/KH\u200b-UBND', co_quan: 'UBND\u00a0xã Tân Phú' };
    const file = await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_vu: 1 }, documents: [DOC, twin], texts: {} }, undefined, 'twins.xlsx');
    const [r] = await importFiles(ctx, [file]);
    expect(r!.status).toBe('accepted');
    expect(r!.findings.map((f) => f.code)).toContain('doc_duplicate');
    expect((ctx.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE submission_id = ?').get(r!.submissionId) as { n: number }).n).toBe(1);
  });

  it('Phụ lục 02: the same plan reported by two units, once with a ZWSP and an NBSP, is listed once, naming both', () => {
    const exported = exportYear(sampleDb(), 2026);
    const x01 = exported.submissions.find((s) => s.unit === 'X01')!;
    const x02 = exported.submissions.find((s) => s.unit === 'X02')!;
    const db = emptySampleDb();
    importJson(
      db,
      {
        ...exported,
        submissions: [
          { ...x01, documents: [DOC] },
          { ...x02, documents: [{ ...DOC, so_ky_hieu: '12/KH-\u200bUBND', co_quan: 'UBND xã\u00a0Tân\u202fPhú' }] },
        ],
      },
      'two.json',
    );
    const listed = issuedDocuments(db, '2026-01-01', '2026-12-31');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.units.map((u) => u.code)).toEqual(['X01', 'X02']);
  });

  it('import-json: a document listed twice in one submission is taken once, as a workbook does', () => {
    const exported = exportYear(sampleDb(), 2026);
    const x01 = exported.submissions.find((s) => s.unit === 'X01')!;
    const db = emptySampleDb();
    importJson(db, { ...exported, submissions: [{ ...x01, documents: [DOC, { ...DOC, so_ky_hieu: '\ufeff12/KH-UBND' }] }] }, 'twice.json');
    expect((db.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
  });
});
