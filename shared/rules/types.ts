// What validation produces, shared by the services, the CLI and the window.
import type { Severity } from '../types.ts';
import type { ReportPeriod } from '../periods.ts';
import type { RuleScope } from './schema.ts';

/** A cell of the unit's workbook a finding points at; address is null when the figure did not come from a workbook. */
export interface FindingCell {
  sheet: string;
  address: string | null;
  code: string;
}

export interface FindingAcknowledgement {
  reason: string;
  by: string;
  at: string;
}

export interface ValidationFinding {
  /** Stable across runs (year, rule, unit, item): acknowledgements are keyed by it. */
  key: string;
  rule: string;
  /** The rule's short Vietnamese name, when the rule file gives one. */
  ruleTitle?: string;
  severity: Severity;
  scope: RuleScope;
  /** Unit code, or null for the province as a whole. */
  unit: string | null;
  unitName: string;
  year: number;
  /** The indicator a finding is about, when it is about one (year over year). */
  code?: string;
  /** The list items a foreach rule was expanded with, e.g. { f: "xhtd" }. */
  item?: Record<string, string>;
  /** The figures compared: the two sides, or (year over year) this year's and last year's value. */
  left: number | null;
  right: number | null;
  cells: FindingCell[];
  /** For duplicates: the record and every unit-year that reported it. */
  document?: { so_ky_hieu: string; ngay: string; co_quan: string | null };
  units?: { code: string; name: string; year: number }[];
  message: string;
  acknowledged?: FindingAcknowledgement;
}

export interface ValidationReport {
  year: number;
  /** The report period when not the year itself (shared/periods.ts): its key and its label ("6 tháng đầu năm 2026"). */
  period?: { key: string; label: string };
  errors: number;
  warnings: number;
  infos: number;
  findings: ValidationFinding[];
  /** How many units' figures were checked (their current submissions of the period). */
  received?: number;
}

/** A unit's workbook addresses by code (a Map, or a reader that asks the store only for the codes findings name). */
export interface CellAddresses {
  get(code: string): string | null | undefined;
}

/** A unit's figures as the rules see them (corrections already applied). */
export interface UnitFiguresInput {
  code: string;
  name: string;
  kind: string;
  values: ReadonlyMap<string, number | null>;
  /** Workbook address of each code, e.g. "PL01!E10"; absent or null when not from a workbook. */
  cells?: CellAddresses;
  /** When the submission arrived (ISO date or time). */
  receivedAt?: string;
}

/** A record reported by several units or years, grouped by its comparison key. */
export interface ReportedDocument {
  key: string;
  so_ky_hieu: string;
  ngay: string;
  co_quan: string | null;
  units: { code: string; name: string; year: number }[];
}

/** Everything the engine needs about a year, gathered by the caller; the engine reads nothing else. */
export interface ValidationInput {
  year: number;
  /** The report period when it is not the year itself (a half-year, a range): messages name it as the report does. */
  period?: ReportPeriod;
  /** How the province is named in findings about it, e.g. "Tỉnh An Lạc". */
  provinceName: string;
  /** The current submissions of the year, in unit-list order. */
  current: UnitFiguresInput[];
  /** The current submissions of the year before, by unit code. */
  previous: ReadonlyMap<string, UnitFiguresInput>;
  /** Active units, in list order (for completeness). */
  activeUnits: { code: string; name: string; kind: string }[];
  /** Whether units are expected to report this period (the season being collected): only then is a unit without a submission a finding. */
  expectsSubmissions: boolean;
  /** The deadline for submissions (ISO date), if set. */
  deadline: string | null;
  documents: ReportedDocument[];
}
