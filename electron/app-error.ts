// The error that reaches a person: a stable code for programs (shared/errors.ts), a Vietnamese message
// for people. Apart from electron/errors.ts (which also sets zod's messages to Vietnamese) so that code
// running where zod is never used (the import's parsing worker) does not load it.
import type { ErrorCode } from '../shared/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'AppError';
  }
}
