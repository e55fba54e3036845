-- Year-bound settings (the report's number, date, signer, period, deadline…) held per reporting year, and
-- what a locked year prints kept as it was when it was locked (province-wide settings, the unit list).
CREATE TABLE year_settings (
  year INTEGER NOT NULL REFERENCES years(year),
  key TEXT NOT NULL,
  value TEXT NOT NULL,               -- JSON
  PRIMARY KEY (year, key)
) WITHOUT ROWID;

-- Until now the settings held one season: they become that season's (the year its period ends, or the
-- last year held). Every other year gets the same values, its period moved to its own year and no
-- deadline — what the earlier version printed for it.
CREATE TEMP TABLE season AS
  SELECT COALESCE(
    (SELECT year FROM years WHERE year = CAST(substr((SELECT json_extract(value, '$') FROM settings WHERE key = 'period_to'), 1, 4) AS INTEGER)),
    (SELECT MAX(year) FROM years)) AS year;

INSERT INTO year_settings (year, key, value)
  SELECT y.year, s.key,
    CASE
      WHEN y.year = (SELECT year FROM season) THEN s.value
      WHEN s.key = 'deadline' THEN json_quote('')
      WHEN s.key IN ('period_from', 'period_to') AND json_extract(s.value, '$') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
        THEN json_quote(CAST(CAST(substr(json_extract(s.value, '$'), 1, 4) AS INTEGER) + y.year - (SELECT year FROM season) AS TEXT) || substr(json_extract(s.value, '$'), 5))
      ELSE s.value
    END
  FROM settings s, years y
  WHERE s.key IN ('period_from', 'period_to', 'deadline', 'report_number', 'report_date', 'signer_authority', 'signer_title', 'signer_name', 'recipients', 'opening');

DELETE FROM settings WHERE key IN ('period_from', 'period_to', 'deadline', 'report_number', 'report_date', 'signer_authority', 'signer_title', 'signer_name', 'recipients', 'opening');
DROP TABLE season;

-- What a locked year prints, as it was at the lock (JSON: settings and units); NULL while open.
ALTER TABLE years ADD COLUMN frozen TEXT;

-- A year already locked keeps what it prints from now on: its settings and the unit list as they are.
UPDATE years SET frozen = json_object(
  'settings', (SELECT json_group_object(key, json(value)) FROM (SELECT key, value FROM settings UNION ALL SELECT key, value FROM year_settings WHERE year_settings.year = years.year)),
  'units', (SELECT json_group_array(json_object('id', u.id, 'code', u.code, 'name', u.name, 'kind', u.kind, 'parentCode', p.code, 'order', u.sort_order,
                                                 'active', json(CASE WHEN u.active = 1 THEN 'true' ELSE 'false' END), 'mergedIntoCode', m.code))
            FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units m ON m.id = u.merged_into_id))
WHERE locked = 1;
