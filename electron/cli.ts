// baocao121: the command-line interface of cli.md, a thin caller of the same services the window uses.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ImportFileResult, ProgressListener } from '../shared/types.ts';
import { AppError, isAppError } from './errors.ts';
import { isoDate, openContext, type ServiceContext } from './services/context.ts';
import { initDatabase } from './services/setup.ts';
import { listUnits, upsertUnits } from './services/units.ts';
import { getSettings, setSettings } from './services/settings.ts';
import { writeBlankWorkbooks } from './services/workbooks.ts';
import { importFiles } from './services/imports.ts';
import { exportYear, importJson } from './services/interchange.ts';
import { runDemo } from './services/demo.ts';
import { readUnitList } from './import/unit-list.ts';
import { readDateCell } from './import/cell-values.ts';
import { acknowledgeFinding, validateYear } from './services/validation.ts';
import { generateAll } from './services/generate.ts';
import { traceAnnexCell } from './services/trace.ts';
import { summaryLine } from '../shared/rules/report.ts';
import { chooseCurrentVersion, diffVersions, unitHistory } from './services/history.ts';
import { lockYear, unlockYear } from './services/years.ts';
import { correctFigure } from './services/corrections.ts';
import { auditCsv, listAudit } from './services/audit.ts';
import { backupDatabase, listBackups, restoreBackup } from './db/backup.ts';
import { SCHEMA_VERSION } from './db/database.ts';
import { parseVietnameseNumber } from '../shared/numbers.ts';
import { formatReportText, reportToJson } from '../shared/rules/report.ts';
import { missingSectionLines } from '../shared/section-mark.ts';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress of long work (the executable writes it to stderr). */
  progress?: ProgressListener;
}

export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

const USAGE = `Cách dùng: baocao121 <lệnh> [tùy chọn]
  demo [--out DIR]                                   chạy trọn một mùa báo cáo trên tỉnh mẫu
  init --db FILE [--province TÊN] [--year NĂM]       tạo cơ sở dữ liệu mới
  units --db FILE [--json] [--import DS.xlsx|DS.csv] xem hoặc nhập danh sách đơn vị
  settings --db FILE [--set KHÓA=GIÁ_TRỊ ...] [--json]
  template --db FILE --year NĂM --out THƯ_MỤC [--unit MÃ]
  import --db FILE ĐƯỜNG_DẪN... [--received yyyy-mm-dd]
  export --db FILE --year NĂM [--out FILE]
  import-json --db FILE FILE...
  validate --db FILE --year NĂM [--json]             kiểm tra số liệu theo các quy tắc
  generate --db FILE --year NĂM --out THƯ_MỤC [--force] [--sources]  Phụ lục 01–04, báo cáo Word (và Nguồn số liệu)
  acknowledge --db FILE --key KHÓA --reason LÝ_DO    xác nhận một cảnh báo (kèm lý do)
  trace --db FILE --year NĂM --annex PL01 [--sheet TRANG] --cell D10   nguồn của một số liệu trong phụ lục
  history --db FILE --unit MÃ --year NĂM [--diff A:B] [--current N --reason LÝ_DO]
  correct --db FILE --unit MÃ --year NĂM --code CHỈ_TIÊU --value SỐ|trong --reason LÝ_DO
  lock --db FILE --year NĂM [--reason LÝ_DO]  ·  unlock --db FILE --year NĂM --reason LÝ_DO
  audit --db FILE [--out NHAT_KY.csv] [--json]
  backup --db FILE  ·  backups --db FILE  ·  restore --db FILE --from BẢN_SAO.sqlite`;

class UsageError extends Error {}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  year: { type: 'string' },
  out: { type: 'string' },
  unit: { type: 'string' },
  province: { type: 'string' },
  import: { type: 'string' },
  set: { type: 'string', multiple: true },
  received: { type: 'string' },
  force: { type: 'boolean' },
  sources: { type: 'boolean' },
  key: { type: 'string' },
  diff: { type: 'string' },
  current: { type: 'string' },
  code: { type: 'string' },
  value: { type: 'string' },
  from: { type: 'string' },
  annex: { type: 'string' },
  sheet: { type: 'string' },
  cell: { type: 'string' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

function need<T>(value: T | undefined, option: string): T {
  if (value === undefined || value === '') throw new UsageError(`Thiếu tùy chọn --${option}.`);
  return value;
}

function yearOf(args: Args): number {
  const y = Number(need(args.values.year, 'year'));
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`--year phải là một năm, ví dụ 2026.`);
  return y;
}

