// The one handler table: every method of shared/api.ts mapped to a service function. The Electron
// service process and the loopback bridge both call `dispatch`, which checks the method name and the
// input (zod) before a handler runs, and turns errors into Vietnamese messages.
import path from 'node:path';
import { parseApiCall, type ApiMethod, type ApiOutput, type ApiParsedInput, type ApiResult } from '../../shared/api.ts';
import type { AppInfo } from '../../shared/api-types.ts';
import type { ProgressListener } from '../../shared/types.ts';
import { APP_NAME, APP_VERSION } from '../app-info.ts';
import { AppError, isAppError } from '../errors.ts';
import { fromOsError } from '../files/os-errors.ts';
import { readOnlyNotice } from '../db/read-only.ts';
import { childrenTrend } from '../services/trend.ts';
import { definitionStatus, openCheckedContext, upgradeYearDefinition } from '../services/definitions.ts';
import { assertTargetsEditable, resetTargets, setTarget, targetsView } from '../services/targets.ts';
import { backupNow, databaseBackups, removeBackup, restoreFromBackup } from '../services/backups.ts';
import { yearChecklist, unitVersions } from '../services/checklist.ts';
import type { ServiceContext } from '../store/context.ts';
import { correctFigures } from '../services/grid-corrections.ts';
import { gridData, yearDocuments } from '../services/grid.ts';
import { importFiles } from '../services/imports.ts';
import { fileSha256, previewWordReport, saveWordReport } from '../services/word-reports.ts';
import { generateAll } from '../services/generate.ts';
import { periodFromKey, requestedPeriod } from '../services/period.ts';
import { getSettings, setSettings, settingString } from '../store/settings.ts';
import { allFigureSources, traceAnnexCell } from '../annex/trace.ts';
import { addUnit, moveUnit } from '../services/unit-edits.ts';
import { importUnitList, previewUnitList, unusedCodeFromName, writeSampleUnitList } from '../services/unit-list-import.ts';
import { followProvinceName, isFirstRun, openSampleDatabase, sampleDbFile, setupProvince } from '../services/first-run.ts';
import { listUnits, mergeUnits, renameUnit, setUnitActive } from '../store/units.ts';
import { acknowledgeFinding, acknowledgeFindings, validateYear } from '../services/validation.ts';
import { agencyName, reportingYear, templateInfo } from '../store/window-info.ts';
import { writeBlankWorkbooks } from '../services/workbooks.ts';
import { ensureYear, isYearLocked, listYears, lockYear, unlockYear } from '../store/years.ts';
import { listAudit } from '../store/audit.ts';
import { auditInWords } from '../services/audit-words.ts';
import { addPaperSubmission } from '../services/paper-submissions.ts';
import { chooseCurrentVersion, diffVersions, unitHistory } from '../services/history.ts';
import { markSectionNoContent, reportSections, saveSectionText } from './report-handlers.ts';
import { exportAuditCsvFile, exportProvinceYear, importProvinceFile } from './season-handlers.ts';

/** What a handler runs against: the open database and where the app keeps its files. */
export interface HandlerEnv {
  ctx: ServiceContext;
  dbFile: string;
  dataDir: string;
  desktop: boolean;
  /** The province's own database, while the sample is open in its place (env.dbFile then names the sample's file). */
  homeDbFile?: string;
  /** True while the sample province is open. */
  sample?: boolean;
  /** Where an unexpected error (a bug) is told; default: the console. */
  onInternalError?: (method: string, error: unknown) => void;
}

/** Opens another database in place of the one open (the sample's or the province's own), closing the old one. */
async function switchDatabase(env: HandlerEnv, toSample: boolean): Promise<void> {
  env.homeDbFile ??= env.dbFile;
  if (Boolean(env.sample) === toSample) return;
  const file = toSample ? sampleDbFile(env.dataDir) : env.homeDbFile;
  if (toSample && path.resolve(file) === path.resolve(env.homeDbFile)) {
    throw new AppError(
      'bad_path',
      `Tệp dữ liệu của tỉnh đang mang tên dành cho dữ liệu mẫu (${path.basename(file)}); không mở dữ liệu mẫu để khỏi lẫn hai loại dữ liệu. Hãy đổi tên tệp dữ liệu của tỉnh.`,
    );
  }
  const next = toSample ? await openSampleDatabase(file) : openCheckedContext(file);
  const old = env.ctx;
  env.ctx = next;
  env.dbFile = path.resolve(file);
  env.sample = toSample;
  old.db.close();
}

