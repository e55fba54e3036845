-- Units' Word reports (.docx) read into the report's narrative: each save is a new version of the unit's texts
-- for the year, the newest current. A Word report's text of a section is used beside the unit's workbook text
-- cells (and over the cell of the same section); the compiler's own text (section_texts) still wins.
CREATE TABLE word_reports (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL REFERENCES years(year),
  version INTEGER NOT NULL,
  file_name TEXT,
  sha256 TEXT,                       -- of the file as received
  content_sha256 TEXT NOT NULL,      -- of the texts saved (same texts, whatever the file)
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
  UNIQUE (unit_id, year, version)
);
CREATE UNIQUE INDEX word_reports_one_current ON word_reports(unit_id, year) WHERE is_current = 1;

CREATE TABLE word_report_texts (
  word_report_id INTEGER NOT NULL REFERENCES word_reports(id) ON DELETE CASCADE,
  code TEXT NOT NULL,                -- a narrative code of the outline (t_…)
  text TEXT NOT NULL,
  PRIMARY KEY (word_report_id, code)
) WITHOUT ROWID;
