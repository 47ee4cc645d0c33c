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

/**
 * Sessions stored in PostgreSQL and a Passport instance that turns the
 * session's user id into the actor on every request. A disabled or deleted
 * user's session no longer authenticates.
 */
export function sessionMiddleware(deps: Deps): RequestHandler[] {
  const PgStore = connectPgSimple(session);
  const passport = new Passport();
  passport.serializeUser<string>((user, done) => done(null, (user as Actor).userId));
  passport.deserializeUser<string>((id, done) => {
    findActiveActor(deps.db, id).then((actor) => done(null, actor ?? false), done);
  });
  return [
    session({
      name: SESSION_COOKIE,
      store: new PgStore({ pool: deps.pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: deps.config.env === 'test' ? false : 15 * 60 }),
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
