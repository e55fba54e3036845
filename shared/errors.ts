// Every error code a person or a program can receive, in one place: one code per condition, and what
// kind of failure it is. The CLI's exit code follows the kind (usage → 2, data → 1), so one condition
// exits alike whichever command meets it. Import findings (a workbook's named checks) are another list.

/** usage: wrong usage, a path or year that does not exist, a database that cannot be opened (CLI exit 2); data: the data or the machine refused the work (exit 1). */
export type ErrorKind = 'usage' | 'data';

export const ERROR_KINDS = {
  // Wrong usage of a command or of the API.
  usage: 'usage',
  bad_input: 'usage',
  unknown_method: 'usage',
  bad_request: 'usage',
  too_large: 'usage',
  forbidden: 'usage',
  /** A value that is not a year (2000–2100). */
  bad_year: 'usage',
  /** A year the database does not hold. */
  unknown_year: 'usage',
  /** A report period (shared/periods.ts) that cannot be read, or not of the year asked. */
  bad_period: 'usage',
  unknown_setting: 'usage',
  bad_setting: 'usage',
  // The database file.
  db_missing: 'usage',
  db_unreadable: 'usage',
  db_newer: 'usage',
  db_exists: 'usage',
  db_no_template: 'usage',
  no_backup: 'usage',
  /** The database is open read-only (a read-only file or folder): reading works, writing is refused. */
  db_readonly: 'data',
  /** Another process is writing to the database. */
  db_busy: 'data',
  backup_failed: 'data',
  bad_backup: 'usage',
  // Files and folders (operating-system errors, said in Vietnamese with their path).
  not_found: 'usage',
  is_folder: 'usage',
  not_folder: 'usage',
  already_exists: 'usage',
  bad_path: 'usage',
  no_permission: 'data',
  disk_full: 'data',
  file_locked: 'data',
  read_only_fs: 'data',
  os_error: 'data',
  write_failed: 'data',
  // The definition (template, rules, annexes, outline).
  template_invalid: 'data',
  template_version: 'data',
  rules_invalid: 'data',
  rules_missing: 'data',
  annex_invalid: 'data',
  annex_missing: 'data',
  outline_invalid: 'data',
  /** templates/<id>/targets.json does not parse or does not fit the template. */
  targets_invalid: 'data',
  /** A target code the catalogue does not hold. */
  unknown_target: 'usage',
  // Data.
  bad_json: 'data',
  bad_encoding: 'data',
  not_xlsx: 'data',
  bad_unit: 'data',
  unit_exists: 'data',
  /** The guided setup of a new province asked of a database that already holds units. */
  already_set_up: 'data',
  unknown_unit: 'data',
  /** An export whose top-level unit has the code of another one held here (another province under the template's codes). */
  other_province: 'data',
  unit_not_reporting: 'data',
  unknown_indicator: 'data',
  unknown_annex: 'data',
  unknown_sheet: 'data',
  unknown_section: 'data',
  not_a_figure: 'data',
  not_integer: 'data',
  // A value refused by the one value checker (shared/values/check-value.ts).
  not_number: 'data',
  not_date: 'data',
  date_out_of_range: 'data',
  not_in_list: 'data',
  text_too_long: 'data',
  value_too_large: 'data',
  ambiguous_number: 'data',
  /** A unit's Word report with no text placed under any section. */
  empty_report: 'data',
  negative: 'data',
  no_submission: 'data',
  /** A paper submission asked for a unit that already has a submission for the year. */
  already_reported: 'data',
  no_version: 'data',
  reason_required: 'data',
  year_locked: 'data',
  year_not_locked: 'data',
  /** A year already on this app's report definition (or on a newer one): nothing to upgrade. */
  definition_current: 'data',
  finding_not_found: 'data',
  finding_not_acknowledged: 'data',
  error_not_acknowledgeable: 'data',
  validation_errors: 'data',
  // Transport and the unexpected.
  internal: 'data',
  host_exited: 'data',
  offline: 'data',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_KINDS;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_KINDS, code);
}

/** The kind of an error code; a code this table does not know counts as data. */
export function errorKind(code: string): ErrorKind {
  return isErrorCode(code) ? ERROR_KINDS[code] : 'data';
}