function withDb<T>(args: Args, fn: (ctx: ServiceContext) => Promise<T> | T): Promise<T> {
  const ctx = openContext(args.values.db ?? 'baocao121.sqlite');
  return Promise.resolve()
    .then(() => fn(ctx))
    .finally(() => ctx.db.close());
}

const STATUS_TEXT: Record<ImportFileResult['status'], string> = { accepted: 'ĐÃ NHẬN', rejected: 'TỪ CHỐI', same_file: 'TRÙNG' };

function printImport(io: CliIO, results: ImportFileResult[]): void {
  for (const r of results) {
    const who = r.unitName ? ` — ${r.unitName}${r.year ? ` năm ${r.year}` : ''}${r.version ? `, phiên bản ${r.version}` : ''}` : '';
    io.out(`${STATUS_TEXT[r.status]}: ${path.basename(r.file)}${who}`);
    for (const f of r.findings) io.out(`    [${f.severity === 'error' ? 'lỗi' : f.severity === 'warning' ? 'cảnh báo' : 'thông tin'}] ${f.message}`);
  }
  const n = (s: ImportFileResult['status']) => results.filter((r) => r.status === s).length;
  io.out(`Tổng: ${results.length} tệp — nhận ${n('accepted')}, từ chối ${n('rejected')}, trùng ${n('same_file')}.`);
}

/** --received as dd/mm/yyyy or yyyy-mm-dd → an ISO moment at the start of that day in Vietnam. */
function receivedDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const { iso } = readDateCell(text.trim());
  if (!iso) throw new UsageError(`--received "${text}" không phải là ngày (ghi dd/mm/yyyy hoặc yyyy-mm-dd).`);
  return `${iso}T00:00:00+07:00`;
}

type Command = (args: Args, io: CliIO) => Promise<number>;

