// Test fixtures made by code: databases loaded with the embedded sample province.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { loadSampleProvince, type SampleProvince } from '../../electron/services/sample.ts';
import { initDatabase } from '../../electron/services/setup.ts';

export const sample: SampleProvince = loadSampleProvince();

/** A fixed clock for tests: the day after the sample's season closed. */
export const TEST_NOW = () => new Date('2026-11-27T09:00:00Z');

export function tempDir(prefix = 'bc121-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database with the sample's settings, units and years, and no submissions. */
export function emptySampleDb(file = ':memory:'): ServiceContext {
  return initDatabase({ file, settings: sample.settings, units: sample.units, years: sample.years, now: TEST_NOW });
}

/**
 * A database holding the whole sample (98 submissions), loaded through import-json: fast, and the same
 * figures the demo's workbook path stores (the foundation tests prove the two agree).
 */
export function sampleDb(file = ':memory:'): ServiceContext {
  const ctx = emptySampleDb(file);
  importJson(ctx, sample, 'an-lac.json');
  return ctx;
}
