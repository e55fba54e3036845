-- Report periods (shared/periods.ts): a submission belongs to a period key — its year for an annual
-- submission ("2026", so existing data keeps its meaning), "2026-H1" / "2026-H2" for a half-year. One current
-- version per unit and period; version numbers of a unit run across the periods of a year (the table's
-- UNIQUE (unit_id, year, version) stays). The compiler's section texts are kept per period too.
ALTER TABLE submissions ADD COLUMN period TEXT NOT NULL DEFAULT '';
UPDATE submissions SET period = CAST(year AS TEXT);
-- An insert that does not name its period is annual.
CREATE TRIGGER submissions_period_default AFTER INSERT ON submissions WHEN NEW.period = ''
BEGIN
  UPDATE submissions SET period = CAST(NEW.year AS TEXT) WHERE id = NEW.id;
END;
DROP INDEX submissions_one_current;
CREATE UNIQUE INDEX submissions_one_current ON submissions(unit_id, period) WHERE is_current = 1;
CREATE INDEX submissions_period_current ON submissions(period, is_current);

CREATE TABLE section_texts_by_period (
  year INTEGER NOT NULL REFERENCES years(year),
  period TEXT NOT NULL,
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (period, code)
);
INSERT INTO section_texts_by_period (year, period, code, text, updated_at, updated_by)
  SELECT year, CAST(year AS TEXT), code, text, updated_at, updated_by FROM section_texts;
DROP TABLE section_texts;
ALTER TABLE section_texts_by_period RENAME TO section_texts;
