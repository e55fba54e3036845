// The per-connection statement cache: one compiled statement per SQL text, handed out with its modes
// reset, never shared while it is still iterating.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';

describe('statement cache', () => {
  const db = openDatabase(':memory:', { create: true });
  db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");

  it('hands out the same compiled statement for the same SQL', () => {
    expect(db.prepare('SELECT a FROM t ORDER BY a')).toBe(db.prepare('SELECT a FROM t ORDER BY a'));
  });

  it('resets raw and pluck modes left by an earlier user', () => {
    const sql = 'SELECT a, b FROM t ORDER BY a';
    expect(db.prepare(sql).raw().all()).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(db.prepare(sql).all()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(db.prepare(sql).get()).toEqual({ a: 1, b: 'x' });
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const sql = 'SELECT a FROM t ORDER BY a';
    const pairs: [number, number][] = [];
    for (const outer of db.prepare(sql).pluck().iterate() as Iterable<number>) {
      for (const inner of db.prepare(sql).pluck().iterate() as Iterable<number>) pairs.push([outer, inner]);
    }
    expect(pairs).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });

  it('keeps 400 statements, dropping the least recently handed out one first', () => {
    const other = openDatabase(':memory:', { create: true });
    const sql = (i: number) => `SELECT ${i} AS n`;
    const first = Array.from({ length: 400 }, (_, i) => other.prepare(sql(i)));
    // Statement 0 asked for again: the least recently used is now 1, dropped by the 401st.
    expect(other.prepare(sql(0))).toBe(first[0]);
    other.prepare(sql(400));
    expect(other.prepare(sql(0))).toBe(first[0]);
    expect(other.prepare(sql(2))).toBe(first[2]);
    const again = other.prepare(sql(1));
    expect(again).not.toBe(first[1]);
    expect(again.pluck().get()).toBe(1);
    // Taking 1 back in dropped 3 (2 and 0 were asked for since), and so on down the list.
    expect(other.prepare(sql(4))).toBe(first[4]);
    expect(other.prepare(sql(3))).not.toBe(first[3]);
    other.close();
  });

  it('writes through a cached statement are seen by the next read', () => {
    const insert = 'INSERT INTO t (a, b) VALUES (?, ?)';
    db.prepare(insert).run(3, 'z');
    db.prepare(insert).run(4, 'w');
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(4);
  });
});
