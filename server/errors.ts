import type { ErrorCode, FieldIssue } from '../shared/errors';

/** An expected failure: carries a code from `shared/errors`, never an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The object does not exist, or belongs to another tenant: the same answer for both. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

/** Validation failure naming each field. */
export function invalid(issues: FieldIssue[]): AppError {
  const list = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid request: ${list}`, { fields: issues });
}
