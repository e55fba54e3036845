// The window's typed API: one table of methods, each with its zod input schema and its output type.
// The Electron IPC, the loopback bridge and the renderer's client all read this table; the handlers
// (electron/ipc/handlers.ts) implement it with the services.
import { z } from 'zod';
import type {
  AnnexCellTrace,
  AnnexFigureCell,
  AppInfo,
  AuditLine,
  AuditRecord,
  DefinitionStatus,
  DefinitionUpgradeResult,
  BackupEntry,
  FigureUpdate,
  GeneratedFiles,
  GridData,
  ProvinceExportResult,
  ProvinceImportResult,
  ReportSection,
  SubmissionVersionInfo,
  TargetsView,
  TemplateInfo,
  TrendData,
  UnitListImportResult,
  UnitListPreview,
  VersionDiffRow,
  WrittenWorkbooksResult,
  YearChecklist,
  YearDocument,
  YearLockState,
  YearStatus,
} from './api-types.ts';
import type { ValidationFinding, ValidationReport } from './rules/types.ts';
import type { ImportFileResult, Settings, SubmissionSummary, Unit } from './types.ts';
import type { ErrorCode } from './errors.ts';
import { PAPER_MEDIA } from './paper-source.ts';

/**
 * What a path in a call's input may name (checked where paths come from outside the app, the loopback
 * bridge: electron/bridge/path-policy.ts): a file to read, a file or a folder to read, a file or a folder to write.
 */
export type PathUse = 'read-file' | 'read-any' | 'write-file' | 'write-folder';
import type { WordReportPreview, WordReportSaved } from './word-report-types.ts';

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Long work: the caller may follow its progress (done/total/label). */
  progress: boolean;
  /** The input fields that are paths (a string, or an array of strings), and what each may name. */
  paths: Readonly<Record<string, PathUse>>;
  /** Never set: carries the output type. */
  output?: O;
}

function method<I extends z.ZodType>(input: I, options: { progress?: boolean; paths?: Record<string, PathUse> } = {}) {
  return { returns: <O>(): MethodSpec<I, O> => ({ input, progress: options.progress ?? false, paths: options.paths ?? {} }) };
}

