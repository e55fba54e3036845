-- Figures received on paper (a form on paper, an official letter, a phone call) for a unit that sent no
-- workbook: the submission version has no file, and this row says how its figures came. The submissions
-- table's `source` CHECK cannot be widened without rebuilding that table (its children would cascade), so
-- such a version keeps source 'json' (no workbook cell behind it) and the services read "paper" from here
-- (electron/services/paper-submissions.ts).
CREATE TABLE paper_submissions (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  medium TEXT NOT NULL CHECK (medium IN ('paper', 'letter', 'phone')),
  reference TEXT NOT NULL
);
