// A text several units sent alike is printed once in the report, at the first unit's place, and, when the report
// names the units beside their texts, led by the names of all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateReport } from '../../electron/services/report.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx, type DocxParagraph } from './docx-reader.ts';
import { unitTextsOf } from './sample-figures.ts';

const YEAR = 2026;
const HEADING = '2. Đánh giá tình hình xâm hại trẻ em';
const SHARED = 'Triển khai đồng bộ các giải pháp phòng, chống xâm hại trẻ em.';
const OWN = 'Công an tỉnh tăng cường điều tra, xử lý các vụ xâm hại trẻ em.';
let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;

/** Sets a unit's text of t_a2 in its current submission of the year. */
function setText(unitName: string, text: string): void {
  const changed = ctx.db
    .prepare(
      `UPDATE narratives SET text = ? WHERE code = 't_a2' AND submission_id IN
         (SELECT s.id FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.name = ? AND s.period = ? AND s.is_current = 1)`,
    )
    .run(text, unitName, String(YEAR)).changes;
  expect(changed).toBe(1);
}

/** The body paragraphs under a heading, up to the next heading. */
async function section(outDir: string): Promise<DocxParagraph[]> {
  const r = await generateReport(ctx, { year: YEAR, outDir });
  const paragraphs = bodyParagraphs((await readDocx(r.file)).document);
  const start = paragraphs.findIndex((p) => p.text === HEADING);
  const rest = paragraphs.slice(start + 1);
  return rest.slice(
    0,
    rest.findIndex((p) => p.runs.length > 0 && p.runs.every((x) => x.bold)),
  );
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-alike-'));
  ctx = sampleDb();
  // Sở Y tế and Xã Tân Phú send the same text, the second decomposed (NFD) and with other spaces; Công an tỉnh its own.
  expect(unitTextsOf(YEAR, 't_a2').map((u) => u.name)).toEqual(['Sở Y tế', 'Công an tỉnh', 'Xã Tân Phú']);
  setText('Sở Y tế', SHARED);
  setText('Công an tỉnh', OWN);
  setText('Xã Tân Phú', `  ${SHARED.normalize('NFD').replace(/ /g, ' \t')}\u00a0\n\n`);
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

describe('a text several units sent alike', () => {
  it('is printed once, at the first unit’s place', async () => {
    const got = await section(`${dir}/plain`);
    expect(got.map((p) => p.text)).toEqual([SHARED, OWN]);
  });

  it('is led by the names of every unit that sent it when the report names the units', async () => {
    setSettings(ctx, { narrative_unit_names: true });
    const got = await section(`${dir}/named`);
    expect(got.map((p) => p.text)).toEqual([`Sở Y tế, Xã Tân Phú: ${SHARED}`, `Công an tỉnh: ${OWN}`]);
    expect(got.map((p) => p.runs.filter((r) => r.bold).map((r) => r.text))).toEqual([['Sở Y tế, Xã Tân Phú:'], ['Công an tỉnh:']]);
  });
});
