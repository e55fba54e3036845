// The embedded sample province (templates/sample/an-lac.json), a copy of the handbook's sample.
import { readFileSync } from 'node:fs';
import { templatePath } from '../template-store.ts';
import { interchangeSchema, type Interchange } from './interchange.ts';

export type SampleProvince = Interchange & { reporting_year: number; expected_findings_2026?: unknown };

export function loadSampleProvince(): SampleProvince {
  const raw = JSON.parse(readFileSync(templatePath('sample', 'an-lac.json'), 'utf8')) as Record<string, unknown>;
  const parsed = interchangeSchema.parse(raw);
  return { ...raw, ...parsed, reporting_year: Number(raw.reporting_year) } as SampleProvince;
}
