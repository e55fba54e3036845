// The one handler table: every method of shared/api.ts mapped to a service function. The Electron
// service process and the loopback bridge both call `dispatch`, which checks the method name and the
// input (zod) before a handler runs, and turns errors into Vietnamese messages.
import path from 'node:path';
import { parseApiCall, type ApiMethod, type ApiOutput, type ApiParsedInput, type ApiResult } from '../../shared/api.ts';
import type { ProgressListener } from '../../shared/types.ts';
import { APP_NAME, APP_VERSION } from '../app-info.ts';
import { isAppError } from '../errors.ts';
import { fromOsError } from '../files/os-errors.ts';
import { readOnlyNotice } from '../db/read-only.ts';
import { childrenTrend } from '../services/trend.ts';
import { backupNow, databaseBackups, removeBackup, restoreFromBackup } from '../services/backups.ts';
import { yearChecklist, unitVersions } from '../services/checklist.ts';
import type { ServiceContext } from '../store/context.ts';
import { correctFigures } from '../services/grid-corrections.ts';
import { gridData, yearDocuments } from '../services/grid.ts';
import { importFiles } from '../services/imports.ts';
import { fileSha256, previewWordReport, saveWordReport } from '../services/word-reports.ts';
import { generateAll } from '../services/generate.ts';
import { getSettings, setSettings, settingString } from '../store/settings.ts';
import { traceAnnexCell } from '../annex/trace.ts';
import { addUnit, importUnitListFile, moveUnit } from '../services/unit-edits.ts';
import { listUnits, mergeUnits, renameUnit, setUnitActive } from '../store/units.ts';
import { acknowledgeFinding, validateYear } from '../services/validation.ts';
import { agencyName, reportingYear, templateInfo } from '../store/window-info.ts';
import { writeBlankWorkbooks } from '../services/workbooks.ts';
import { ensureYear, isYearLocked, listYears, lockYear, unlockYear } from '../store/years.ts';
import { listAudit } from '../store/audit.ts';
import { chooseCurrentVersion, diffVersions, unitHistory } from '../services/history.ts';
import { markSectionNoContent, reportSections, saveSectionText } from './report-handlers.ts';
import { exportAuditCsvFile, exportProvinceYear, importProvinceFile } from './season-handlers.ts';


/** What a handler runs against: the open database and where the app keeps its files. */
export interface HandlerEnv {
  ctx: ServiceContext;
  dbFile: string;
  dataDir: string;
  desktop: boolean;
  /** Where an unexpected error (a bug) is told; default: the console. */
  onInternalError?: (method: string, error: unknown) => void;
}

type Handler<M extends ApiMethod> = (env: HandlerEnv, input: ApiParsedInput<M>, onProgress: ProgressListener) => ApiOutput<M> | Promise<ApiOutput<M>>;

export const handlers: { [M in ApiMethod]: Handler<M> } = {
  getAppInfo: ({ ctx, dbFile, dataDir, desktop }) => ({
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
  }),
  getTemplateInfo: ({ ctx }) => templateInfo(ctx),

  getSettings: ({ ctx }, { year }) => getSettings(ctx, year),
  setSettings: ({ ctx }, { year, changes }) => setSettings(ctx, changes, { year }),

  listUnits: ({ ctx }) => listUnits(ctx),
  addUnit: ({ ctx }, input) => addUnit(ctx, input),
  renameUnit: ({ ctx }, { code, name, reason }) => renameUnit(ctx, code, name, reason),
  moveUnit: ({ ctx }, { code, direction }) => moveUnit(ctx, code, direction),
  setUnitActive: ({ ctx }, { code, active, reason }) => setUnitActive(ctx, code, active, reason),
  mergeUnits: ({ ctx }, { from, into, reason }) => mergeUnits(ctx, from, into, reason),
  importUnitList: ({ ctx }, { file }) => importUnitListFile(ctx, file),

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
      warnings: report?.warnings ?? 0,
      locked: isYearLocked(ctx, year),
      validated: report !== null,
    };
  },

  setYearLocked: ({ ctx }, { year, locked, reason }) => (locked ? lockYear(ctx, year, reason) : unlockYear(ctx, year, reason ?? '')),

  writeBlankWorkbooks: async ({ ctx }, { year, outDir, units }, onProgress) => {
    const files = await writeBlankWorkbooks(ctx, { year, outDir, units, onProgress });
    return { outDir, files };
  },
  importFiles: ({ ctx }, { paths, receivedAt }, onProgress) => importFiles(ctx, paths, { receivedAt, onProgress }),
  yearChecklist: ({ ctx }, { year }) => yearChecklist(ctx, year),
  unitVersions: ({ ctx }, { year, unit }) => unitVersions(ctx, year, unit),
  previewWordReport: async ({ ctx }, { file }) => {
    const { sha256: _sha256, ...preview } = await previewWordReport(ctx, file);
    return preview;
  },
  saveWordReport: ({ ctx }, input) => saveWordReport(ctx, { ...input, sha256: fileSha256(input.file) }),

  validateYear: ({ ctx }, { year }) => validateYear(ctx, year),
  acknowledgeFinding: ({ ctx }, { key, reason }) => acknowledgeFinding(ctx, key, reason),

  gridData: ({ ctx }, { year, sheet }) => gridData(ctx, year, sheet),
  correctFigures: ({ ctx }, { year, reason, changes }) => correctFigures(ctx, year, reason, changes),
  yearDocuments: ({ ctx }, { year }) => yearDocuments(ctx, year),

  reportSections: ({ ctx }, { year }) => reportSections(ctx, year),
  setSectionText: ({ ctx }, { year, code, text }) => saveSectionText(ctx, year, code, text),
  setSectionNoContent: ({ ctx }, { year, code, none }) => markSectionNoContent(ctx, year, code, none),
  generateAll: async ({ ctx }, { year, outDir, force, sources }, onProgress) => {
    const result = await generateAll(ctx, { year, outDir, force, sources, onProgress });
    return { outDir, files: result.files, draft: result.draft, notices: result.notices, validation: result.validation, reportDraft: result.reportDraft, missingSections: result.missing };
  },
  traceAnnexCell: ({ ctx }, input) => traceAnnexCell(ctx, input),
  trend: ({ ctx }) => childrenTrend(ctx),

  listBackups: ({ ctx }) => databaseBackups(ctx),
  backupNow: ({ ctx }, _input, onProgress) => backupNow(ctx, onProgress),
  restoreBackup: async ({ ctx }, { file, listedOnly }, onProgress) => {
    const r = await restoreFromBackup(ctx, file, { listedOnly: listedOnly ?? true, onProgress });
    return { replacedBackup: r.replacedBackup };
  },
  deleteBackup: ({ ctx }, { file }) => removeBackup(ctx, file),
  auditLog: ({ ctx }, filter) => listAudit(ctx, filter),
  exportAuditCsv: ({ ctx }, input) => exportAuditCsvFile(ctx, input),
  unitHistory: ({ ctx }, { year, unit }) => unitHistory(ctx, unit, year),
  diffVersions: ({ ctx }, { year, unit, from, to }) => diffVersions(ctx, unit, year, from, to),
  chooseCurrentVersion: ({ ctx }, { year, unit, version, reason }) => chooseCurrentVersion(ctx, unit, year, version, reason),
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
    return { ok: false, error: { code: 'internal', message: `Lỗi không mong đợi khi thực hiện "${String(methodName)}": ${e instanceof Error ? e.message : String(e)}` } };
  }
}
