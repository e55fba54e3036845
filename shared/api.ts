// The window's typed API: one table of methods, each with its zod input schema and its output type.
// The Electron IPC, the loopback bridge and the renderer's client all read this table; the handlers
// (electron/ipc/handlers.ts) implement it with the services.
import { z } from 'zod';
import type {
  AnnexCellTrace,
  AppInfo,
  FigureUpdate,
  GeneratedFiles,
  GridData,
  ReportSection,
  SubmissionVersionInfo,
  TemplateInfo,
  TrendData,
  WrittenWorkbooksResult,
  YearChecklist,
  YearDocument,
  YearLockState,
  YearStatus,
} from './api-types.ts';
import type { ValidationFinding, ValidationReport } from './rules/types.ts';
import type { ImportFileResult, Settings, Unit } from './types.ts';
import type { WordReportPreview, WordReportSaved } from './word-report-types.ts';

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Long work: the caller may follow its progress (done/total/label). */
  progress: boolean;
  /** Never set: carries the output type. */
  output?: O;
}

function method<I extends z.ZodType>(input: I, options: { progress?: boolean } = {}) {
  return { returns: <O>(): MethodSpec<I, O> => ({ input, progress: options.progress ?? false }) };
}

const none = z.object({}).strict();
const year = z.number().int().min(2000, 'năm không hợp lệ').max(2100, 'năm không hợp lệ');
const unitCode = z.string().trim().min(1, 'thiếu mã đơn vị');
const reason = z.string().trim().min(1, 'hãy ghi lý do');
const folder = z.string().trim().min(1, 'hãy chọn hoặc nhập một thư mục');

export const apiContract = {
  getAppInfo: method(none).returns<AppInfo>(),
  getTemplateInfo: method(none).returns<TemplateInfo>(),

  getSettings: method(none).returns<Settings>(),
  setSettings: method(z.object({ changes: z.record(z.string(), z.unknown()) })).returns<Settings>(),

  listUnits: method(none).returns<Unit[]>(),
  addUnit: method(
    z.object({ code: unitCode, name: z.string().trim().min(1, 'thiếu tên đơn vị'), kind: z.string().min(1), parent: z.string().nullable() }),
  ).returns<Unit>(),
  renameUnit: method(z.object({ code: unitCode, name: z.string().trim().min(1, 'thiếu tên đơn vị'), reason: z.string().optional() })).returns<Unit>(),
  moveUnit: method(z.object({ code: unitCode, direction: z.enum(['up', 'down']) })).returns<Unit[]>(),
  setUnitActive: method(z.object({ code: unitCode, active: z.boolean(), reason: z.string().optional() })).returns<Unit>(),
  mergeUnits: method(z.object({ from: unitCode, into: unitCode, reason: z.string().optional() })).returns<Unit>(),
  importUnitList: method(z.object({ file: z.string().trim().min(1, 'hãy chọn hoặc nhập đường dẫn tệp danh sách') })).returns<{ added: number; updated: number; units: Unit[] }>(),

  addYear: method(z.object({ year })).returns<number[]>(),
  yearStatus: method(z.object({ year })).returns<YearStatus>(),
  setYearLocked: method(z.object({ year, locked: z.boolean(), reason: z.string().optional() })).returns<YearLockState>(),

  writeBlankWorkbooks: method(z.object({ year, outDir: folder, units: z.array(unitCode).optional() }), { progress: true }).returns<WrittenWorkbooksResult>(),
  importFiles: method(z.object({ paths: z.array(z.string().min(1)).min(1, 'chưa chọn tệp hoặc thư mục nào') }), { progress: true }).returns<ImportFileResult[]>(),
  yearChecklist: method(z.object({ year })).returns<YearChecklist>(),
  unitVersions: method(z.object({ year, unit: unitCode })).returns<SubmissionVersionInfo[]>(),
  /** A unit's Word report (.docx) read and placed in the outline's sections; nothing is saved. */
  previewWordReport: method(z.object({ file: z.string().trim().min(1, 'hãy chọn tệp báo cáo Word') })).returns<WordReportPreview>(),
  /** The texts of a previewed Word report (as completed by hand) saved as a new version of the unit's texts. */
  saveWordReport: method(
    z.object({
      file: z.string().trim().min(1, 'hãy chọn tệp báo cáo Word'),
      unit: unitCode,
      year,
      texts: z.record(z.string().regex(/^t_[a-z0-9_]+$/, 'mã mục không hợp lệ'), z.string().max(200_000, 'nội dung một mục quá dài')),
    }),
  ).returns<WordReportSaved>(),

  validateYear: method(z.object({ year })).returns<ValidationReport>(),
  acknowledgeFinding: method(z.object({ key: z.string().min(1), reason })).returns<ValidationFinding>(),

  gridData: method(z.object({ year, sheet: z.string().min(1) })).returns<GridData>(),
  correctFigures: method(
    z.object({
      year,
      reason,
      changes: z.array(z.object({ unit: unitCode, code: z.string().min(1), value: z.number().finite().nullable() })).min(1).max(20_000),
    }),
  ).returns<FigureUpdate[]>(),
  yearDocuments: method(z.object({ year })).returns<YearDocument[]>(),

  reportSections: method(z.object({ year })).returns<ReportSection[]>(),
  setSectionText: method(z.object({ year, code: z.string().min(1), text: z.string().nullable() })).returns<ReportSection>(),
  generateAll: method(z.object({ year, outDir: folder, force: z.boolean().optional(), sources: z.boolean().optional() }), { progress: true }).returns<GeneratedFiles>(),
  traceAnnexCell: method(z.object({ year, annex: z.string().min(1), sheet: z.string().optional(), cell: z.string().regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/, 'địa chỉ ô như C11') })).returns<AnnexCellTrace>(),
  trend: method(none).returns<TrendData>(),
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** What a caller passes. */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a handler receives, once the schema has parsed it. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = ApiContract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

