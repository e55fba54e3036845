// What every service function receives: the open database, its template, who acts, and the clock.
import os from 'node:os';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import type { Unit } from '../../shared/types.ts';
import { openDatabase, type Db, type OpenOptions } from '../db/database.ts';
import { activeTemplate } from '../template-store.ts';

export interface ServiceContext {
  db: Db;
  template: TemplateDefinition;
  /** The OS user name, recorded in the audit log. */
  user: string;
  now: () => Date;
  /**
   * Set while a locked year's outputs are made (years.ts, lockedView): the unit list as it was when the
   * year was locked, so that later renames, merges and new units do not change what the year prints.
   */
  lockedView?: { year: number; units: Unit[] };
}

export function currentUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? 'unknown';
  }
}

export function contextFor(db: Db, overrides: Partial<Omit<ServiceContext, 'db'>> = {}): ServiceContext {
  return { db, template: overrides.template ?? activeTemplate(db), user: overrides.user ?? currentUser(), now: overrides.now ?? (() => new Date()) };
}

export function openContext(file: string, options: OpenOptions = {}): ServiceContext {
  const db = openDatabase(file, options);
  try {
    return contextFor(db);
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of a moment, as yyyy-mm-dd. */
export function isoDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
