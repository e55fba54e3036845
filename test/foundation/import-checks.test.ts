// Every named import check of docs/forms-and-indicators.md fires on a file made to trigger it; a rejected file
// leaves the database exactly as it was, and an accepted one stores its warnings.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import type { UnitAnswers } from '../../electron/workbook/input-filler.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { dbSnapshot, filledWorkbookFile, namedCell } from '../helpers/workbooks.ts';

let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
let validFile: string;

const DOC = {
  cap: 'Cấp xã',
  loai: 'Kế hoạch',
  so_ky_hieu: '12/KH-UBND',
  ngay: '2026-02-05',
  co_quan: 'UBND xã Tân Phú',
  trich_yeu: 'Kế hoạch phòng, chống xâm hại trẻ em năm 2026',
};
const ANSWERS: UnitAnswers = {
  values: { pl01_bl_vu: 2, pl01_bl_tre: 3, tt_cuoc: 4, nl_kinh_phi_nsnn: 12.5 },
  documents: [DOC],
  texts: { t_a2: 'Tình hình ổn định.' },
};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  ctx = emptySampleDb();
  validFile = await filledWorkbookFile(ctx, dir, 'X03', 2026, ANSWERS, undefined, 'valid.xlsx');
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

function setMeta(wb: ExcelJS.Workbook, key: string, value: string | number): void {
  const meta = wb.getWorksheet('_meta')!;
  for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === key) meta.getCell(r, 2).value = value;
}

async function expectRejected(file: string, code: string, message: RegExp) {
  const before = dbSnapshot(ctx);
  const [result] = await importFiles(ctx, [file]);
  expect(result!.status).toBe('rejected');
  const finding = result!.findings.find((f) => f.code === code);
  expect(finding, JSON.stringify(result!.findings)).toBeDefined();
  expect(finding!.severity).toBe('error');
  expect(finding!.message).toMatch(message);
  expect(dbSnapshot(ctx)).toBe(before);
  return finding!;
}

async function variant(name: string, mutate: (wb: ExcelJS.Workbook) => void, answers: UnitAnswers = ANSWERS, unit = 'X03'): Promise<string> {
  return filledWorkbookFile(ctx, dir, unit, 2026, answers, mutate, `${name}.xlsx`);
}

describe('import refuses a file with an error, whole, and says why', () => {
  it('not_xlsx: empty, text, truncated, .xls/password-protected', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    await expectRejected(empty, 'not_xlsx', /rỗng/);
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, 'Đây là một tệp văn bản.');
    await expectRejected(text, 'not_xlsx', /không phải định dạng \.xlsx/);
    const truncated = path.join(dir, 'truncated.xlsx');
    const buf = readFileSync(validFile);
    writeFileSync(truncated, buf.subarray(0, Math.floor(buf.length / 2)));
    await expectRejected(truncated, 'not_xlsx', /hỏng|không trọn vẹn/);
    const ole = path.join(dir, 'old.xls');
    writeFileSync(ole, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    await expectRejected(ole, 'not_xlsx', /mật khẩu|\.xls/);
  });

  it('not_template: no _meta, or another template id', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Bảng tính bất kỳ';
    const plain = path.join(dir, 'plain.xlsx');
    await wb.xlsx.writeFile(plain);
    await expectRejected(plain, 'not_template', /không phải biểu mẫu của Báo cáo 121/);
    await expectRejected(await variant('other-id', (w) => setMeta(w, 'template_id', 'khac')), 'not_template', /không phải biểu mẫu của Báo cáo 121/);
  });

  it('template_version: a newer template than this app knows', async () => {
    await expectRejected(await variant('v9', (w) => setMeta(w, 'template_version', 9)), 'template_version', /phiên bản 9.*cập nhật phần mềm/);
  });

  it('unknown_unit and wrong_year', async () => {
    await expectRejected(await variant('unit', (w) => setMeta(w, 'unit_code', 'ZZ99')), 'unknown_unit', /"ZZ99"/);
    await expectRejected(await variant('year', (w) => setMeta(w, 'year', 2019)), 'wrong_year', /"2019"/);
  });

  it('missing_name: a defined name of the template deleted', async () => {
    const f = await variant('noname', (w) => {
      w.definedNames.model = w.definedNames.model.filter((d) => d.name !== 'v_pl01_xhtd_nu');
    });
    await expectRejected(f, 'missing_name', /v_pl01_xhtd_nu/);
  });

  it('not_number, negative, not_integer name the sheet and cell', async () => {
    const addr = (w: ExcelJS.Workbook) => namedCell(w, 'v_pl01_bl_nam').address;
    let address = '';
    const nn = await expectRejected(
      await variant('nan', (w) => ((namedCell(w, 'v_pl01_bl_nam').value = 'ba em'), (address = addr(w)))),
      'not_number',
      /"ba em" không phải là số/,
    );
    expect(nn.sheet).toBe('PL01');
    expect(nn.cell).toBe(address);
    expect(nn.message).toContain(`PL01!${address}`);
    await expectRejected(await variant('neg', (w) => (namedCell(w, 'v_pl01_bl_nam').value = -2)), 'negative', /số âm/);
    await expectRejected(await variant('dec', (w) => (namedCell(w, 'v_pl01_bl_nam').value = 2.5)), 'not_integer', /số nguyên/);
  });

  it('doc_incomplete and doc_date (unreadable, too early, in the future)', async () => {
    await expectRejected(await variant('doc-inc', () => {}, { documents: [{ ...DOC, trich_yeu: '' }] }), 'doc_incomplete', /thiếu trích yếu nội dung/);
    await expectRejected(await variant('doc-early', () => {}, { documents: [{ ...DOC, ngay: '2020-12-31' }] }), 'doc_date', /31\/12\/2020/);
    await expectRejected(await variant('doc-future', () => {}, { documents: [{ ...DOC, ngay: '2027-01-02' }] }), 'doc_date', /02\/01\/2027/);
    const f = await variant('doc-text', (w) => {
      const ws = w.getWorksheet('PL02')!;
      ws.getCell('D6').value = 'đầu năm';
    });
    await expectRejected(f, 'doc_date', /"đầu năm"/);
  });

  it('too_large: a zip bomb is refused from its directory, before anything is unpacked', async () => {
    const zip = await JSZip.loadAsync(readFileSync(validFile));
    zip.file('xl/media/bomb.bin', Buffer.alloc(120 * 1024 * 1024));
    const bomb = path.join(dir, 'bomb.xlsx');
    writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    await expectRejected(bomb, 'too_large', /giải nén ra quá lớn/);
    const big = path.join(dir, 'big.xlsx');
    writeFileSync(big, Buffer.concat([readFileSync(validFile), Buffer.alloc(21 * 1024 * 1024)]));
    await expectRejected(big, 'too_large', /quá lớn .*tối đa 20 MB/);
  });
});

