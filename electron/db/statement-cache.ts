// Prepared statements kept per connection: the services prepare their SQL where they use it
// (readable, one query beside its code), and a season's import or a national roll-up would otherwise
// compile the same few statements tens of thousands of times. A cached statement is handed out with
// its modes reset (raw, pluck, expand), and a statement still iterating is never handed out twice.
import type Database from 'better-sqlite3';

const LIMIT = 400;

export function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      // Most recently used last, so the oldest is the one dropped at the limit.
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const stmt = prepare(sql);
    if (!hit) {
      cache.set(sql, stmt);
      if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  }) as typeof db.prepare;
}
