-- The season's store: template, settings, units, years, submissions with their values,
-- documents and texts, import findings, corrections, the compiler's own texts, audit log.

CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,          -- the template.json the database was made with (JSON)
  installed_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL                -- JSON
);

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id INTEGER REFERENCES units(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  merged_into_id INTEGER REFERENCES units(id),
  created_at TEXT NOT NULL,
  retired_at TEXT
);
CREATE INDEX units_parent ON units(parent_id);

-- Every change to a unit (rename, move, merge, deactivate), so past years keep their names.
CREATE TABLE unit_history (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  at TEXT NOT NULL,
  change TEXT NOT NULL,              -- created | renamed | moved | merged | deactivated | reactivated | kind
  old_value TEXT,
  new_value TEXT,
  reason TEXT
);

CREATE TABLE years (
  year INTEGER PRIMARY KEY,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  locked_at TEXT,
  lock_reason TEXT
);

CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL REFERENCES years(year),
  version INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('xlsx', 'json')),
  file_name TEXT,
  sha256 TEXT,                       -- of the file as received
  content_sha256 TEXT NOT NULL,      -- of the figures, documents and texts (same content, whatever the file)
  workbook_id TEXT,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
  UNIQUE (unit_id, year, version)
);
CREATE INDEX submissions_current ON submissions(year, is_current);
CREATE UNIQUE INDEX submissions_one_current ON submissions(unit_id, year) WHERE is_current = 1;

-- One row per input cell of the unit's workbook; value NULL = left blank (not reported).
CREATE TABLE submission_values (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  value REAL,
  raw TEXT,                          -- the cell as typed, when it was not a plain number
  cell TEXT,                         -- e.g. PL01!E10
  formula TEXT,
  PRIMARY KEY (submission_id, code)
) WITHOUT ROWID;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  row_no INTEGER NOT NULL,
  cap TEXT NOT NULL,
  loai TEXT NOT NULL,
  so_ky_hieu TEXT NOT NULL,
  ngay TEXT NOT NULL,                -- ISO date yyyy-mm-dd
  co_quan TEXT,
  trich_yeu TEXT NOT NULL,
  ghi_chu TEXT,
  cell TEXT
);
CREATE INDEX documents_submission ON documents(submission_id);

CREATE TABLE narratives (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  cell TEXT,
  PRIMARY KEY (submission_id, code)
) WITHOUT ROWID;

CREATE TABLE import_findings (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  sheet TEXT,
  cell TEXT,
  message TEXT NOT NULL
);
CREATE INDEX import_findings_submission ON import_findings(submission_id);

-- The compiler's changes over a submitted figure; the newest row per (submission, code) wins.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  value REAL,
  reason TEXT NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX corrections_submission ON corrections(submission_id, code);

-- The compiler's own text for an outline section, which wins over the merged unit texts.
CREATE TABLE section_texts (
  year INTEGER NOT NULL REFERENCES years(year),
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (year, code)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  old_value TEXT,
  new_value TEXT,
  reason TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
