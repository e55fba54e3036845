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
  /** A database with no unit and no province yet: the window offers a new province or the sample. */
  firstRun?: boolean;
  /** The sample province ("dữ liệu mẫu") is open, not the province's own data. */
  sample?: boolean;
}

export interface SheetInfo {
  name: string;
  title: string;
  kind: 'matrix' | 'list' | 'table' | 'narrative';
  /** The tab label in "Số liệu", e.g. "Phụ lục 01" (from the sheet's title), "Số liệu khác" (window.json). */
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
  /** Figures received without a workbook: how they came ("Công văn số …"); the status reads "Đã nhận (bản giấy)". */
  paperSource?: string;
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
  source: 'xlsx' | 'json' | 'paper';
  /** For figures received without a workbook: how they came. */
  paperSource?: string;
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
  /** Figures received without a workbook: how they came ("Công văn số …"). */
  paperSource?: string;
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
  /** What the units were asked to write there (the outline's bullets, one per line). */
  prompt: string | null;
  /** The same bullets one by one, those for some unit kinds only led by the kinds ("Địa phương (xã, phường): …"). */
  prompts?: string[];
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
  /** Figures received without a workbook (typed by the compiler): how they came ("Công văn số …"). */
  paperSource?: string;
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

/** One figure cell of a written annex, to pick for its trace ("Nguồn số liệu"). */
export interface AnnexFigureCell {
  annex: string;
  /** "Phụ lục 01". */
  annexLabel: string;
  sheet: string;
  cell: string;
  /** Its row and column headings. */
  label: string;
  value: number | null;
  /** How many units' figures are behind it. */
  units: number;
}

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

/** A line of the audit log as the window shows it: the action, its subject and the change in words. */
export interface AuditLine extends AuditRecord {
  what: string;
  subject: string;
  change: string;
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
  /** Lines about this reporting year (a figure, a submission, a setting, the year itself). */
  year?: number;
  /** Lines about this unit (by its code): its submissions, figures and changes. */
  unit?: string;
  limit?: number;
}

/** One cell, document or text that differs between two versions of a unit-year. */
export interface VersionDiffRow {
  kind: 'value' | 'document' | 'text';
  code: string;
  /** What the cell holds in words: the indicator's or the section's label (absent for a document). */
  label?: string;
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

/** The report definition (template, rules, outline, annexes…) a year was collected under, against this app's. */
export interface YearDefinitionState {
  year: number;
  /** The definition's version and the start of its content hash (to tell two definitions apart). */
  version: number;
  hash: string;
  locked: boolean;
  /** The year is on this app's definition. */
  current: boolean;
}

export interface DefinitionStatus {
  /** This app's definition. */
  current: { id: string; version: number; hash: string };
  years: YearDefinitionState[];
  /** Open years on an older definition: each can be moved to this app's definition on request. */
  upgradable: number[];
}

export interface DefinitionUpgradeResult {
  year: number;
  from: { version: number; hash: string };
  to: { version: number; hash: string };
  /** The backup made first (kind before_upgrade). */
  backup: string;
}

/** One row of a unit list file as the import will take it. */
export interface UnitListPreviewRow {
  /** The row number in the file. */
  row: number;
  name: string;
  /** The unit's code: the file's, the one already held for that name, or made from the name. */
  code: string;
  codeGenerated: boolean;
  kind: string | null;
  kindLabel: string;
  /** The kind as written in the file. */
  kindText: string;
  parentName: string | null;
  /** add: a new unit; keep: already held as it is; update: held, renamed or re-kinded; skip: not taken (see note). */
  action: 'add' | 'keep' | 'update' | 'skip';
  note: string | null;
}

/** What importing a unit list would do, shown before anything is saved. */
export interface UnitListPreview {
  file: string;
  fileName: string;
  /** The row holding the headings (title rows above it are passed over). */
  headerRow: number;
  /** The encoding a CSV was read in; null for a workbook. */
  encoding: 'UTF-8' | 'Windows-1258' | null;
  /** Which column was read as what: column "B" (or "cột 2"), its heading, the field. */
  mapping: { field: string; fieldLabel: string; column: string; heading: string }[];
  rows: UnitListPreviewRow[];
  /** Units held that the list does not name: removed (no submission yet), retired on request, or kept. */
  absent: { code: string; name: string; kindLabel: string; action: 'remove' | 'retire' | 'keep' }[];
  /** True when the database holds no submission: the list replaces the units held. */
  replaces: boolean;
  counts: { add: number; keep: number; update: number; skip: number; remove: number; retire: number; generatedCodes: number };
  /** Rows that stop the import (unknown kind, missing name…), in words, each with its row. */
  problems: string[];
}

export interface UnitListImportResult {
  added: number;
  updated: number;
  kept: number;
  skipped: number;
  removed: number;
  retired: number;
  units: import('./types.ts').Unit[];
}

/** The answers of the first run's guided setup. */
export interface ProvinceSetupAnswers {
  provinceKind: 'tỉnh' | 'thành phố';
  province: string;
  /** The standing agency on children, as a unit name ("Sở Y tế"). */
  standingAgency: string;
  /** The agency that issues the report, as its header prints it (by default the standing agency in capitals). */
  issuingBody?: string;
  abbreviation?: string;
  signerName: string;
  signerTitle: string;
  signerAuthority?: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  deadline?: string;
}

/** One of the plan's targets as the province uses it, and (for a year) its result; the same rows as the report's table. */
export interface TargetRow {
  code: string;
  label: string;
  /** "trên 95%", "giảm ít nhất 5% so với năm 2023". */
  levelText: string;
  comparator: '≥' | '>' | '≤' | '<' | '=';
  value: number;
  unit: string;
  enabled: boolean;
  /** The catalogue's value and switch, to show what the province changed. */
  defaultValue: number;
  defaultEnabled: boolean;
  overridden: boolean;
  /** Where the target comes from (the plan's words). */
  source: string | null;
  /** Only for an enabled target of a year: đạt / chưa đạt / chưa đủ số liệu, and the result in words. */
  status: 'dat' | 'chua_dat' | 'thieu' | null;
  statusText: string | null;
  resultText: string | null;
  result: number | null;
}

export interface TargetsView {
  year: number;
  /** A locked year keeps the choices it was locked with: the window shows them, not editable. */
  locked: boolean;
  rows: TargetRow[];
  /** One sentence summing the year's results, as the report prints it (null when no target is on). */
  summary: string | null;
}
