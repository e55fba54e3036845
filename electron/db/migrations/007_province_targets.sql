-- The province's own choices for the plan's targets (templates/<id>/targets.json, docs/targets.md): a target
-- turned on or off, or its value changed. A target without a row keeps the catalogue's setting.
CREATE TABLE province_targets (
  code TEXT PRIMARY KEY,
  enabled INTEGER CHECK (enabled IN (0, 1)),   -- NULL: as the catalogue
  value REAL,                                  -- NULL: as the catalogue
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
