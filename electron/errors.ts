// Errors that reach a person: a stable code for programs (shared/errors.ts), a Vietnamese message for people.
import { z } from 'zod';
import type { ErrorCode } from '../shared/errors.ts';

export type { ErrorCode } from '../shared/errors.ts';

// Every zod message that can reach a person (settings, unit lists, JSON files, API inputs) in Vietnamese;
// this module is loaded by every entry point (CLI, window host, bridge, tests).
z.config(z.locales.vi());
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'AppError';
  }
}

/** An error meant for the user: wrong usage or data that cannot be processed. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
