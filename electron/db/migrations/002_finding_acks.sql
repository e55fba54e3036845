-- Warnings (and notices) the compiler has reviewed and accepted, with the reason. Keyed by the stable
-- finding key (year|rule|unit|item), so an acknowledgement survives re-validation; it stays in the
-- findings list, marked. Errors are never acknowledged: the figure is fixed instead.
CREATE TABLE finding_acks (
  key TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  rule TEXT NOT NULL,
  unit_code TEXT,                    -- NULL: a finding about the province as a whole
  severity TEXT NOT NULL CHECK (severity IN ('warning', 'info')),
  message TEXT NOT NULL,             -- the finding as it read when acknowledged
  reason TEXT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL
);
CREATE INDEX finding_acks_year ON finding_acks(year);
