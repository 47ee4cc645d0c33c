import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { AppError } from '../errors';

const csrf = csrfSync({ getTokenFromRequest: (req) => req.get('x-csrf-token') });

/** The session's CSRF token, created on first use. */
export const csrfToken = csrf.generateToken;

/** Forgets the token (at logout; a login regenerates the whole session). */
export const revokeCsrfToken = csrf.revokeToken;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a state-changing request unless its X-CSRF-Token header matches the session's token. */
export const requireCsrfToken: RequestHandler = (req, _res, next) => {
  if (safeMethods.has(req.method)) return next();
  const sent = csrf.getTokenFromRequest(req);
  const stored = csrf.getTokenFromState(req);
  const ok =
    typeof sent === 'string' &&
    typeof stored === 'string' &&
    sent.length === stored.length &&
    crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(stored));
  if (ok) return next();
  next(new AppError('CSRF_INVALID', 'Missing or invalid CSRF token: get one from GET /api/auth/csrf and send it in the X-CSRF-Token header'));
};
