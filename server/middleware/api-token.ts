import type { RequestHandler } from 'express';
import { hashToken } from '../auth/tokens';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { actorForTokenHash } from '../repositories/api-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What an API token looks like: a prefix that says what it is (so secret scanners can find a leaked one), then 256 random bits. */
export const API_TOKEN_PATTERN = /^sw_[A-Za-z0-9_-]{43}$/;

declare module 'express-serve-static-core' {
  interface Request {
    /** The request authenticated with an API token: no session, no CSRF token. */
    viaApiToken?: boolean;
  }
}

/**
 * `Authorization: Bearer sw_…`: the token, not a session, says who is
 * acting. Such a request carries no cookie a browser could send on its own,
 * so it needs no CSRF token; a read-only token is refused on every method
 * that changes something, before any route runs. An unknown, expired or
 * revoked token is a 401, never a fall-back to the session.
 */
export function apiTokenAuth(deps: Pick<Deps, 'db'>): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) return next();
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return next(new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <API token>"'));
    const token = m[1]!;
    if (!API_TOKEN_PATTERN.test(token)) return next(new AppError('UNAUTHENTICATED', 'This is not a Scopewise API token'));
    actorForTokenHash(deps.db, hashToken(token)).then((actor) => {
      if (!actor) return next(new AppError('UNAUTHENTICATED', 'The API token is not valid: unknown, expired or revoked'));
      if (actor.apiToken?.access === 'read' && !safeMethods.has(req.method)) return next(new AppError('FORBIDDEN', `The API token "${actor.apiToken.name}" may only read`));
      req.user = actor;
      req.viaApiToken = true;
      next();
    }, next);
  };
}
