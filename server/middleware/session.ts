import connectPgSimple from 'connect-pg-simple';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import type { Deps } from '../deps';
import type { Actor } from '../policies/actor';
import { findActiveActor } from '../repositories/user';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // Passport's req.user is the actor.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends Actor {}
  }
}

export const SESSION_COOKIE = 'scopewise.sid';
const SESSION_HOURS = 12;
/** A session's expiry is pushed back at most this often: rolling sessions without a database write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The PostgreSQL session store, touching each session at most once a minute:
 * the 12-hour idle timeout stays (give or take a minute) while reads no
 * longer cost a write and its commit.
 */
function throttledStore(deps: Deps) {
  const PgStore = connectPgSimple(session);
  const touched = new Map<string, number>();
  class ThrottledPgStore extends PgStore {
    override touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
      const now = Date.now();
      const last = touched.get(sid);
      if (last !== undefined && now - last < TOUCH_EVERY_MS) return cb?.();
      touched.set(sid, now);
      if (touched.size > 100_000) for (const [k, t] of touched) if (now - t >= TOUCH_EVERY_MS) touched.delete(k);
      super.touch(sid, sess, cb as () => void);
    }
  }
  return new ThrottledPgStore({ pool: deps.pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: deps.config.env === 'test' ? false : 15 * 60 });
}

/**
 * Sessions stored in PostgreSQL and a Passport instance that turns the
 * session's user id into the actor on every request. A disabled or deleted
 * user's session no longer authenticates.
 */
export function sessionMiddleware(deps: Deps): RequestHandler[] {
  const passport = new Passport();
  passport.serializeUser<string>((user, done) => done(null, (user as Actor).userId));
  passport.deserializeUser<string>((id, done) => {
    findActiveActor(deps.db, id).then((actor) => done(null, actor ?? false), done);
  });
  return [
    session({
      name: SESSION_COOKIE,
      store: throttledStore(deps),
      secret: deps.config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: deps.config.trustProxy,
      cookie: { httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure, maxAge: SESSION_HOURS * 3600 * 1000, path: '/' },
    }),
    passport.initialize(),
    passport.session(),
  ];
}
