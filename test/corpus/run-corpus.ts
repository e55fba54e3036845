// Runs the corpus against the real import: each case written to a file, imported, and checked for its
// expected outcome and finding, with the database unchanged after every rejection.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { fillWorkbook, type UnitAnswers } from '../../electron/workbook/input-filler.ts';
import { documentTableForKind } from '../../shared/template.ts';
import type { ImportFileResult } from '../../shared/types.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { blankWorkbook, dbSnapshot } from '../helpers/workbooks.ts';
import { corpusCases, CORPUS_DOC, type CorpusBase, type CorpusCase } from './cases.ts';

export interface CorpusOutcome {
  case: CorpusCase;
  result: ImportFileResult;
  ms: number;
  /** Peak RSS of the importing process while this case was imported, and its growth over the RSS before (MB). */
  peakRssMB?: number;
  growthMB?: number;
  bytes?: number;
  dbUnchanged: boolean | null;
  problems: string[];
}

const BASE_ANSWERS: UnitAnswers = { values: { pl01_bl_vu: 2, pl01_bl_tre: 3, tt_cuoc: 4 }, documents: [CORPUS_DOC], texts: { t_a2: 'Tình hình ổn định.' } };

async function makeBase(ctx: ServiceContext): Promise<CorpusBase> {
  const blank = Buffer.from(await (await blankWorkbook(ctx, 'X03', 2026)).xlsx.writeBuffer());
  const table = documentTableForKind(ctx.template, 'dia_phuong');
  const workbook: CorpusBase['workbook'] = async (mutate, answers) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank as unknown as ExcelJS.Buffer);
    fillWorkbook(wb, answers ? { ...BASE_ANSWERS, ...answers } : BASE_ANSWERS, table?.kind === 'table' ? table : undefined);
    mutate?.(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  return { workbook, valid: await workbook() };
}

