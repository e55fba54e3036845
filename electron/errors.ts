// Errors that reach a person: a stable code for programs, a Vietnamese message for people.
import { z } from 'zod';

// Every zod message that can reach a person (settings, unit lists, JSON files, API inputs) in Vietnamese;
// this module is loaded by every entry point (CLI, window host, bridge, tests).
z.config(z.locales.vi());
export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'AppError';
  }
}

/** An error meant for the user: wrong usage or data that cannot be processed. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
