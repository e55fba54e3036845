// Domain types shared by the services, the CLI and the window.

export type Severity = 'error' | 'warning' | 'info';

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  order: number;
  active: boolean;
  mergedIntoCode: string | null;
}

export interface UnitInput {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  order?: number;
}

export type { Settings, SettingsInput } from './settings-schema.ts';

/** A check of an imported file that failed or needs attention, pointing at the cell. */
export interface ImportFinding {
  code: string;
  severity: Severity;
  sheet?: string;
  cell?: string;
  message: string;
}

export type ImportStatus = 'accepted' | 'rejected' | 'same_file';

export interface ImportFileResult {
  file: string;
  status: ImportStatus;
  unit?: string;
  unitName?: string;
  year?: number;
  /** The period key when the workbook is not the year's own ("2026-H1"). */
  period?: string;
  version?: number;
  submissionId?: number;
  findings: ImportFinding[];
}

export interface DocumentRecord {
  cap: string;
  loai: string;
  so_ky_hieu: string;
  ngay: string; // ISO yyyy-mm-dd
  co_quan?: string | null;
  trich_yeu: string;
  ghi_chu?: string | null;
  /** "Thời hạn ban hành": the date the document was due (ISO), when the unit gave one. */
  han?: string | null;
}

export interface SubmissionSummary {
  id: number;
  unit: string;
  unitName: string;
  year: number;
  version: number;
  /** 'paper': figures received without a workbook (a form on paper, a letter, a phone call). */
  source: 'xlsx' | 'json' | 'paper';
  /** For a paper submission: how its figures came, in words ("Công văn số 125/UBND-VX ngày 10/12/2026"). */
  paperSource?: string;
  fileName: string | null;
  sha256: string | null;
  importedAt: string;
  receivedAt: string;
  isCurrent: boolean;
  warnings: number;
}

export interface Progress {
  done: number;
  total: number;
  label: string;
}
export type ProgressListener = (p: Progress) => void;
