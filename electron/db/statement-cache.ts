// Prepared statements kept per connection: the services prepare their SQL where they use it
// (readable, one query beside its code), and a season's import or a national roll-up would otherwise
// compile the same few statements tens of thousands of times. A cached statement is handed out with
// its modes reset (raw, pluck, expand), and a statement still iterating is never handed out twice.
import type Database from 'better-sqlite3';

const LIMIT = 400;

export function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  // Each statement with the moment it was last handed out: the least recently used one is dropped at the
  // limit. A hit only stamps its entry: a roll-up's import asks ~80,000 times, and moving the entry to the
  // end of the map (a delete and a set) took ~70 profiled ms of it, the stamp ~5.
  const cache = new Map<string, { stmt: Database.Statement; used: number }>();
  let clock = 0;
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.stmt.busy) {
      hit.used = ++clock;
      if (hit.stmt.reader) hit.stmt.raw(false).pluck(false).expand(false);
      return hit.stmt;
    }
    const stmt = prepare(sql);
    if (!hit) {
      cache.set(sql, { stmt, used: ++clock });
      if (cache.size > LIMIT) {
        let oldest: string | undefined;
        let least = Infinity;
        for (const [key, entry] of cache)
          if (entry.used < least) {
            least = entry.used;
            oldest = key;
          }
        cache.delete(oldest!);
      }
    }
    return stmt;
  }) as typeof db.prepare;
}