function check(c: CorpusCase, r: ImportFileResult, ctx: ServiceContext, dbUnchanged: boolean | null): string[] {
  const problems: string[] = [];
  if (r.status !== c.expect) problems.push(`kết quả ${r.status}, cần ${c.expect}`);
  if (c.code && !r.findings.some((f) => f.code === c.code)) problems.push(`thiếu phát hiện ${c.code}`);
  if (c.message && c.expect === 'rejected' && !r.findings.some((f) => c.message!.test(f.message))) problems.push(`thông báo không khớp ${c.message}`);
  if (r.findings.some((f) => !f.message || /[A-Za-z]+Error|undefined|\[object/.test(f.message))) problems.push('thông báo không rõ ràng');
  if (c.expect === 'rejected' && dbUnchanged === false) problems.push('cơ sở dữ liệu bị thay đổi sau khi từ chối');
  if (c.expect === 'accepted' && r.submissionId && c.stored) {
    for (const [code, v] of Object.entries(c.stored.values ?? {})) {
      const row = ctx.db.prepare('SELECT value FROM submission_values WHERE submission_id = ? AND code = ?').get(r.submissionId, code) as
        { value: number | null } | undefined;
      if (row?.value !== v) problems.push(`${code} lưu ${row?.value}, cần ${v}`);
    }
    for (const [code, t] of Object.entries(c.stored.texts ?? {})) {
      const row = ctx.db.prepare('SELECT text FROM narratives WHERE submission_id = ? AND code = ?').get(r.submissionId, code) as { text: string } | undefined;
      if (row?.text !== t) problems.push(`${code} lưu "${row?.text?.slice(0, 30)}", cần "${t.slice(0, 30)}"`);
    }
    if (c.stored.documents !== undefined) {
      const n = (ctx.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE submission_id = ?').get(r.submissionId) as { n: number }).n;
      if (n !== c.stored.documents) problems.push(`lưu ${n} văn bản, cần ${c.stored.documents}`);
    }
    for (const t of c.stored.documentTexts ?? []) {
      const hit = ctx.db.prepare('SELECT 1 FROM documents WHERE submission_id = ? AND trich_yeu = ?').get(r.submissionId, t);
      if (!hit) problems.push(`không có trích yếu "${t}"`);
    }
  }
  return problems;
}

/**
 * Imports one case's file and checks the answer. The case starts from the database as it is: its import
 * runs inside a transaction rolled back afterwards (the import's own transaction nests as a savepoint),
 * so no case sees another's submission. `around` wraps only the import (to measure it).
 */
export async function importCase(ctx: ServiceContext, c: CorpusCase, file: string, around?: { start(): void; stop(): void }): Promise<CorpusOutcome> {
  ctx.db.exec('BEGIN');
  try {
    const before = c.expect === 'rejected' ? dbSnapshot(ctx) : null;
    around?.start();
    const t0 = performance.now();
    const [result] = await importFiles(ctx, [file]);
    const ms = performance.now() - t0;
    around?.stop();
    const dbUnchanged = before === null ? null : dbSnapshot(ctx) === before;
    const r = result ?? { file, status: 'rejected' as const, findings: [] };
    return { case: c, result: r, ms, dbUnchanged, problems: check(c, r, ctx, dbUnchanged) };
  } finally {
    ctx.db.exec('ROLLBACK');
  }
}

export interface CorpusRunner {
  run(c: CorpusCase): Promise<CorpusOutcome>;
  /** Writes the case's file (or puts its file-system object) in the work folder; returns the path to import. */
  write(c: CorpusCase): Promise<string>;
  close(): void;
}

/** One database and one work folder for many cases; each case runs in a transaction rolled back after it. */
export async function corpusRunner(): Promise<CorpusRunner> {
  const { dir, cleanup } = tempDir('bc121-corpus-');
  const ctx = emptySampleDb();
  const base = await makeBase(ctx);
  const write = async (c: CorpusCase) => {
    const bytes = await c.make(base);
    if (c.place) {
      const sub = path.join(dir, c.id);
      mkdirSync(sub, { recursive: true });
      return c.place(sub, bytes, c.companion ? await c.companion(base) : undefined);
    }
    const file = path.join(dir, `${c.id}.xlsx`);
    writeFileSync(file, bytes);
    return file;
  };
  return {
    write,
    async run(c) {
      return importCase(ctx, c, await write(c));
    },
    close() {
      ctx.db.close();
      cleanup();
    },
  };
}

export async function runCorpus(options: { filter?: (c: CorpusCase) => boolean } = {}): Promise<CorpusOutcome[]> {
  const runner = await corpusRunner();
  try {
    const outcomes: CorpusOutcome[] = [];
    for (const c of corpusCases().filter(options.filter ?? (() => true))) outcomes.push(await runner.run(c));
    return outcomes;
  } finally {
    runner.close();
  }
}

export { check as checkCorpusOutcome };

export function formatCorpusTable(outcomes: CorpusOutcome[]): string {
  const lines = ['| # | trường hợp | cần | kết quả | mã | KB | ms | RSS đỉnh MB (+tăng) | CSDL | thông báo |', '|---|---|---|---|---|---|---|---|---|---|'];
  outcomes.forEach((o, i) => {
    const f = o.result.findings.find((x) => x.code === o.case.code) ?? o.result.findings[0];
    const status = o.problems.length ? `**SAI**: ${o.problems.join('; ')}` : o.result.status;
    lines.push(
      `| ${i + 1} | ${o.case.id}: ${o.case.title} | ${o.case.expect} | ${status} | ${f?.code ?? ''} | ${o.bytes === undefined ? '' : Math.round(o.bytes / 1024)} | ${o.ms.toFixed(0)} | ${o.peakRssMB === undefined ? '' : `${o.peakRssMB} (+${o.growthMB})`} | ${o.dbUnchanged === null ? '' : o.dbUnchanged ? 'nguyên vẹn' : 'BỊ ĐỔI'} | ${(f?.message ?? '').replace(/\|/g, '/').replace(/\n/g, ' ').slice(0, 140)} |`,
    );
  });
  const bad = outcomes.filter((o) => o.problems.length).length;
  lines.push(
    '',
    `${outcomes.length} trường hợp: ${outcomes.length - bad} đúng, ${bad} sai; ${outcomes.filter((o) => o.result.status === 'rejected').length} tệp bị từ chối, không mất dữ liệu.`,
  );
  return lines.join('\n');
}