export interface ApiErrorInfo {
  /** Stable, for programs: an AppError code, "bad_input", "unknown_method" or "internal". */
  code: string;
  /** For people, in Vietnamese. */
  message: string;
}

export type ApiResult<O = unknown> = { ok: true; value: O } | { ok: false; error: ApiErrorInfo };

/** One call as it crosses a process boundary. */
export interface ApiRequest {
  method: string;
  input: unknown;
  /** Chosen by the caller; progress events of this call carry it. */
  callId: string;
}

export interface ApiProgressEvent {
  callId: string;
  done: number;
  total: number;
  label: string;
}

export type ParsedCall = { ok: true; method: ApiMethod; input: unknown } | { ok: false; error: ApiErrorInfo };

/** Checks a call's method name and input against the table; the error message is for people. */
export function parseApiCall(methodName: unknown, input: unknown): ParsedCall {
  if (!isApiMethod(methodName)) return { ok: false, error: { code: 'unknown_method', message: `Không có chức năng "${String(methodName)}".` } };
  const parsed = apiContract[methodName].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'bad_input', message: `Dữ liệu gửi lên không hợp lệ${where}: ${issue?.message ?? ''}` } };
  }
  return { ok: true, method: methodName, input: parsed.data };
}

/** What the desktop shell adds beyond the service table: dialogs and the file manager. */
export type ShellRequest =
  | { action: 'chooseFolder'; title: string; defaultPath?: string }
  | { action: 'chooseFiles'; title: string }
  | { action: 'openFolder'; path: string };

/** `window.baocao121` in the Electron window (electron/preload.ts); absent in browser mode. */
export interface DesktopBridge {
  call(request: ApiRequest): Promise<ApiResult>;
  onProgress(listener: (event: ApiProgressEvent) => void): () => void;
  shell(request: ShellRequest): Promise<string[]>;
  /** The path on disk of a file dropped on the window. */
  pathForFile(file: File): string;
}