const commands: Record<string, Command> = {
  async demo(args, io) {
    const outDir = args.values.out ?? path.join('out', 'demo');
    const result = await runDemo(outDir, { log: args.values.json ? undefined : io.out });
    try {
      const accepted = result.imports.filter((r) => r.status === 'accepted').length;
      const rejected = result.imports.filter((r) => r.status === 'rejected');
      if (args.values.json) {
        io.out(JSON.stringify({ db: result.dbFile, year: result.year, blank_workbooks: result.blankWorkbooks, blank_dir: result.blankDir, filled_dir: result.filledDir, imported: accepted, rejected: rejected.length, errors: result.validation.errors, warnings: result.validation.warnings, infos: result.validation.infos, files: result.files, report_draft: result.reportDraft, missing_sections: result.missing }, null, 2));
      } else {
        io.out(`Xong: ${accepted} báo cáo đã nhập, ${rejected.length} bị từ chối; ${result.validation.errors} lỗi, ${result.validation.warnings} cảnh báo, ${result.validation.infos} thông tin; ${result.files.length} tệp kết quả trong ${path.dirname(result.files[0] ?? result.dbFile)}.`);
      }
      for (const r of rejected) io.err(`Từ chối ${path.basename(r.file)}: ${r.findings.map((f) => f.message).join(' ')}`);
      return rejected.length ? EXIT.data : EXIT.ok;
    } finally {
      result.ctx.db.close();
    }
  },

  async init(args, io) {
    const file = need(args.values.db, 'db');
    const ctx = initDatabase({ file, province: args.values.province, year: args.values.year ? yearOf(args) : undefined });
    const units = listUnits(ctx).length;
    ctx.db.close();
    io.out(args.values.json ? JSON.stringify({ db: file, units }) : `Đã tạo cơ sở dữ liệu ${file} với ${units} đơn vị.`);
    return EXIT.ok;
  },

  async units(args, io) {
    return withDb(args, async (ctx) => {
      if (args.values.import) {
        const { units, rowNumbers } = await readUnitList(args.values.import);
        const r = upsertUnits(ctx, units, { rowLabel: (i) => `dòng ${rowNumbers[i] ?? i + 2}` });
        io.out(args.values.json ? JSON.stringify(r) : `Danh sách đơn vị: thêm ${r.added}, cập nhật ${r.updated}.`);
        return EXIT.ok;
      }
      const units = listUnits(ctx);
      if (args.values.json) io.out(JSON.stringify(units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parent: u.parentCode, order: u.order, active: u.active })), null, 2));
      else for (const u of units) io.out(`${u.code.padEnd(10)} ${u.name} (${u.kind}${u.parentCode ? `, thuộc ${u.parentCode}` : ''}${u.active ? '' : ', ngừng hoạt động'})`);
      return EXIT.ok;
    });
  },

  async settings(args, io) {
    return withDb(args, (ctx) => {
      if (args.values.set?.length) {
        const changes: Record<string, string> = {};
        for (const kv of args.values.set) {
          const eq = kv.indexOf('=');
          if (eq < 1) throw new UsageError(`--set cần dạng KHÓA=GIÁ_TRỊ, không phải "${kv}".`);
          changes[kv.slice(0, eq).trim()] = kv.slice(eq + 1);
        }
        setSettings(ctx, changes);
      }
      const s = getSettings(ctx);
      if (args.values.json) io.out(JSON.stringify(s, null, 2));
      else for (const [k, v] of Object.entries(s)) io.out(`${k} = ${Array.isArray(v) ? v.join('; ') : String(v)}`);
      return EXIT.ok;
    });
  },

  async template(args, io) {
    const year = yearOf(args);
    const outDir = need(args.values.out, 'out');
    return withDb(args, async (ctx) => {
      const written = await writeBlankWorkbooks(ctx, { year, outDir, units: args.values.unit ? [args.values.unit] : undefined, onProgress: io.progress });
      if (args.values.json) io.out(JSON.stringify({ year, files: written }, null, 2));
      else {
        for (const w of written) io.out(w.file);
        io.out(`Đã tạo ${written.length} biểu mẫu năm ${year} trong ${outDir}.`);
      }
      return EXIT.ok;
    });
  },

  async import(args, io) {
    if (args.positionals.length === 0) throw new UsageError('Cần ít nhất một tệp hoặc thư mục để nhập.');
    return withDb(args, async (ctx) => {
      const results = await importFiles(ctx, args.positionals, { receivedAt: receivedDate(args.values.received), onProgress: io.progress });
      if (args.values.json) io.out(JSON.stringify({ files: results }, null, 2));
      else printImport(io, results);
      return results.some((r) => r.status === 'rejected') ? EXIT.data : EXIT.ok;
    });
  },

  async export(args, io) {
    const year = yearOf(args);
    return withDb(args, (ctx) => {
      const json = JSON.stringify(exportYear(ctx, year), null, 1);
      if (args.values.out) {
        mkdirSync(path.dirname(path.resolve(args.values.out)), { recursive: true });
        writeFileSync(args.values.out, json);
        io.out(`Đã xuất dữ liệu năm ${year} ra ${args.values.out}.`);
      } else io.out(json);
      return EXIT.ok;
    });
  },

  async validate(args, io) {
    const year = yearOf(args);
    return withDb(args, (ctx) => {
      const report = validateYear(ctx, year);
      if (args.values.json) io.out(JSON.stringify(reportToJson(report), null, 2));
      else for (const line of formatReportText(report)) io.out(line);
      return report.errors > 0 ? EXIT.data : EXIT.ok;
    });
  },

  async generate(args, io) {
    const year = yearOf(args);
    const outDir = need(args.values.out, 'out');
    return withDb(args, async (ctx) => {
      const r = await generateAll(ctx, { year, outDir, force: args.values.force, sources: args.values.sources, onProgress: io.progress });
      if (args.values.json)
        io.out(JSON.stringify({ files: r.files, draft: r.draft, reportDraft: r.reportDraft, missingSections: r.missing, errors: r.validation.errors, warnings: r.validation.warnings, notices: r.notices }, null, 2));
      else {
        for (const f of r.files) io.out(f);
        io.out(summaryLine(r.validation));
        for (const n of r.notices.filter((n) => !r.missing.some((m) => n.includes(`"${m.heading}"`)))) io.out(`Lưu ý: ${n}`);
        if (r.draft) io.out(`Các tệp là bản DỰ THẢO: còn ${r.validation.errors} lỗi chưa xử lý.`);
        for (const line of missingSectionLines(r.missing)) io.out(line);
      }
      return EXIT.ok;
    });
  },

  async acknowledge(args, io) {
    const key = need(args.values.key, 'key');
    const reason = need(args.values.reason, 'reason');
    return withDb(args, (ctx) => {
      const f = acknowledgeFinding(ctx, key, reason);
      io.out(args.values.json ? JSON.stringify(f) : `Đã xác nhận: ${f.message}`);
      return EXIT.ok;
    });
  },

  async trace(args, io) {
    const year = yearOf(args);
    return withDb(args, (ctx) => {
      const t = traceAnnexCell(ctx, { annex: need(args.values.annex, 'annex'), sheet: args.values.sheet, cell: need(args.values.cell, 'cell'), year });
      if (args.values.json) {
        io.out(JSON.stringify(t, null, 2));
        return EXIT.ok;
      }
      const show = (v: number | string | null) => (v === null ? '(trống)' : String(v));
      io.out(`${t.annex} ${t.sheet}!${t.cell} — ${t.label}: ${show(t.value)}${t.formula ? ` (=${t.formula})` : ''}`);
      for (const v of t.values) {
        const corr = v.correction ? `; đã sửa ${show(v.submitted)} → ${show(v.value)} (${v.correction.reason}, ${v.correction.by})` : '';
        io.out(`  ${v.year} · ${v.unit.name} · ${v.code} = ${show(v.value)} — ${v.fileName ?? 'JSON'}, phiên bản ${v.version}${v.cell ? `, ô ${v.cell}` : ''}${corr}`);
      }
      for (const d of t.documents) io.out(`  ${d.year} · ${d.unit.name} · ${d.so_ky_hieu} ngày ${d.ngay} — ${d.fileName ?? 'JSON'}, phiên bản ${d.version}${d.cell ? `, ô ${d.cell}` : ''}`);
      for (const m of t.missing) io.out(`  Chưa báo cáo: ${m.name} (năm ${m.year})`);
      return EXIT.ok;
    });
  },

  async history(args, io) {
    const unit = need(args.values.unit, 'unit');
    const year = yearOf(args);
    return withDb(args, (ctx) => {
      if (args.values.current) {
        const v = chooseCurrentVersion(ctx, unit, year, Number(args.values.current), need(args.values.reason, 'reason'));
        io.out(`Đã chọn phiên bản ${v.version} (${v.fileName ?? ''}) làm bản đang dùng của ${v.unitName} năm ${year}.`);
        return EXIT.ok;
      }
      if (args.values.diff) {
        const m = /^(\d+):(\d+)$/.exec(args.values.diff);
        if (!m) throw new UsageError('--diff cần dạng A:B, ví dụ 1:2.');
        const rows = diffVersions(ctx, unit, year, Number(m[1]), Number(m[2]));
        if (args.values.json) io.out(JSON.stringify(rows, null, 2));
        else {
          for (const r of rows) io.out(`${r.cell ?? r.code}: ${r.before ?? '(trống)'} → ${r.after ?? '(trống)'}`);
          io.out(`${rows.length} khác biệt giữa phiên bản ${m[1]} và ${m[2]}.`);
        }
        return EXIT.ok;
      }
      const versions = unitHistory(ctx, unit, year);
      if (args.values.json) io.out(JSON.stringify(versions, null, 2));
      else for (const v of versions) io.out(`${v.isCurrent ? '*' : ' '} phiên bản ${v.version}: ${v.fileName ?? v.source} — nhận ${isoDate(new Date(v.receivedAt)).split('-').reverse().join('/')}, ${v.warnings} cảnh báo`);
      return EXIT.ok;
    });
  },

  async correct(args, io) {
    const year = yearOf(args);
    const raw = need(args.values.value, 'value').trim();
    const value = /^(trong|trống|blank)$/i.test(raw) ? null : parseVietnameseNumber(raw);
    if (value === null && !/^(trong|trống|blank)$/i.test(raw)) throw new UsageError(`--value "${raw}" không phải là số (dùng "trong" để xóa về trống).`);
    return withDb(args, (ctx) => {
      const c = correctFigure(ctx, { unit: need(args.values.unit, 'unit'), year, code: need(args.values.code, 'code'), value, reason: need(args.values.reason, 'reason') });
      io.out(args.values.json ? JSON.stringify(c) : `Đã sửa ${c.code} của ${c.unit} năm ${year}: ${c.submitted ?? '(trống)'} → ${c.value ?? '(trống)'} (lý do: ${c.reason}).`);
      return EXIT.ok;
    });
  },

  async lock(args, io) {
    const year = yearOf(args);
    return withDb(args, (ctx) => {
      lockYear(ctx, year, args.values.reason);
      io.out(`Đã chốt số liệu năm ${year}.`);
      return EXIT.ok;
    });
  },

  async unlock(args, io) {
    const year = yearOf(args);
    return withDb(args, (ctx) => {
      unlockYear(ctx, year, need(args.values.reason, 'reason'));
      io.out(`Đã mở khóa số liệu năm ${year}.`);
      return EXIT.ok;
    });
  },

  async audit(args, io) {
    return withDb(args, (ctx) => {
      const records = listAudit(ctx);
      if (args.values.out) {
        writeFileSync(args.values.out, auditCsv([...records].reverse()));
        io.out(`Đã xuất ${records.length} dòng nhật ký ra ${args.values.out}.`);
      } else if (args.values.json) io.out(JSON.stringify(records, null, 2));
      else for (const r of records) io.out(`${r.at} ${r.user} ${r.action} ${r.entity} ${r.entityId ?? ''}${r.reason ? ` — ${r.reason}` : ''}`);
      return EXIT.ok;
    });
  },

  async backup(args, io) {
    return withDb(args, async (ctx) => {
      io.out(`Đã sao lưu: ${await backupDatabase(ctx.db, 'thu-cong')}`);
      return EXIT.ok;
    });
  },

  async backups(args, io) {
    const db = args.values.db ?? 'baocao121.sqlite';
    const list = listBackups(db);
    if (args.values.json) io.out(JSON.stringify(list, null, 2));
    else for (const b of list) io.out(`${b.at}  ${b.reason.padEnd(22)} ${path.basename(b.file)}`);
    return EXIT.ok;
  },

  async restore(args, io) {
    const db = need(args.values.db, 'db');
    const { replacedBackup } = restoreBackup(db, need(args.values.from, 'from'), SCHEMA_VERSION);
    io.out(`Đã khôi phục ${db} từ ${args.values.from}.${replacedBackup ? ` Bản đang dùng trước đó được lưu tại ${replacedBackup}.` : ''}`);
    return EXIT.ok;
  },

  async 'import-json'(args, io) {
    if (args.positionals.length === 0) throw new UsageError('Cần ít nhất một tệp JSON để nhập.');
    return withDb(args, (ctx) => {
      let failed = false;
      const results = [];
      for (const file of args.positionals) {
        try {
          let data: unknown;
          try {
            data = JSON.parse(readFileSync(file, 'utf8'));
          } catch {
            throw new AppError('bad_json', `Không đọc được tệp JSON ${file}.`);
          }
          const r = importJson(ctx, data, path.basename(file));
          results.push(r);
          if (!args.values.json) io.out(`ĐÃ NHẬN: ${file} — ${r.submissions} báo cáo mới, ${r.unchanged} không đổi, ${r.unitsAdded} đơn vị mới.`);
        } catch (e) {
          if (!isAppError(e)) throw e;
          failed = true;
          results.push({ file, error: e.message });
          if (!args.values.json) io.out(`TỪ CHỐI: ${file} — ${e.message}`);
        }
      }
      if (args.values.json) io.out(JSON.stringify({ files: results }, null, 2));
      return failed ? EXIT.data : EXIT.ok;
    });
  },
};

const USAGE_ERRORS = new Set(['no_backup', 'bad_backup', 'db_missing', 'db_unreadable', 'db_newer', 'db_exists', 'db_no_template', 'unknown_setting', 'bad_setting', 'bad_year']);

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Không có lệnh "${name}".\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    let args: Args;
    try {
      args = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(`Tùy chọn không hợp lệ: ${(e as Error).message}`);
    }
    if (args.values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    if (isAppError(e)) {
      io.err(`Lỗi: ${e.message}`);
      return USAGE_ERRORS.has(e.code) ? EXIT.usage : EXIT.data;
    }
    io.err(`Lỗi không mong đợi: ${(e as Error).stack ?? String(e)}`);
    return EXIT.data;
  }
}
