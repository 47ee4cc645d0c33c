import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** Turns errors thrown by body parsers and libraries into application errors. */
function normalise(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; code?: string; limit?: number };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the ${e.limit ?? ''} byte limit`.replace('  ', ' '));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body uses an unsupported charset or encoding');
    case 'request.aborted':
      return new AppError('VALIDATION_FAILED', 'The request was aborted by the client');
  }
  if (e?.status === 400 && e?.type === undefined && (err as Error)?.name === 'URIError') {
    return new AppError('VALIDATION_FAILED', 'The request URL is malformed');
  }
  // zlib's errors (Z_DATA_ERROR…) for a body that does not decompress as its Content-Encoding says.
  if (e?.status === 400 && typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new AppError('VALIDATION_FAILED', 'The request body cannot be decompressed: it is not valid data for its Content-Encoding');
  }
  return undefined;
}

/** The one place that knows HTTP: every error becomes `{error: {code, message, details?}}`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = normalise(err);
    if (!known) {
      logger.error({ err, reqId: req.id }, 'unhandled error');
    } else if (known.code === 'INTERNAL') {
      logger.error({ err, reqId: req.id }, 'internal error');
    }
    const error = known ?? new AppError('INTERNAL', `Something went wrong on our side. Reference: ${req.id ?? ''}`);
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    if (error.code === 'ACCOUNT_LOCKED' || error.code === 'RATE_LIMITED') {
      const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) res.setHeader('Retry-After', String(retry));
    }
    res.status(statusOf[error.code]).json(body);
  };
}

/** Unknown API paths answer in the same error format. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};
