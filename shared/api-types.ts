// What the window's API methods return, beyond the domain types of types.ts: plain data, safe to
// send over IPC or JSON.
import type { ValidationReport } from './rules/types.ts';

export interface AppInfo {
  appName: string;
  version: string;
  dbFile: string;
  /** Where the app keeps its data; default folders for workbooks and reports are made under it. */
  dataDir: string;
  pathSeparator: string;
  /** True inside the Electron window (file dialogs, "Mở thư mục"); false in browser mode over the bridge. */
  desktop: boolean;
  province: string;
  /** The issuing agency as the title bar shows it, e.g. "Sở Y tế tỉnh An Lạc". */
  agency: string;
  years: number[];
  /** The year the window opens on: the season of the settings' reporting period, else the newest year. */
  reportingYear: number;
  /** Set when the database could only be opened read-only (a read-only file or folder): why, and what to do. */
  readOnly?: string;
}

export interface SheetInfo {
  name: string;
  title: string;
  kind: 'matrix' | 'list' | 'table' | 'narrative';
  /** The tab label in "Số liệu", e.g. "PL01", "Số liệu khác". */
  tab: string;
}

export interface TemplateInfo {
  id: string;
  version: number;
  sheets: SheetInfo[];
  unitKinds: { code: string; label: string; reports: boolean }[];
  /** The narrative sections (BAO_CAO) a unit writes, in outline order. */
  sections: { code: string; label: string }[];
}

export interface YearStatus {
  year: number;
  expected: number;
  reported: number;
  errors: number;
  warnings: number;
  locked: boolean;
  /** False while the validation service is not there: the counts are then zero. */
  validated: boolean;
}

export type ChecklistStatus = 'on_time' | 'late' | 'missing';

export interface ChecklistRow {
  unit: string;
  unitName: string;
  kind: string;
  kindLabel: string;
  status: ChecklistStatus;
  version: number | null;
  versions: number;
  fileName: string | null;
  receivedAt: string | null;
  /** Import warnings of the current version. */
  warnings: number;
}

export interface YearChecklist {
  year: number;
  deadline: string | null;
  expected: number;
  reported: number;
  late: number;
  rows: ChecklistRow[];
}

export interface FigureChange {
  code: string;
  label: string;
  before: number | null;
  after: number | null;
}

export interface SubmissionVersionInfo {
  id: number;
  version: number;
  fileName: string | null;
  source: 'xlsx' | 'json';
  receivedAt: string;
  importedAt: string;
  isCurrent: boolean;
  /** Figures that differ from the version before (empty for the first version). */
  changes: FigureChange[];
}

export interface CorrectionInfo {
  value: number | null;
  reason: string;
  by: string;
  at: string;
}

export interface GridColumn {
  code: string;
  /** The full label, e.g. "Bạo lực — Số trẻ em". */
  label: string;
  /** The column's header in the grid (the measure), under its group (the row item of a matrix). */
  short: string;
  group: string | null;
  type: 'count' | 'money';
  /** The largest admissible figure (the indicator's ceiling); absent means the type's default. */
  max?: number;
}

export interface GridRow {
  unit: string;
  unitName: string;
  kind: string;
  active: boolean;
  /** Null when the unit has not reported the year: its cells cannot be corrected. */
  submissionId: number | null;
  version: number | null;
  fileName: string | null;
  receivedAt: string | null;
  /** The figures in use (corrections applied), by column. */
  values: (number | null)[];
  /** The figures as the unit sent them, by column. */
  submitted: (number | null)[];
  /** The workbook cell each figure came from, e.g. "PL01!E10". */
  cells: (string | null)[];
  /** False where the unit's kind does not report that indicator. */
  applicable: boolean[];
  /** The newest correction of a column, by column index; only where the value differs from what was sent. */
  corrections: Record<number, CorrectionInfo>;
}

export interface GridData {
  year: number;
  sheet: string;
  title: string;
  locked: boolean;
  columns: GridColumn[];
  rows: GridRow[];
}

export interface FigureUpdate {
  unit: string;
  code: string;
  value: number | null;
  submitted: number | null;
  correction: CorrectionInfo | null;
}

export interface YearDocument {
  unit: string;
  unitName: string;
  rowNo: number;
  cap: string;
  loai: string;
  so_ky_hieu: string;
  ngay: string;
  co_quan: string | null;
  trich_yeu: string;
  ghi_chu: string | null;
  cell: string | null;
}

export interface TrendSeries {
  code: string;
  label: string;
  /** One value per year of `years`; null where nothing was reported. */
  values: (number | null)[];
}

