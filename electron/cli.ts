// baocao121: the command-line interface (docs/cli.md), a thin shell over the window's typed API: each command
// calls one method of shared/api.ts through the same handler table, in this process (inProcessHost).
// Only `init` and `demo` call their services directly: they make the database the API works on.
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { ApiInput, ApiMethod, ApiOutput } from '../shared/api.ts';
import { errorKind } from '../shared/errors.ts';
import type { ImportFileResult, ProgressListener } from '../shared/types.ts';
import { summaryLine, formatReportText, reportToJson } from '../shared/rules/report.ts';
import { parseVietnameseNumber } from '../shared/numbers.ts';
import { parsePeriod, periodKey, periodSeason, periodText, yearPeriod } from '../shared/periods.ts';
import { EXIT, isHelpRequest, USAGE } from './cli-usage.ts';
import { AppError, isAppError } from './errors.ts';
import { readOnlyNotice } from './db/read-only.ts';
import { fromOsError } from './files/os-errors.ts';
import { readDateCell } from './import/cell-values.ts';
import type { HandlerEnv } from './ipc/handlers.ts';
import { inProcessHost } from './ipc/service-host.ts';
import { isoDate, type ServiceContext } from './store/context.ts';
import { openCheckedContext } from './services/definitions.ts';
import { runDemo } from './services/demo.ts';
import { initDatabase } from './services/setup.ts';
import { listUnits } from './store/units.ts';

export { EXIT } from './cli-usage.ts';
import { missingSectionLines } from '../shared/section-mark.ts';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress of long work (the executable writes it to stderr). */
  progress?: ProgressListener;
}