function appInfo(env: HandlerEnv): AppInfo {
  const { ctx, dbFile, dataDir, desktop } = env;
  return {
    appName: APP_NAME,
    version: APP_VERSION,
    dbFile,
    dataDir,
    pathSeparator: path.sep,
    desktop,
    province: settingString(getSettings(ctx), 'province'),
    agency: agencyName(ctx),
    years: listYears(ctx),
    reportingYear: reportingYear(ctx),
    ...(readOnlyNotice(ctx.db) ? { readOnly: readOnlyNotice(ctx.db)! } : {}),
    ...(isFirstRun(ctx) ? { firstRun: true } : {}),
    ...(env.sample ? { sample: true } : {}),
  };
}

type Handler<M extends ApiMethod> = (env: HandlerEnv, input: ApiParsedInput<M>, onProgress: ProgressListener) => ApiOutput<M> | Promise<ApiOutput<M>>;

export const handlers: { [M in ApiMethod]: Handler<M> } = {
  getAppInfo: (env) => appInfo(env),
  openSample: async (env) => {
    await switchDatabase(env, true);
    return appInfo(env);
  },
  openProvinceData: async (env) => {
    await switchDatabase(env, false);
    return appInfo(env);
  },
  setupProvince: (env, answers) => {
    if (env.sample) throw new AppError('already_set_up', 'Đang mở dữ liệu mẫu. Hãy trở về dữ liệu của tỉnh rồi khai báo tỉnh mới.');
    setupProvince(env.ctx, answers);
    return appInfo(env);
  },
  previewUnitList: ({ ctx }, { file, retireMissing }) => previewUnitList(ctx, file, { retireMissing }),
  saveSampleUnitList: (_env, { file }) => writeSampleUnitList(file),
  getTemplateInfo: ({ ctx }) => templateInfo(ctx),

  getSettings: ({ ctx }, { year }) => getSettings(ctx, year),
  setSettings: ({ ctx }, { year, changes }) => {
    const before = getSettings(ctx);
    const saved = setSettings(ctx, changes, { year });
    followProvinceName(ctx, { province: settingString(before, 'province'), kind: settingString(before, 'province_kind', 'tỉnh') });
    return saved;
  },

  listUnits: ({ ctx }) => listUnits(ctx),
  addUnit: ({ ctx }, { code, ...input }) =>
    addUnit(ctx, { ...input, code: code || unusedCodeFromName(ctx, input.name, input.kind, new Set(listUnits(ctx).map((u) => u.code.toUpperCase()))) }),
  renameUnit: ({ ctx }, { code, name, reason }) => renameUnit(ctx, code, name, reason),
  moveUnit: ({ ctx }, { code, direction }) => moveUnit(ctx, code, direction),
  setUnitActive: ({ ctx }, { code, active, reason }) => setUnitActive(ctx, code, active, reason),
  mergeUnits: ({ ctx }, { from, into, reason }) => mergeUnits(ctx, from, into, reason),
  importUnitList: ({ ctx }, { file, retireMissing }) => importUnitList(ctx, file, { retireMissing }),

  addYear: ({ ctx }, { year }) => {
    ensureYear(ctx, year);
    return listYears(ctx);
  },
  yearStatus: ({ ctx }, { year }) => {
    const checklist = yearChecklist(ctx, year);
    const report = listYears(ctx).includes(year) ? validateYear(ctx, year) : null;
    return {
      year,
      expected: checklist.expected,
      reported: checklist.reported,
      errors: report?.errors ?? 0,
      // The warnings still to review: an acknowledged one no longer counts.
      warnings: report ? report.findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length : 0,
      locked: isYearLocked(ctx, year),
      validated: report !== null,
    };
  },

  setYearLocked: ({ ctx }, { year, locked, reason }) => (locked ? lockYear(ctx, year, reason) : unlockYear(ctx, year, reason ?? '')),

  writeBlankWorkbooks: async ({ ctx }, { year, period, outDir, units }, onProgress) => {
    const files = await writeBlankWorkbooks(ctx, { year, period: requestedPeriod(year, period), outDir, units, onProgress });
    return { outDir, files };
  },
  importFiles: ({ ctx }, { paths, receivedAt, period }, onProgress) =>
    importFiles(ctx, paths, { receivedAt, period: period === undefined ? undefined : periodFromKey(period), onProgress }),
  yearChecklist: ({ ctx }, { year }) => yearChecklist(ctx, year),
  unitVersions: ({ ctx }, { year, unit }) => unitVersions(ctx, year, unit),
  previewWordReport: async ({ ctx }, { file }) => {
    const { sha256: _sha256, ...preview } = await previewWordReport(ctx, file);
    return preview;
  },
  saveWordReport: ({ ctx }, input) => saveWordReport(ctx, { ...input, sha256: fileSha256(input.file) }),

  validateYear: ({ ctx }, { year, period }) => validateYear(ctx, year, { period: requestedPeriod(year, period) }),
  acknowledgeFinding: ({ ctx }, { key, reason }) => acknowledgeFinding(ctx, key, reason),
  acknowledgeFindings: ({ ctx }, { keys, reason }) => acknowledgeFindings(ctx, keys, reason),

  gridData: ({ ctx }, { year, sheet }) => gridData(ctx, year, sheet),
  correctFigures: ({ ctx }, { year, reason, changes }) => correctFigures(ctx, year, reason, changes),
  yearDocuments: ({ ctx }, { year }) => yearDocuments(ctx, year),

  reportSections: ({ ctx }, { year, period }) => reportSections(ctx, year, requestedPeriod(year, period)),
  setSectionText: ({ ctx }, { year, period, code, text }) => saveSectionText(ctx, year, code, text, requestedPeriod(year, period)),
  setSectionNoContent: ({ ctx }, { year, period, code, none }) => markSectionNoContent(ctx, year, code, none, requestedPeriod(year, period)),
  generateAll: async ({ ctx }, { year, period, outDir, force, sources, markDraft }, onProgress) => {
    const result = await generateAll(ctx, { year, period: requestedPeriod(year, period), outDir, force, sources, markDraft, onProgress });
    return {
      outDir,
      files: result.files,
      draft: result.draft,
      notices: result.notices,
      validation: result.validation,
      reportDraft: result.reportDraft,
      missingSections: result.missing,
    };
  },
  traceAnnexCell: ({ ctx }, input) => traceAnnexCell(ctx, input),
  annexFigureCells: ({ ctx }, { year }) =>
    allFigureSources(ctx, year).map((c) => ({
      annex: c.annex,
      annexLabel: c.annexLabel,
      sheet: c.sheet,
      cell: c.cell,
      label: c.label,
      value: c.value,
      units: new Set(c.values.map((v) => `${v.year}/${v.unit.code}`)).size,
    })),
  trend: ({ ctx }) => childrenTrend(ctx),
  definitionStatus: ({ ctx }) => definitionStatus(ctx),
  upgradeYearDefinition: ({ ctx }, { year }) => upgradeYearDefinition(ctx, year),
  targets: ({ ctx }, { year }) => targetsView(ctx, year),
  setTarget: ({ ctx }, { year, code, enabled, value }) => {
    assertTargetsEditable(ctx, year);
    setTarget(ctx, code, { ...(enabled === undefined ? {} : { enabled }), ...(value === undefined ? {} : { value }) });
    return targetsView(ctx, year);
  },
  resetTargets: ({ ctx }, { year, code }) => {
    assertTargetsEditable(ctx, year);
    resetTargets(ctx, code);
    return targetsView(ctx, year);
  },

  listBackups: ({ ctx }) => databaseBackups(ctx),
  backupNow: ({ ctx }, _input, onProgress) => backupNow(ctx, onProgress),
  restoreBackup: async ({ ctx }, { file, listedOnly }, onProgress) => {
    const r = await restoreFromBackup(ctx, file, { listedOnly: listedOnly ?? true, onProgress });
    return { replacedBackup: r.replacedBackup };
  },
  deleteBackup: ({ ctx }, { file }) => removeBackup(ctx, file),
  auditLog: ({ ctx }, filter) => listAudit(ctx, filter),
  auditLines: ({ ctx }, filter) => auditInWords(ctx, listAudit(ctx, filter)),
  exportAuditCsv: ({ ctx }, input) => exportAuditCsvFile(ctx, input),
  unitHistory: ({ ctx }, { year, unit }) => unitHistory(ctx, unit, year),
  diffVersions: ({ ctx }, { year, unit, from, to }) => diffVersions(ctx, unit, year, from, to),
  chooseCurrentVersion: ({ ctx }, { year, unit, version, reason }) => chooseCurrentVersion(ctx, unit, year, version, reason),
  addPaperSubmission: ({ ctx }, input) => addPaperSubmission(ctx, input),
  exportYear: ({ ctx }, { year, file }) => exportProvinceYear(ctx, year, file),
  importProvinceFile: ({ ctx }, { file }) => importProvinceFile(ctx, file),
};

/** Runs one call: the method name and input are checked first; an error comes back as a message, never thrown. */
export async function dispatch(env: HandlerEnv, methodName: unknown, input: unknown, onProgress: ProgressListener = () => {}): Promise<ApiResult> {
  const call = parseApiCall(methodName, input);
  if (!call.ok) return call;
  try {
    const handler = handlers[call.method] as (env: HandlerEnv, input: unknown, onProgress: ProgressListener) => unknown;
    return { ok: true, value: await handler(env, call.input, onProgress) };
  } catch (caught) {
    const e = fromOsError(caught);
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    if (env.onInternalError) env.onInternalError(String(methodName), e);
    else console.error(`[${String(methodName)}]`, e);
    return {
      ok: false,
      error: { code: 'internal', message: `Lỗi không mong đợi khi thực hiện "${String(methodName)}": ${e instanceof Error ? e.message : String(e)}` },
    };
  }
}
