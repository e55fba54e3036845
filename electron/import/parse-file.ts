// Reading one file to import, up to (not including) the database: its bytes, their hash, and the
// workbook's checks. Pure with respect to the database, so it may run in a worker thread.
import { hash } from 'node:crypto';
import type { ImportFileResult } from '../../shared/types.ts';
import { readImportFile } from './collect-files.ts';
import { readInputWorkbook, type ImportLookup, type ReadResult } from './read-input-workbook.ts';

export type ParsedFile = { file: string; ok: false; result: ImportFileResult } | { file: string; ok: true; sha256: string; read: ReadResult };

export async function parseImportFile(file: string, lookup: ImportLookup): Promise<ParsedFile> {
  const got = readImportFile(file, lookup.template.limits.maxFileBytes);
  if (!got.ok) return { file, ok: false, result: got.result };
  const sha256 = hash('sha256', got.buf, 'hex');
  return { file, ok: true, sha256, read: await readInputWorkbook(got.buf, lookup) };
}