class UsageError extends Error {}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  year: { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string' },
  unit: { type: 'string' },
  province: { type: 'string' },
  import: { type: 'string' },
  'retire-missing': { type: 'boolean' },
  set: { type: 'string', multiple: true },
  received: { type: 'string' },
  force: { type: 'boolean' },
  upgrade: { type: 'boolean' },
  sources: { type: 'boolean' },
  key: { type: 'string' },
  diff: { type: 'string' },
  current: { type: 'string' },
  code: { type: 'string' },
  value: { type: 'string' },
  enabled: { type: 'string' },
  from: { type: 'string' },
  annex: { type: 'string' },
  sheet: { type: 'string' },
  cell: { type: 'string' },
  reason: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  action: { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

function need<T>(value: T | undefined, option: string): T {
  if (value === undefined || value === '') throw new UsageError(`Thiếu tùy chọn --${option}.`);
  return value;
}

function yearOf(args: Args): number {
  const y = Number(need(args.values.year, 'year'));
  if (!Number.isInteger(y) || y < 2000 || y > 2100)
    throw new AppError('bad_year', `--year "${args.values.year}" không phải là một năm báo cáo. Hãy ghi năm bằng bốn chữ số, ví dụ --year 2026.`);
  return y;
}

/**
 * --period (a year, a half-year "2026-H1" or a range "2021-01-07..2025-12-31") or --year: the year the period
 * ends in, and the period's key to send (none for a plain year). Both given must agree.
 */
function periodOf(args: Args): { year: number; period?: string; label: string } {
  if (args.values.period === undefined) {
    const year = yearOf(args);
    return { year, label: periodText(yearPeriod(year)) };
  }
  const parsed = parsePeriod(args.values.period);
  if (!parsed.ok) throw new AppError('bad_period', `--period: ${parsed.message}`);
  const year = periodSeason(parsed.period);
  if (args.values.year !== undefined && yearOf(args) !== year) {
    throw new AppError(
      'bad_period',
      `--period ${periodKey(parsed.period)} kết thúc trong năm ${year}, khác --year ${args.values.year}. Hãy bỏ --year hoặc ghi --year ${year}.`,
    );
  }
  return { year, period: periodKey(parsed.period), label: periodText(parsed.period) };
}

/** The API over one database, opened on the first call that needs it (listing backups or restoring does not). */
class ApiSession {
  private ctx: ServiceContext | null = null;
  private readonly env: HandlerEnv;
  /** An unexpected error inside a handler, kept for --debug. */
  internalError: unknown = null;

  constructor(
    readonly dbFile: string,
    private readonly io: CliIO,
  ) {
    const open = () => {
      if (!this.ctx) {
        this.ctx = openCheckedContext(dbFile);
        const notice = readOnlyNotice(this.ctx.db);
        if (notice) io.err(`Lưu ý: ${notice}`);
      }
      return this.ctx;
    };
    this.env = {
      get ctx() {
        return open();
      },
      dbFile,
      dataDir: path.dirname(path.resolve(dbFile)),
      desktop: false,
      onInternalError: (_method, error) => (this.internalError = error),
    };
  }

  /** One API call; a refusal is thrown as an AppError with the API's code and message. */
  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const progress = this.io.progress;
    const result = await inProcessHost(this.env).call({ method, input, callId: method }, (e) => progress?.({ done: e.done, total: e.total, label: e.label }));
    if (!result.ok) throw new AppError(result.error.code, result.error.message, { cause: this.internalError ?? undefined });
    return result.value as ApiOutput<M>;
  }

  close(): void {
    this.ctx?.db.close();
    this.ctx = null;
  }
}

async function withApi(args: Args, io: CliIO, fn: (api: ApiSession) => Promise<number>): Promise<number> {
  const api = new ApiSession(args.values.db ?? 'baocao121.sqlite', io);
  try {
    return await fn(api);
  } finally {
    api.close();
  }
}

/** A day typed as dd/mm/yyyy or yyyy-mm-dd → the ISO moment of its start in Vietnam (UTC+7). */
function dayStart(option: string, text: string): string {
  const { iso } = readDateCell(text.trim());
  if (!iso) throw new UsageError(`--${option} "${text}" không phải là ngày (ghi dd/mm/yyyy hoặc yyyy-mm-dd).`);
  return `${iso}T00:00:00+07:00`;
}

/** The start of the day after: an "until" day is included whole. */
function dayAfter(option: string, text: string): string {
  return new Date(new Date(dayStart(option, text)).getTime() + 86_400_000).toISOString();
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

type Command = (args: Args, io: CliIO) => Promise<number>;

const commands: Record<string, Command> = {
  async demo(args, io) {
    const outDir = args.values.out ?? path.join('out', 'demo');
    const result = await runDemo(outDir, { log: args.values.json ? undefined : io.out });
    try {
      const accepted = result.imports.filter((r) => r.status === 'accepted').length;
      const rejected = result.imports.filter((r) => r.status === 'rejected');
      if (args.values.json) {
        io.out(
          JSON.stringify(
            {
              db: result.dbFile,
              year: result.year,
              blank_workbooks: result.blankWorkbooks,
              blank_dir: result.blankDir,
              filled_dir: result.filledDir,
              imported: accepted,
              rejected: rejected.length,
              errors: result.validation.errors,
              warnings: result.validation.warnings,
              infos: result.validation.infos,
              files: result.files,
              report_draft: result.reportDraft,
              missing_sections: result.missing,
            },
            null,
            2,
          ),
        );
      } else {
        io.out(
          `Xong: ${accepted} báo cáo đã nhập, ${rejected.length} bị từ chối; ${result.validation.errors} lỗi, ${result.validation.warnings} cảnh báo, ${result.validation.infos} thông tin; ${result.files.length} tệp kết quả trong ${path.dirname(result.files[0] ?? result.dbFile)}.`,
        );
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

  units: (args, io) =>
    withApi(args, io, async (api) => {
      if (args.values.import) {
        const r = await api.call('importUnitList', { file: args.values.import, ...(args.values['retire-missing'] ? { retireMissing: true } : {}) });
        const { units: _units, ...counts } = r;
        io.out(
          args.values.json
            ? JSON.stringify(counts)
            : `Danh sách đơn vị: thêm ${r.added}, giữ ${r.kept}, cập nhật ${r.updated}${r.removed ? `, bỏ ${r.removed} đơn vị không có trong danh sách` : ''}${r.retired ? `, ngừng theo dõi ${r.retired} đơn vị không có trong danh sách` : ''}${r.skipped ? `, bỏ qua ${r.skipped} dòng trùng tên` : ''}.`,
        );
        return EXIT.ok;
      }
      const units = await api.call('listUnits', {});
      if (args.values.json)
        io.out(
          JSON.stringify(
            units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parent: u.parentCode, order: u.order, active: u.active })),
            null,
            2,
          ),
        );
      else
        for (const u of units)
          io.out(`${u.code.padEnd(10)} ${u.name} (${u.kind}${u.parentCode ? `, thuộc ${u.parentCode}` : ''}${u.active ? '' : ', ngừng hoạt động'})`);
      return EXIT.ok;
    }),

  settings: (args, io) => {
    const changes: Record<string, string> = {};
    for (const kv of args.values.set ?? []) {
      const eq = kv.indexOf('=');
      if (eq < 1) throw new UsageError(`--set cần dạng KHÓA=GIÁ_TRỊ, không phải "${kv}".`);
      changes[kv.slice(0, eq).trim()] = kv.slice(eq + 1);
    }
    return withApi(args, io, async (api) => {
      const year = args.values.year ? yearOf(args) : undefined;
      const s = Object.keys(changes).length ? await api.call('setSettings', { year, changes }) : await api.call('getSettings', { year });
      if (args.values.json) io.out(JSON.stringify(s, null, 2));
      else for (const [k, v] of Object.entries(s)) io.out(`${k} = ${Array.isArray(v) ? v.join('; ') : String(v)}`);
      return EXIT.ok;
    });
  },

  template: (args, io) => {
    const { year, period, label } = periodOf(args);
    const outDir = need(args.values.out, 'out');
    return withApi(args, io, async (api) => {
      const { files } = await api.call('writeBlankWorkbooks', { year, period, outDir, units: args.values.unit ? [args.values.unit] : undefined });
      if (args.values.json) io.out(JSON.stringify({ year, period: period ?? String(year), files }, null, 2));
      else {
        for (const w of files) io.out(w.file);
        io.out(`Đã tạo ${files.length} biểu mẫu ${label} trong ${outDir}.`);
      }
      return EXIT.ok;
    });
  },

  import: (args, io) => {
    if (args.positionals.length === 0) throw new UsageError('Cần ít nhất một tệp hoặc thư mục để nhập.');
    const receivedAt = args.values.received === undefined ? undefined : dayStart('received', args.values.received);
    // --period: only workbooks of that period are taken (a half-year's workbook is not the year's report).
    const asked = args.values.period === undefined ? undefined : periodOf(args);
    const period = asked ? (asked.period ?? String(asked.year)) : undefined;
    return withApi(args, io, async (api) => {
      const results = await api.call('importFiles', { paths: args.positionals, receivedAt, period });
      if (args.values.json) io.out(JSON.stringify({ files: results }, null, 2));
      else printImport(io, results);
      return results.some((r) => r.status === 'rejected') ? EXIT.data : EXIT.ok;
    });
  },

  export: (args, io) => {
    const year = yearOf(args);
    return withApi(args, io, async (api) => {
      const r = await api.call('exportYear', { year, file: args.values.out });
      if (r.file) io.out(args.values.json ? JSON.stringify({ year, file: r.file }) : `Đã xuất dữ liệu năm ${year} ra ${r.file}.`);
      else io.out(JSON.stringify(r.data, null, 1));
      return EXIT.ok;
    });
  },

  'import-json': (args, io) => {
    if (args.positionals.length === 0) throw new UsageError('Cần ít nhất một tệp JSON để nhập.');
    return withApi(args, io, async (api) => {
      let failed = false;
      const results = [];
      for (const file of args.positionals) {
        try {
          const r = await api.call('importProvinceFile', { file });
          results.push(r);
          if (!args.values.json) io.out(`ĐÃ NHẬN: ${file} — ${r.submissions} báo cáo mới, ${r.unchanged} không đổi, ${r.unitsAdded} đơn vị mới.`);
        } catch (e) {
          // The file's own fault: the next files are still taken. A database that cannot be opened stops all.
          if (!isAppError(e) || e.code.startsWith('db_')) throw e;
          failed = true;
          results.push({ file, error: e.message });
          if (!args.values.json) io.out(`TỪ CHỐI: ${file} — ${e.message}`);
        }
      }
      if (args.values.json) io.out(JSON.stringify({ files: results }, null, 2));
      return failed ? EXIT.data : EXIT.ok;
    });
  },

  validate: (args, io) => {
    const { year, period } = periodOf(args);
    return withApi(args, io, async (api) => {
      const report = await api.call('validateYear', { year, period });
      if (args.values.json) io.out(JSON.stringify(reportToJson(report), null, 2));
      else for (const line of formatReportText(report)) io.out(line);
      return report.errors > 0 ? EXIT.data : EXIT.ok;
    });
  },

  targets: (args, io) => {
    const [action = 'list', code, ...extra] = args.positionals;
    if (!['list', 'set', 'reset'].includes(action)) throw new UsageError(`targets cần một trong: list, set, reset — không phải "${action}".`);
    if (extra.length > 0 || (action === 'list' && code !== undefined)) throw new UsageError('targets: thừa giá trị không kèm tùy chọn.');
    if (action === 'set' && !code) throw new UsageError('targets set cần mã chỉ tiêu, ví dụ: targets set tra_ho_so --value 0.');
    let value: number | undefined;
    if (args.values.value !== undefined) {
      const v = parseVietnameseNumber(args.values.value);
      if (v === null) throw new UsageError(`--value "${args.values.value}" không phải là số.`);
      value = v;
    }
    let enabled: boolean | undefined;
    if (args.values.enabled !== undefined) {
      const e = args.values.enabled.trim().toLocaleLowerCase('vi');
      if (['có', 'co', 'true', '1', 'bật', 'bat'].includes(e)) enabled = true;
      else if (['không', 'khong', 'false', '0', 'tắt', 'tat'].includes(e)) enabled = false;
      else throw new UsageError(`--enabled "${args.values.enabled}": ghi "có" (bật) hoặc "không" (tắt).`);
    }
    if (action === 'set' && value === undefined && enabled === undefined) throw new UsageError('targets set cần --value SỐ và/hoặc --enabled có|không.');
    return withApi(args, io, async (api) => {
      const year = args.values.year ? yearOf(args) : (await api.call('getAppInfo', {})).reportingYear;
      const view =
        action === 'set'
          ? await api.call('setTarget', { year, code: code!, enabled, value })
          : action === 'reset'
            ? await api.call('resetTargets', { year, code })
            : await api.call('targets', { year });
      if (args.values.json) io.out(JSON.stringify(view, null, 2));
      else {
        for (const r of view.rows) {
          const changed = r.overridden ? ' (tỉnh đã chỉnh)' : '';
          io.out(`${r.enabled ? '[x]' : '[ ]'} ${r.code} — ${r.label}: ${r.levelText}${changed}`);
          if (r.statusText) io.out(`      ${r.statusText.toLocaleUpperCase('vi')}: ${r.resultText ?? ''}`);
        }
        if (view.summary) io.out(view.summary);
      }
      return EXIT.ok;
    });
  },

  generate: (args, io) => {
    const { year, period } = periodOf(args);
    const outDir = need(args.values.out, 'out');
    return withApi(args, io, async (api) => {
      const r = await api.call('generateAll', { year, period, outDir, force: args.values.force, sources: args.values.sources });
      if (args.values.json)
        io.out(
          JSON.stringify(
            {
              files: r.files,
              draft: r.draft,
              reportDraft: r.reportDraft,
              missingSections: r.missingSections,
              errors: r.validation.errors,
              warnings: r.validation.warnings,
              notices: r.notices,
            },
            null,
            2,
          ),
        );
      else {
        for (const f of r.files) io.out(f);
        io.out(summaryLine(r.validation));
        for (const n of r.notices.filter((n) => !r.missingSections.some((m) => n.includes(`"${m.heading}"`)))) io.out(`Lưu ý: ${n}`);
        if (r.draft) io.out(`Các tệp là bản DỰ THẢO: còn ${r.validation.errors} lỗi chưa xử lý.`);
        for (const line of missingSectionLines(r.missingSections)) io.out(line);
      }
      return EXIT.ok;
    });
  },

  acknowledge: (args, io) => {
    const key = need(args.values.key, 'key');
    const reason = need(args.values.reason, 'reason');
    return withApi(args, io, async (api) => {
      const f = await api.call('acknowledgeFinding', { key, reason });
      io.out(args.values.json ? JSON.stringify(f) : `Đã xác nhận: ${f.message}`);
      return EXIT.ok;
    });
  },

  trace: (args, io) => {
    const year = yearOf(args);
    const annex = need(args.values.annex, 'annex');
    const cell = need(args.values.cell, 'cell');
    return withApi(args, io, async (api) => {
      const t = await api.call('traceAnnexCell', { annex, sheet: args.values.sheet, cell, year });
      if (args.values.json) {
        io.out(JSON.stringify(t, null, 2));
        return EXIT.ok;
      }
      const show = (v: number | string | null) => (v === null ? '(trống)' : String(v));
      io.out(`${t.annex} ${t.sheet}!${t.cell} — ${t.label}: ${show(t.value)}${t.formula ? ` (=${t.formula})` : ''}`);
      for (const v of t.values) {
        const corr = v.correction ? `; đã sửa ${show(v.submitted)} → ${show(v.value)} (${v.correction.reason}, ${v.correction.by})` : '';
        io.out(
          `  ${v.year} · ${v.unit.name} · ${v.code} = ${show(v.value)} — ${v.fileName ?? 'JSON'}, phiên bản ${v.version}${v.cell ? `, ô ${v.cell}` : ''}${corr}`,
        );
      }
      for (const d of t.documents)
        io.out(
          `  ${d.year} · ${d.unit.name} · ${d.so_ky_hieu} ngày ${d.ngay} — ${d.fileName ?? 'JSON'}, phiên bản ${d.version}${d.cell ? `, ô ${d.cell}` : ''}`,
        );
      for (const m of t.missing) io.out(`  Chưa báo cáo: ${m.name} (năm ${m.year})`);
      return EXIT.ok;
    });
  },

  history: (args, io) => {
    const unit = need(args.values.unit, 'unit');
    const year = yearOf(args);
    if (args.values.current) {
      const version = Number(args.values.current);
      if (!Number.isInteger(version) || version < 1)
        throw new UsageError(`--current cần số phiên bản, ví dụ --current 2, không phải "${args.values.current}".`);
      const reason = need(args.values.reason, 'reason');
      return withApi(args, io, async (api) => {
        const v = await api.call('chooseCurrentVersion', { unit, year, version, reason });
        io.out(args.values.json ? JSON.stringify(v) : `Đã chọn phiên bản ${v.version} (${v.fileName ?? ''}) làm bản đang dùng của ${v.unitName} năm ${year}.`);
        return EXIT.ok;
      });
    }
    if (args.values.diff) {
      const m = /^(\d+):(\d+)$/.exec(args.values.diff);
      if (!m) throw new UsageError('--diff cần dạng A:B, ví dụ 1:2.');
      return withApi(args, io, async (api) => {
        const rows = await api.call('diffVersions', { unit, year, from: Number(m[1]), to: Number(m[2]) });
        if (args.values.json) io.out(JSON.stringify(rows, null, 2));
        else {
          for (const r of rows) io.out(`${r.cell ?? r.code}: ${r.before ?? '(trống)'} → ${r.after ?? '(trống)'}`);
          io.out(`${rows.length} khác biệt giữa phiên bản ${m[1]} và ${m[2]}.`);
        }
        return EXIT.ok;
      });
    }
    return withApi(args, io, async (api) => {
      const versions = await api.call('unitHistory', { unit, year });
      if (args.values.json) io.out(JSON.stringify(versions, null, 2));
      else
        for (const v of versions)
          io.out(
            `${v.isCurrent ? '*' : ' '} phiên bản ${v.version}: ${v.fileName ?? v.source} — nhận ${isoDate(new Date(v.receivedAt)).split('-').reverse().join('/')}, ${v.warnings} cảnh báo`,
          );
      return EXIT.ok;
    });
  },

  correct: (args, io) => {
    const year = yearOf(args);
    const raw = need(args.values.value, 'value').trim();
    const blank = /^(trong|trống|blank)$/i.test(raw);
    const value = blank ? null : parseVietnameseNumber(raw);
    if (value === null && !blank) throw new UsageError(`--value "${raw}" không phải là số (dùng "trong" để xóa về trống).`);
    const unit = need(args.values.unit, 'unit');
    const code = need(args.values.code, 'code');
    const reason = need(args.values.reason, 'reason');
    return withApi(args, io, async (api) => {
      const [c] = await api.call('correctFigures', { year, reason, changes: [{ unit, code, value }] });
      io.out(
        args.values.json
          ? JSON.stringify(c)
          : `Đã sửa ${c!.code} của ${c!.unit} năm ${year}: ${c!.submitted ?? '(trống)'} → ${c!.value ?? '(trống)'} (lý do: ${c!.correction?.reason ?? reason.trim()}).`,
      );
      return EXIT.ok;
    });
  },

  definition: (args, io) => {
    if (args.values.upgrade) {
      const year = yearOf(args);
      return withApi(args, io, async (api) => {
        const r = await api.call('upgradeYearDefinition', { year });
        io.out(
          args.values.json
            ? JSON.stringify(r)
            : `Đã chuyển năm ${year} sang định nghĩa báo cáo phiên bản ${r.to.version} (trước đó: phiên bản ${r.from.version}). Bản sao lưu trước khi chuyển: ${r.backup}`,
        );
        return EXIT.ok;
      });
    }
    return withApi(args, io, async (api) => {
      const s = await api.call('definitionStatus', {});
      if (args.values.json) io.out(JSON.stringify(s));
      else {
        io.out(`Định nghĩa báo cáo của phần mềm: phiên bản ${s.current.version} (${s.current.hash}).`);
        for (const y of s.years) {
          const state = y.current ? 'hiện hành' : y.locked ? 'cũ hơn, năm đã chốt nên giữ nguyên' : 'cũ hơn, có thể chuyển bằng --upgrade';
          io.out(`  Năm ${y.year}: phiên bản ${y.version} (${y.hash}), ${state}.`);
        }
      }
      return EXIT.ok;
    });
  },

  lock: (args, io) => {
    const year = yearOf(args);
    return withApi(args, io, async (api) => {
      const state = await api.call('setYearLocked', { year, locked: true, reason: args.values.reason });
      io.out(args.values.json ? JSON.stringify(state) : `Đã chốt số liệu năm ${year}.`);
      return EXIT.ok;
    });
  },

  unlock: (args, io) => {
    const year = yearOf(args);
    const reason = need(args.values.reason, 'reason');
    return withApi(args, io, async (api) => {
      const state = await api.call('setYearLocked', { year, locked: false, reason });
      io.out(args.values.json ? JSON.stringify(state) : `Đã mở khóa số liệu năm ${year}.`);
      return EXIT.ok;
    });
  },

  audit: (args, io) => {
    const filter = {
      since: args.values.since === undefined ? undefined : dayStart('since', args.values.since),
      until: args.values.until === undefined ? undefined : dayAfter('until', args.values.until),
      action: args.values.action,
      user: args.values.user,
    };
    return withApi(args, io, async (api) => {
      if (args.values.out) {
        const r = await api.call('exportAuditCsv', { ...filter, file: args.values.out });
        io.out(args.values.json ? JSON.stringify(r) : `Đã xuất ${r.rows} dòng nhật ký ra ${r.file}.`);
        return EXIT.ok;
      }
      const records = await api.call('auditLog', filter);
      if (args.values.json) io.out(JSON.stringify(records, null, 2));
      else for (const r of records) io.out(`${r.at} ${r.user} ${r.action} ${r.entity} ${r.entityId ?? ''}${r.reason ? ` — ${r.reason}` : ''}`);
      return EXIT.ok;
    });
  },

  backup: (args, io) =>
    withApi(args, io, async (api) => {
      const { file, kind } = await api.call('backupNow', {});
      io.out(args.values.json ? JSON.stringify({ file, kind }) : `Đã sao lưu: ${file}`);
      return EXIT.ok;
    }),

  backups: (args, io) =>
    withApi(args, io, async (api) => {
      const list = await api.call('listBackups', {});
      if (args.values.json) io.out(JSON.stringify(list, null, 2));
      else for (const b of list) io.out(`${b.at}  ${b.label.padEnd(22)} ${path.basename(b.file)}`);
      return EXIT.ok;
    }),

  restore: (args, io) => {
    const db = need(args.values.db, 'db');
    const from = need(args.values.from, 'from');
    return withApi(args, io, async (api) => {
      const { replacedBackup } = await api.call('restoreBackup', { file: from, listedOnly: false });
      io.out(
        args.values.json
          ? JSON.stringify({ db, from, replacedBackup })
          : `Đã khôi phục ${db} từ ${from}.${replacedBackup ? ` Bản đang dùng trước đó được lưu tại ${replacedBackup}.` : ''}`,
      );
      return EXIT.ok;
    });
  },
};

/** `--value -5`: a string option followed by a negative number takes it as its value (parseArgs alone calls it ambiguous). */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null;
    const option = name !== null ? (OPTIONS as Record<string, { type: string }>)[name] : undefined;
    if (option?.type === 'string' && next !== undefined && /^-(\d|[.,]\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs' English errors, said in Vietnamese. */
function parseError(e: unknown): UsageError {
  const { code, message } = e as { code?: string; message: string };
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`Không có tùy chọn "${option}".`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(message)) return new UsageError(`Tùy chọn ${option} cần một giá trị.`);
    if (/ambiguous/.test(message)) return new UsageError(`Giá trị của ${option} bắt đầu bằng dấu "-": hãy ghi ${option}=GIÁ_TRỊ.`);
    return new UsageError(`Tùy chọn ${option} không nhận giá trị (chỉ ghi ${option}).`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('Lệnh này không nhận thêm đường dẫn hay giá trị không kèm tùy chọn.');
  return new UsageError('Tùy chọn không hợp lệ.');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  // Known before parsing, so that even a usage error comes back as JSON.
  const json = argv.includes('--json');
  const debug = argv.includes('--debug');
  const fail = (code: string, message: string, usage: boolean): number => {
    if (json) io.out(JSON.stringify({ ok: false, code, message }));
    io.err(usage ? (json ? message : `${message}\n${USAGE}`) : code === 'internal' ? message : `Lỗi: ${message}`);
    return errorKind(code) === 'usage' ? EXIT.usage : EXIT.data;
  };
  if (isHelpRequest(argv)) {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) return fail('usage', `Không có lệnh "${name}".`, true);
  try {
    let args: Args;
    try {
      args = parseArgs({ args: joinNegativeValues(rest), options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw parseError(e);
    }
    if (args.values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    return await command(args, io);
  } catch (caught) {
    const e = fromOsError(caught);
    if (e instanceof UsageError) return fail('usage', e.message, true);
    if (isAppError(e)) {
      if (debug && e.cause instanceof Error) io.err(e.cause.stack ?? e.cause.message);
      return fail(e.code, e.message, false);
    }
    const error = e instanceof Error ? e : new Error(String(e));
    if (debug) io.err(error.stack ?? error.message);
    return fail(
      'internal',
      `Lỗi không mong đợi: ${error.message}${debug ? '' : ' (chạy lại với --debug để xem chi tiết kỹ thuật)'}. Hãy báo cho người phụ trách kỹ thuật.`,
      false,
    );
  }
}
