-- The report definition as one versioned object (manifest + template, rules, outline, annexes, …),
-- stored once per content hash, and the definition each year was collected under. Years of an older
-- database are bound when the app first opens it (electron/template-store.ts, ensureDefinitions): to its
-- stored template.json with the rules, outline and annexes the app read from the disk.
CREATE TABLE definitions (
  hash TEXT PRIMARY KEY,             -- sha256 of the canonical JSON of { manifest, parts }
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  content TEXT NOT NULL,             -- JSON { manifest, parts: { "<path>": <part JSON> } }
  installed_at TEXT NOT NULL
);

ALTER TABLE years ADD COLUMN definition_hash TEXT;   -- definitions.hash
