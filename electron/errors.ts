// Errors that reach a person: a stable code for programs, a Vietnamese message for people.
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
