// Backups and restore for the window (and any caller holding the open database): the service that owns
// the connection restores INTO it, so the window keeps working on the restored content.
import path from 'node:path';
import type { BackupEntry } from '../../shared/api-types.ts';
import type { ProgressListener } from '../../shared/types.ts';
import { backupDatabase, deleteBackup, isFileDatabase, listBackups, restoreInto, type RestoreResult } from '../db/backup.ts';
import { migrate, SCHEMA_VERSION } from '../db/database.ts';
import { databaseFile } from '../db/read-only.ts';
import { AppError } from '../errors.ts';
import { activeTemplate, ensureDefinitions } from '../template-store.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';

function dbFileOf(ctx: ServiceContext): string {
  if (!isFileDatabase(ctx.db)) throw new AppError('no_backup', 'Cơ sở dữ liệu tạm (trong bộ nhớ) không có bản sao lưu.');
  return databaseFile(ctx.db);
}

const entry = (b: BackupEntry): BackupEntry => ({ file: b.file, kind: b.kind, label: b.label, at: b.at, bytes: b.bytes });

/** The database's complete, verified backups, newest first, with their kind. */
export function databaseBackups(ctx: ServiceContext): BackupEntry[] {
  return listBackups(dbFileOf(ctx)).map(entry);
}

/** A manual backup now (kept until the user deletes it). */
export async function backupNow(ctx: ServiceContext, onProgress?: ProgressListener): Promise<BackupEntry> {
  const file = await backupDatabase(ctx.db, 'manual', { onProgress });
  return databaseBackups(ctx).find((b) => b.file === file)!;
}

/** Deletes one of the database's backups; returns the list left. */
export function removeBackup(ctx: ServiceContext, file: string): BackupEntry[] {
  deleteBackup(dbFileOf(ctx), file);
  return databaseBackups(ctx);
}

/**
 * Restores a backup into the open database. `listedOnly`: only one of the database's own listed backups
 * (the window chooses from its list); the command line may name any file.
 */
export async function restoreFromBackup(
  ctx: ServiceContext,
  file: string,
  options: { listedOnly?: boolean; onProgress?: ProgressListener; busyMs?: number; pagesPerStep?: number } = {},
): Promise<RestoreResult> {
  const dbFile = dbFileOf(ctx);
  if (options.listedOnly && !listBackups(dbFile).some((b) => path.resolve(b.file) === path.resolve(file))) {
    throw new AppError('no_backup', `${path.basename(file)} không có trong danh sách bản sao lưu của cơ sở dữ liệu này. Hãy chọn một bản trong danh sách.`);
  }
  const result = await restoreInto(ctx.db, file, {
    maxSchemaVersion: SCHEMA_VERSION,
    onProgress: options.onProgress,
    busyMs: options.busyMs,
    pagesPerStep: options.pagesPerStep,
  });
  // An older backup is brought up to this version's schema; the content read may name another template.
  migrate(ctx.db);
  // A backup from before migration 005 gets its years bound to the definition they were collected under.
  ensureDefinitions(ctx.db);
  ctx.template = activeTemplate(ctx.db);
  audit(ctx, {
    action: 'database.restore',
    entity: 'database',
    newValue: path.basename(file),
    oldValue: result.replacedBackup ? path.basename(result.replacedBackup) : undefined,
  });
  return result;
}