describe('import accepts with warnings', () => {
  it('number_as_text, formula_in_input, legacy_encoding, doc_duplicate are stored with the submission', async () => {
    const f = await variant(
      'warnings',
      (w) => {
        namedCell(w, 'v_tt_cuoc').value = '1.234';
        namedCell(w, 'v_nl_kinh_phi_nsnn').value = '12,5';
        namedCell(w, 'v_pl01_bl_tre').value = { formula: '1+2', result: 3 };
        namedCell(w, 't_a2').value = 'TrÎ em ViÖt Nam';
      },
      { ...ANSWERS, documents: [DOC, { ...DOC, so_ky_hieu: '12/kh-ubnd ' }] },
    );
    const [r] = await importFiles(ctx, [f]);
    expect(r!.status).toBe('accepted');
    const codes = r!.findings.map((x) => x.code).sort();
    expect(codes).toEqual(['doc_duplicate', 'formula_in_input', 'legacy_encoding', 'number_as_text', 'number_as_text']);
    expect(r!.findings.find((x) => x.message.includes('"1.234"'))!.message).toMatch(/đã đọc là 1234/);
    const value = (code: string) =>
      ctx.db.prepare('SELECT value, raw, formula FROM submission_values WHERE submission_id = ? AND code = ?').get(r!.submissionId, code) as {
        value: number;
        raw: string | null;
        formula: string | null;
      };
    expect(value('tt_cuoc')).toMatchObject({ value: 1234, raw: '1.234' });
    expect(value('nl_kinh_phi_nsnn')).toMatchObject({ value: 12.5, raw: '12,5' });
    expect(value('pl01_bl_tre')).toMatchObject({ value: 3, formula: '1+2' });
    const text = ctx.db.prepare("SELECT text FROM narratives WHERE submission_id = ? AND code = 't_a2'").get(r!.submissionId) as { text: string };
    expect(text.text).toBe('Trẻ em Việt Nam');
    expect((ctx.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE submission_id = ?').get(r!.submissionId) as { n: number }).n).toBe(1);
    const stored = ctx.db.prepare('SELECT code, severity, sheet, cell FROM import_findings WHERE submission_id = ? ORDER BY code').all(r!.submissionId) as {
      code: string;
      severity: string;
    }[];
    expect(stored.map((s) => s.code)).toEqual(codes);
    expect(stored.every((s) => s.severity === 'warning')).toBe(true);
  });
});
