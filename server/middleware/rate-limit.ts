import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors';

/**
 * A per-IP limit on credential and token endpoints (login, invitations),
 * on top of the per-email lockout. Counts live in this process.
 */
export function credentialRateLimit(limit: number, windowMinutes = 15): RequestHandler {
  return rateLimit({
    windowMs: windowMinutes * 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new AppError('RATE_LIMITED', 'Too many attempts from your network. Wait a few minutes and try again.', { retryAfterSeconds: windowMinutes * 60 })),
  });
}
