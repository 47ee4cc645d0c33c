import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import type { Config } from '../config';
import { AppError } from '../errors';
import { SESSION_COOKIE } from './session';

const csrf = csrfSync({ getTokenFromRequest: (req) => req.get('x-csrf-token') });

/** Forgets the token (at logout; a login regenerates the whole session). */
export const revokeCsrfToken = csrf.revokeToken;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A visitor who is not signed in gets a random id in the session cookie instead of a stored session: the value
 * does not start with `s:`, so express-session ignores it (no store lookup, no row), and the visitor's token is
 * an HMAC of it. A login replaces the cookie with a new, stored session (no fixation).
 */
const ANONYMOUS_ID = /^anon\.[A-Za-z0-9_-]{43}$/;

/** The anonymous visitor id carried by the request's session cookie, if it is one. */
function anonymousId(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      continue;
    }
    if (ANONYMOUS_ID.test(value)) return value;
  }
  return undefined;
}

/** The token of an anonymous visitor id: only someone who read GET /api/auth/csrf's answer knows it. */
function anonymousToken(secret: string, id: string): string {
  return crypto.createHmac('sha256', secret).update(`scopewise anonymous csrf\0${id}`).digest('base64url');
}

/** Compares two tokens in constant time; anything but two equally long strings is a mismatch. */
function sameToken(sent: unknown, expected: unknown): boolean {
  if (typeof sent !== 'string' || typeof expected !== 'string') return false;
  // Compared as bytes: a non-ASCII token as long as the real one in characters is longer in bytes.
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The CSRF token for this request: a signed-in session's token is stored in the session; a visitor's is bound
 * to an anonymous id in the cookie, so fetching one stores nothing.
 */
export function csrfToken(req: Request, res: Response, config: Config): string {
  if (req.user) return csrf.generateToken(req);
  let id = anonymousId(req);
  if (!id) {
    id = `anon.${crypto.randomBytes(32).toString('base64url')}`;
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
  }
  return anonymousToken(config.sessionSecret, id);
}

/**
 * Refuses a state-changing request unless its X-CSRF-Token header matches the session's token or, for a visitor
 * who is not signed in, the token of the anonymous id in the cookie.
 */
export function requireCsrfToken(config: Config): RequestHandler {
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    const sent = csrf.getTokenFromRequest(req);
    if (sameToken(sent, csrf.getTokenFromState(req))) return next();
    const id = req.user ? undefined : anonymousId(req);
    if (id && sameToken(sent, anonymousToken(config.sessionSecret, id))) return next();
    next(new AppError('CSRF_INVALID', 'Missing or invalid CSRF token: get one from GET /api/auth/csrf and send it in the X-CSRF-Token header'));
  };
}
