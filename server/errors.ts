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

const MAX_ISSUES = 50;
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * Validation failure naming each field. An answer never echoes a huge input
 * back: long paths and messages are cut short, and only the first problems
 * are listed. `extra` adds details the client needs to fix the request.
 */
export function invalid(issues: FieldIssue[], extra: Record<string, unknown> = {}): AppError {
  const shown = issues.slice(0, MAX_ISSUES).map((i) => ({ path: cut(i.path, 200), message: cut(i.message, 500) }));
  const more = issues.length - shown.length;
  const list = shown.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new AppError('VALIDATION_FAILED', `Invalid request: ${list}`, { ...extra, fields: shown });
}