export interface TrendData {
  title: string;
  years: number[];
  series: TrendSeries[];
}

export interface WrittenWorkbooksResult {
  outDir: string;
  files: { unit: string; file: string }[];
}

export interface ReportSection {
  code: string;
  label: string;
  /** What the units were asked to write there. */
  prompt: string | null;
  /** The units' texts, unit by unit (read-only). */
  units: { unit: string; unitName: string; text: string }[];
  /** The compiler's own text when saved, else null (the merge is used). */
  compilerText: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** What the report prints: the compiler's text, the units' texts merged, nothing yet (empty: the report stays a draft), or nothing by choice (none: marked "Không có nội dung báo cáo"). */
  source: 'compiler' | 'units' | 'empty' | 'none';
  /** The units' texts merged, one paragraph per unit led by its name (prefills the compiler's text). */
  merged: string;
}

export interface YearLockState {
  year: number;
  locked: boolean;
  lockedAt: string | null;
  lockReason: string | null;
}

export interface GeneratedFiles {
  outDir: string;
  files: string[];
  /** Written although validation errors stand (forced): every file is marked DỰ THẢO. */
  draft: boolean;
  /** What the compiler should know about the files (sections without text …). */
  notices: string[];
  /** The validation the files were written after (counts, findings). */
  validation: ValidationReport;
  /** The report is marked DỰ THẢO (errors stand or sections are missing). */
  reportDraft: boolean;
  /** Report sections still without content, each with how to fill it; the report is final only when none is left. */
  missingSections: { code: string; heading: string; how: string }[];
}

// Where a figure of a written annex comes from (electron/annex/trace.ts): the units' values behind it.
export interface TraceCorrection {
  value: number | null;
  reason: string;
  by: string;
  at: string;
}

/** One unit's value of one indicator behind the cell. */
export interface TracedValue {
  year: number;
  unit: { code: string; name: string; kind: string };
  submissionId: number;
  version: number;
  fileName: string | null;
  receivedAt: string;
  code: string;
  /** Where the unit typed it in its workbook (`<sheet>!<cell>`); null when the figure came another way (JSON). */
  cell: string | null;
  /** As submitted; null = left blank. */
  submitted: number | null;
  /** As counted in the annex: the newest correction when there is one. */
  value: number | null;
  correction: TraceCorrection | null;
}

/** One unit's report of a document listed in an annex of documents. */
export interface TracedDocument {
  year: number;
  unit: { code: string; name: string };
  submissionId: number;
  version: number;
  fileName: string | null;
  cell: string | null;
  so_ky_hieu: string;
  ngay: string;
}

export interface CellTrace {
  annex: string;
  sheet: string;
  cell: string;
  year: number;
  /** What the cell stands for: its row and column headings. */
  label: string;
  value: number | string | null;
  formula: string | null;
  values: TracedValue[];
  documents: TracedDocument[];
  /** Feeding units that have not reported for a year the cell covers. */
  missing: { code: string; name: string; year: number }[];
}

export type AnnexCellTrace = CellTrace;

/** One complete, verified backup of the database (shared with the window's list). */
export interface BackupEntry {
  file: string;
  kind: 'manual' | 'before_import' | 'before_restore' | 'before_upgrade';
  /** The kind in Vietnamese. */
  label: string;
  /** When it was made (ISO, UTC). */
  at: string;
  bytes: number;
}

export interface RestoreResult {
  /** Where the database it replaced was kept. */
  replacedBackup: string | null;
}

/** One line of the audit log: who did what, when, the old and new value, and why. */
export interface AuditRecord {
  id: number;
  at: string;
  user: string;
  action: string;
  entity: string;
  entityId: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

/** Which lines of the audit log: moments as ISO strings, since inclusive, until exclusive. */
export interface AuditFilter {
  since?: string;
  until?: string;
  /** An action ("figure.correct") or its family ("figure"). */
  action?: string;
  entity?: string;
  entityId?: string;
  user?: string;
  limit?: number;
}

/** One cell, document or text that differs between two versions of a unit-year. */
export interface VersionDiffRow {
  kind: 'value' | 'document' | 'text';
  code: string;
  cell: string | null;
  before: string | number | null;
  after: string | number | null;
}

/** The figures, documents and texts of a year as the province file (the roll-up format). */
export interface ProvinceExport {
  format: string;
  format_version: number;
  [key: string]: unknown;
}

export interface ProvinceExportResult {
  year: number;
  /** The file written, or null when the export is returned as data. */
  file: string | null;
  data: ProvinceExport | null;
}

export interface ProvinceImportResult {
  file: string;
  submissions: number;
  unchanged: number;
  unitsAdded: number;
}
