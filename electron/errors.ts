// Errors that reach a person: a stable code for programs (shared/errors.ts), a Vietnamese message for people.
import { z } from 'zod';
import { AppError } from './app-error.ts';

export type { ErrorCode } from '../shared/errors.ts';
export { AppError } from './app-error.ts';

// Every zod message that can reach a person (settings, unit lists, JSON files, API inputs) in Vietnamese;
// this module is loaded by every entry point (CLI, window host, bridge, tests).
z.config(z.locales.vi());

/** An error meant for the user: wrong usage or data that cannot be processed. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
