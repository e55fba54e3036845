// `--period` on template, import, validate and generate: the period's own workbooks, its files, and exit codes
// 0 (done), 1 (a file of another period refused), 2 (a period that cannot be read or is not of --year).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import { cli } from '../helpers/cli.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
let db: string;
const commune = sample.submissions.find((s) => s.year === 2025 && s.unit.startsWith('X'))!;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-cli-period-'));
  db = path.join(dir, 'p.sqlite');
  sampleDb(db).db.close();
});
afterAll(() => cleanup());

describe('baocao121 --period', () => {
  it('template --period 2026-H1 writes the half-year workbook; import takes it into its period, refuses it as the year', async () => {
    const out = path.join(dir, 'h1');
    const t = await cli('template', '--db', db, '--period', '2026-H1', '--out', out, '--unit', commune.unit);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/Đã tạo 1 biểu mẫu 6 tháng đầu năm 2026 trong /);
    const [file] = readdirSync(out);
    expect(file).toMatch(/ - 2026-H1\.xlsx$/);
    await fillWorkbookFile(path.join(out, file!), path.join(out, file!), { values: commune.values, documents: [], texts: {} });

    const asYear = await cli('import', '--db', db, '--period', '2026', path.join(out, file!));
    expect(asYear.code).toBe(1);
    expect(asYear.out).toMatch(/là báo cáo 6 tháng đầu năm 2026 của .*, không phải báo cáo năm 2026 đang nhận/);

    const taken = await cli('import', '--db', db, '--period', '2026-H1', '--json', path.join(out, file!));
    expect(taken.code).toBe(0);
    expect(JSON.parse(taken.out).files[0]).toMatchObject({ status: 'accepted', unit: commune.unit, year: 2026, period: '2026-H1' });
  });

  it('validate --period: 0 for the half-year and a range; 2 for a period that cannot be read or is not of --year', async () => {
    const h1 = await cli('validate', '--db', db, '--period', '2026-H1', '--json');
    expect(h1.code).toBe(0);
    expect(JSON.parse(h1.out)).toMatchObject({ year: 2026, period: '2026-H1', errors: 0 });
    const text = await cli('validate', '--db', db, '--period', '2026-H1');
    expect(text.out.split('\n').at(-1)).toMatch(/^6 tháng đầu năm 2026: 0 lỗi, \d+ cảnh báo, \d+ thông tin\.$/);
    expect((await cli('validate', '--db', db, '--period', '2023-01-01..2025-12-31')).code).toBe(0);

    const bad = await cli('validate', '--db', db, '--period', '2026-H3');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--period: Kỳ báo cáo "2026-H3" không đúng dạng\. Hãy ghi năm \(2026\), sáu tháng/);
    const other = await cli('validate', '--db', db, '--period', '2026-H1', '--year', '2025');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/--period 2026-H1 kết thúc trong năm 2026, khác --year 2025/);
    const json = await cli('validate', '--db', db, '--period', '2025-12-31..2025-01-01', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, code: 'bad_period' });
  });

  it('template for a range is refused (it sums the annual reports): exit 2', async () => {
    const r = await cli('template', '--db', db, '--period', '2023-01-01..2025-12-31', '--out', path.join(dir, 'range'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tổng hợp từ số liệu hằng năm đã nhận, không gửi biểu mẫu riêng/);
  });

  it('generate --period writes the half-year files and the review; --year alone is still the year', async () => {
    const h1 = await cli('generate', '--db', db, '--period', '2026-H1', '--out', path.join(dir, 'out-h1'), '--json');
    expect(h1.code).toBe(0);
    expect((JSON.parse(h1.out) as { files: string[] }).files.map((f) => path.basename(f))).toEqual([
      'Phu luc 01.xlsx',
      'Phu luc 02.xlsx',
      'Phu luc 03.xlsx',
      'Phu luc 04.xlsx',
      'Bao cao.docx',
    ]);
    const review = await cli('generate', '--db', db, '--period', '2023-01-01..2025-12-31', '--out', path.join(dir, 'out-review'));
    expect(review.code).toBe(0);
    expect(review.out).toMatch(/Giai đoạn 2023 – 2025: 0 lỗi/);
    const year = await cli('generate', '--db', db, '--year', '2026', '--out', path.join(dir, 'out-2026'));
    expect(year.code).toBe(0);
    expect(year.out).toMatch(/Năm 2026: 0 lỗi, 8 cảnh báo/);
  });
});
