// A stamp of a connection's view of the database that changes whenever what it reads may have changed:
// rows written by this connection (total_changes(), which a rollback does not take back), a commit by
// any other connection or process (data_version, a restore included) and a schema change. Lets the
// store keep what it read (the unit list, a year's figures) while the stamp stays the same; what is read
// inside a transaction is not kept (a rollback takes its changes back but not the stamp).
import type Database from 'better-sqlite3';

const STAMP_SQL = 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version), (SELECT schema_version FROM pragma_schema_version)';

export function changeStamp(db: Database.Database): string {
  return (db.prepare(STAMP_SQL).raw().get() as number[]).join(':');
}

/**
 * Values kept per connection and slot: the value read for `key`, given again while the key and the database stay
 * the same. A slot holds the values of its last `keep` keys read (by default one), all of one state of the
 * database: when the database has changed they are let go, and when the slot is full its oldest value is let go,
 * before reading. `read` must be a pure read of the database, and what it returns is shared: callers must not
 * change it. A value read inside a transaction is not kept: the transaction may yet be rolled back, and the stamp
 * would not show it.
 */
export function keptRead<T>(db: Database.Database, slot: string, key: string, read: () => T, keep = 1): T {
  let slots = kept.get(db);
  if (!slots) kept.set(db, (slots = new Map()));
  const stamp = changeStamp(db);
  let held = slots.get(slot);
  if (held && held.stamp !== stamp) {
    slots.delete(slot);
    held = undefined;
  }
  if (held?.values.has(key)) return held.values.get(key) as T;
  while (held && held.values.size >= keep) held.values.delete(held.values.keys().next().value!);
  const value = read();
  if (!db.inTransaction) {
    if (!held) slots.set(slot, (held = { stamp, values: new Map() }));
    held.values.set(key, value);
  }
  return value;
}

const kept = new WeakMap<Database.Database, Map<string, { stamp: string; values: Map<string, unknown> }>>();