const none = z.object({}).strict();
const year = z.number().int().min(2000, 'năm không hợp lệ').max(2100, 'năm không hợp lệ');
const unitCode = z.string().trim().min(1, 'thiếu mã đơn vị');
/** A report period's key (shared/periods.ts): "2026", "2026-H1", "2021-01-07..2025-12-31"; read by the service. */
const periodKey = z.string().trim().min(1, 'thiếu kỳ báo cáo').max(40, 'kỳ báo cáo quá dài');
const reason = z.string().trim().min(1, 'hãy ghi lý do');
const folder = z.string().trim().min(1, 'hãy chọn hoặc nhập một thư mục');
const file = z.string().trim().min(1, 'hãy chọn hoặc nhập đường dẫn tệp');
const unitListFile = z.string().trim().min(1, 'hãy chọn hoặc nhập đường dẫn tệp danh sách');
const version = z.number().int().min(1, 'phiên bản không hợp lệ');
/** ISO moments (since inclusive, until exclusive); an action or its family ("figure"). */
const auditFilter = z
  .object({
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    action: z.string().trim().min(1).optional(),
    entity: z.string().trim().min(1).optional(),
    entityId: z.string().trim().min(1).optional(),
    user: z.string().trim().min(1).optional(),
    year: year.optional(),
    unit: unitCode.optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

export const apiContract = {
  getAppInfo: method(none).returns<AppInfo>(),
  getTemplateInfo: method(none).returns<TemplateInfo>(),

  /** A year's settings (by default the last year held), province-wide ones included. */
  getSettings: method(z.object({ year: year.optional() }).strict()).returns<Settings>(),
  /** Year-bound changes go to `year` (by default the last year held); a locked year refuses them. */
  setSettings: method(z.object({ year: year.optional(), changes: z.record(z.string(), z.unknown()) })).returns<Settings>(),

  listUnits: method(none).returns<Unit[]>(),
  /** Without a code (or a blank one), the unit gets one made from its name, as a unit list's rows do. */
  addUnit: method(
    z.object({
      code: z.string().trim().optional(),
      name: z.string().trim().min(1, 'thiếu tên đơn vị'),
      kind: z.string().min(1),
      parent: z.string().nullable(),
    }),
  ).returns<Unit>(),
  renameUnit: method(z.object({ code: unitCode, name: z.string().trim().min(1, 'thiếu tên đơn vị'), reason: z.string().optional() })).returns<Unit>(),
  moveUnit: method(z.object({ code: unitCode, direction: z.enum(['up', 'down']) })).returns<Unit[]>(),
  setUnitActive: method(z.object({ code: unitCode, active: z.boolean(), reason: z.string().optional() })).returns<Unit>(),
  mergeUnits: method(z.object({ from: unitCode, into: unitCode, reason: z.string().optional() })).returns<Unit>(),
  /** What importing a unit list (.xlsx or .csv as officials keep it) would add, keep and retire; nothing is saved. */
  previewUnitList: method(z.object({ file: unitListFile, retireMissing: z.boolean().optional() }), { paths: { file: 'read-file' } }).returns<UnitListPreview>(),
  /** The unit list applied (refused as a whole while a row has a problem); retireMissing retires units the list does not name. */
  importUnitList: method(z.object({ file: unitListFile, retireMissing: z.boolean().optional() }), {
    paths: { file: 'read-file' },
  }).returns<UnitListImportResult>(),
  /** A unit list to start from (.xlsx: a title, then STT, Tên đơn vị, Loại đơn vị, Mã, Thuộc). */
  saveSampleUnitList: method(z.object({ file: z.string().trim().min(1, 'hãy nhập nơi lưu danh sách mẫu') }), { paths: { file: 'write-file' } }).returns<{
    file: string;
  }>(),

  // The first run: a new province (guided setup) or the sample province in a file of its own.
  /** Opens the sample province ("dữ liệu mẫu", its own file beside the season's database). */
  openSample: method(none).returns<AppInfo>(),
  /** Back from the sample to the province's own database. */
  openProvinceData: method(none).returns<AppInfo>(),
  /** The guided setup's answers into a new database: settings, the year, the province's unit and the standing agency. */
  setupProvince: method(
    z
      .object({
        provinceKind: z.enum(['tỉnh', 'thành phố']),
        province: z.string().trim().min(1, 'hãy nhập tên tỉnh hoặc thành phố').max(60),
        standingAgency: z.string().trim().min(1, 'hãy nhập tên cơ quan thường trực').max(200),
        issuingBody: z.string().trim().max(200).optional(),
        abbreviation: z.string().trim().max(20).optional(),
        signerName: z.string().trim().max(100),
        signerTitle: z.string().trim().max(100),
        signerAuthority: z.string().trim().max(100).optional(),
        year,
        periodFrom: z.string().trim(),
        periodTo: z.string().trim(),
        deadline: z.string().trim().optional(),
      })
      .strict(),
  ).returns<AppInfo>(),

  addYear: method(z.object({ year })).returns<number[]>(),
  yearStatus: method(z.object({ year })).returns<YearStatus>(),
  setYearLocked: method(z.object({ year, locked: z.boolean(), reason: z.string().optional() })).returns<YearLockState>(),

  writeBlankWorkbooks: method(z.object({ year, period: periodKey.optional(), outDir: folder, units: z.array(unitCode).optional() }), {
    progress: true,
    paths: { outDir: 'write-folder' },
  }).returns<WrittenWorkbooksResult>(),
  importFiles: method(
    z.object({
      paths: z.array(z.string().min(1)).min(1, 'chưa chọn tệp hoặc thư mục nào'),
      /** When the files were received (default: now), an ISO moment. */
      receivedAt: z.iso.datetime({ offset: true }).optional(),
      /** The period the files are expected for; a workbook of another period is refused. */
      period: periodKey.optional(),
    }),
    { progress: true, paths: { paths: 'read-any' } },
  ).returns<ImportFileResult[]>(),
  yearChecklist: method(z.object({ year })).returns<YearChecklist>(),
  unitVersions: method(z.object({ year, unit: unitCode })).returns<SubmissionVersionInfo[]>(),
  /** A unit's Word report (.docx) read and placed in the outline's sections; nothing is saved. */
  previewWordReport: method(z.object({ file: z.string().trim().min(1, 'hãy chọn tệp báo cáo Word') }), {
    paths: { file: 'read-file' },
  }).returns<WordReportPreview>(),
  /** The texts of a previewed Word report (as completed by hand) saved as a new version of the unit's texts. */
  saveWordReport: method(
    z.object({
      file: z.string().trim().min(1, 'hãy chọn tệp báo cáo Word'),
      unit: unitCode,
      year,
      texts: z.record(z.string().regex(/^t_[a-z0-9_]+$/, 'mã mục không hợp lệ'), z.string().max(200_000, 'nội dung một mục quá dài')),
    }),
    { paths: { file: 'read-file' } },
  ).returns<WordReportSaved>(),

  validateYear: method(z.object({ year, period: periodKey.optional() })).returns<ValidationReport>(),
  acknowledgeFinding: method(z.object({ key: z.string().min(1), reason })).returns<ValidationFinding>(),
  acknowledgeFindings: method(z.object({ keys: z.array(z.string().min(1)).min(1).max(100_000), reason })).returns<ValidationFinding[]>(),

  gridData: method(z.object({ year, sheet: z.string().min(1) })).returns<GridData>(),
  correctFigures: method(
    z.object({
      year,
      reason,
      changes: z
        .array(z.object({ unit: unitCode, code: z.string().min(1), value: z.number().finite().nullable() }))
        .min(1)
        .max(20_000),
    }),
  ).returns<FigureUpdate[]>(),
  yearDocuments: method(z.object({ year })).returns<YearDocument[]>(),

  reportSections: method(z.object({ year, period: periodKey.optional() })).returns<ReportSection[]>(),
  setSectionText: method(z.object({ year, period: periodKey.optional(), code: z.string().min(1), text: z.string().nullable() })).returns<ReportSection>(),
  /** Marks a section "Không có nội dung báo cáo" (none: true) or takes the mark back. */
  setSectionNoContent: method(z.object({ year, period: periodKey.optional(), code: z.string().min(1), none: z.boolean() })).returns<ReportSection>(),
  generateAll: method(
    z.object({
      year,
      period: periodKey.optional(),
      outDir: folder,
      force: z.boolean().optional(),
      sources: z.boolean().optional(),
      markDraft: z.boolean().optional(),
    }),
    { progress: true, paths: { outDir: 'write-folder' } },
  ).returns<GeneratedFiles>(),
  traceAnnexCell: method(
    z.object({ year, annex: z.string().min(1), sheet: z.string().optional(), cell: z.string().regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/, 'địa chỉ ô như C11') }),
  ).returns<AnnexCellTrace>(),
  /** Every figure cell of the year's annexes (what "Nguồn số liệu" can trace). */
  annexFigureCells: method(z.object({ year })).returns<AnnexFigureCell[]>(),
  trend: method(none).returns<TrendData>(),
  /** Which report definition each year is on, and which open years are on an older one than the app's. */
  definitionStatus: method(none).returns<DefinitionStatus>(),
  /** Moves an open year to the app's report definition, after a backup (kind before_upgrade). */
  upgradeYearDefinition: method(z.object({ year })).returns<DefinitionUpgradeResult>(),

  /** The plan's targets as the province uses them, with the year's result of each one turned on (docs/targets.md). */
  targets: method(z.object({ year }).strict()).returns<TargetsView>(),
  /** Turns a target on or off and/or changes its value for the province (kept for every year); answers the year's view. */
  setTarget: method(
    z
      .object({
        year,
        code: z.string().trim().min(1, 'thiếu mã chỉ tiêu'),
        enabled: z.boolean().optional(),
        value: z.number({ error: 'mức chỉ tiêu phải là một số' }).finite().optional(),
      })
      .strict(),
  ).returns<TargetsView>(),
  /** Back to the catalogue's setting: one target, or all of them. */
  resetTargets: method(z.object({ year, code: z.string().trim().min(1).optional() }).strict()).returns<TargetsView>(),

  listBackups: method(none).returns<BackupEntry[]>(),
  backupNow: method(none, { progress: true }).returns<BackupEntry>(),
  /** One of the database's listed backups (or, with listedOnly false, a copy the user names); the database stays open and shows the restored content. */
  restoreBackup: method(z.object({ file: z.string().min(1, 'hãy chọn một bản sao lưu'), listedOnly: z.boolean().optional() }), {
    progress: true,
    paths: { file: 'read-file' },
  }).returns<{ replacedBackup: string | null }>(),
  deleteBackup: method(z.object({ file: z.string().min(1, 'hãy chọn một bản sao lưu') }), { paths: { file: 'read-file' } }).returns<BackupEntry[]>(),
  // Safekeeping, history and the province file: what the CLI did alone before.
  auditLog: method(auditFilter).returns<AuditRecord[]>(),
  /** The audit log in words for the window (the action, the unit by name, the figure by its label, the change). */
  auditLines: method(auditFilter).returns<AuditLine[]>(),
  exportAuditCsv: method(auditFilter.extend({ file }), { paths: { file: 'write-file' } }).returns<{ file: string; rows: number }>(),
  unitHistory: method(z.object({ year, unit: unitCode })).returns<SubmissionSummary[]>(),
  diffVersions: method(z.object({ year, unit: unitCode, from: version, to: version })).returns<VersionDiffRow[]>(),
  chooseCurrentVersion: method(z.object({ year, unit: unitCode, version, reason })).returns<SubmissionSummary>(),
  /** Figures received on paper (a form, a letter, a phone call) for a unit that sent no workbook: a new submission with no file, its figures then typed in the grid. */
  addPaperSubmission: method(
    z.object({
      year,
      unit: unitCode,
      medium: z.enum(PAPER_MEDIA),
      reference: z
        .string()
        .trim()
        .min(1, 'hãy ghi nguồn số liệu: số và ngày công văn, người gọi điện hoặc ngày nhận bản giấy')
        .max(500, 'nguồn số liệu quá dài'),
    }),
  ).returns<SubmissionSummary>(),
  exportYear: method(z.object({ year, file: file.optional() }), { paths: { file: 'write-file' } }).returns<ProvinceExportResult>(),
  importProvinceFile: method(z.object({ file }), { paths: { file: 'read-file' } }).returns<ProvinceImportResult>(),
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
  /** Stable, for programs: one of shared/errors.ts. */
  code: ErrorCode;
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
    // Said in words for people: what is missing or wrong, and what to do; never the field's internal name.
    const what = issue?.message && /[À-ỹ]/u.test(issue.message) ? issue.message.trim().replace(/\.$/, '') : 'thông tin chưa đủ hoặc chưa đúng';
    return { ok: false, error: { code: 'bad_input', message: `Chưa thực hiện được: ${what}. Hãy kiểm tra lại các ô vừa điền rồi thử lại.` } };
  }
  return { ok: true, method: methodName, input: parsed.data };
}

/** What the desktop shell adds beyond the service table: dialogs and the file manager. */
export type ShellRequest =
  { action: 'chooseFolder'; title: string; defaultPath?: string } | { action: 'chooseFiles'; title: string } | { action: 'openFolder'; path: string };

/** `window.baocao121` in the Electron window (electron/preload.ts); absent in browser mode. */
export interface DesktopBridge {
  call(request: ApiRequest): Promise<ApiResult>;
  onProgress(listener: (event: ApiProgressEvent) => void): () => void;
  shell(request: ShellRequest): Promise<string[]>;
  /** The path on disk of a file dropped on the window. */
  pathForFile(file: File): string;
}
