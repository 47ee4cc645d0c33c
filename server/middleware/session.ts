import connectPgSimple from 'connect-pg-simple';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import type { Deps } from '../deps';
import type { Actor } from '../policies/actor';
import { findSessionWithActor } from '../repositories/session';
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

/** The actor read together with a request's session (null: nobody signed in, or the user is gone or disabled). */
const preloadedActors = new WeakMap<Request, Actor | null>();
const ACTOR = Symbol('actor');

/**
 * The PostgreSQL session store. Reading a session also reads the active user
 * it is signed in as, in the same query, and recent reads are served from the
 * session cache (see SessionCache for why that is safe), so an authenticated
 * request usually costs no round trip before its own work. Each session is
 * touched at most once a minute: the 12-hour idle timeout stays (give or take
 * a minute) while reads do not cost a write and its commit.
 */
function sessionStore(deps: Deps) {
  const PgStore = connectPgSimple(session);
  const touched = new Map<string, number>();
  /** This process changes the session: no copy of it is served before, during or after the write. */
  const forgetting = (sid: string, cb?: (err?: unknown) => void) => {
    deps.sessions.forgetSession(sid);
    return (err?: unknown) => {
      deps.sessions.forgetSession(sid);
      cb?.(err);
    };
  };
  class ScopewiseStore extends PgStore {
    override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
      deps.sessions.read(sid, () => findSessionWithActor(deps.db, sid)).then((found) => {
        if (!found) return cb(null, null);
        // Not enumerable and keyed by a symbol: never written back to the store.
        Object.defineProperty(found.sess, ACTOR, { value: found.actor, enumerable: false });
        cb(null, found.sess as unknown as session.SessionData);
      }, cb);
    }

    override createSession(req: Request, sess: session.SessionData) {
      const actor = (sess as unknown as Record<symbol, Actor | null | undefined>)[ACTOR];
      if (actor !== undefined) preloadedActors.set(req, actor);
      return super.createSession(req, sess);
    }

    override touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
      const now = Date.now();
      const last = touched.get(sid);
      if (last !== undefined && now - last < TOUCH_EVERY_MS) return cb?.();
      touched.set(sid, now);
      if (touched.size > 100_000) for (const [k, t] of touched) if (now - t >= TOUCH_EVERY_MS) touched.delete(k);
      super.touch(sid, sess, forgetting(sid, cb));
    }

    override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
      // A save writes the expiry too: it counts as a touch.
      touched.set(sid, Date.now());
      super.set(sid, sess, forgetting(sid, cb));
    }

    override destroy(sid: string, cb?: (err?: unknown) => void): void {
      super.destroy(sid, forgetting(sid, cb));
    }
  }
  return new ScopewiseStore({ pool: deps.pool, tableName: 'session', ttl: SESSION_HOURS * 3600, createTableIfMissing: false, pruneSessionInterval: deps.config.env === 'test' ? false : 15 * 60 });
}

/** What Scopewise keeps in a session besides Passport's user id. */
interface SignedInSession {
  passport?: { user?: unknown };
  /** When the user signed in (epoch ms): the session ends `sessionMaxHours` later, however active it is. */
  signedInAt?: unknown;
}

/** Whether a session has outlived its absolute lifetime; one without a sign-in time (older code) has. */
export function pastAbsoluteLifetime(sess: SignedInSession, maxHours: number, now = Date.now()): boolean {
  return typeof sess.signedInAt !== 'number' || now - sess.signedInAt >= maxHours * 3600 * 1000;
}

/**
 * The actor of the session's user, as Passport's session strategy would set
 * it (a user who is gone or disabled is dropped from the session), from the
 * actor read with the session when there is one: Passport signs users in and
 * out; this reads who is signed in without its per-request machinery. A
 * session past its absolute lifetime is destroyed and the request goes on
 * signed out.
 */
function actorFromSession(deps: Deps): RequestHandler {
  return (req, _res, next) => {
    const sess = req.session as unknown as SignedInSession | undefined;
    const passport = sess?.passport;
    if (!sess || !passport || typeof passport.user !== 'string') return next();
    // Regenerated rather than destroyed: later middleware still finds an (empty, unsaved) session.
    if (pastAbsoluteLifetime(sess, deps.config.sessionMaxHours)) return req.session.regenerate((err) => next(err));
    const userId = passport.user;
    const preloaded = preloadedActors.get(req);
    const actor = preloaded !== undefined && (preloaded === null || preloaded.userId === userId) ? Promise.resolve(preloaded ?? undefined) : findActiveActor(deps.db, userId);
    actor.then((found) => {
      if (found) req.user = found;
      else delete passport.user;
      next();
    }, next);
  };
}

/**
 * Passport's req.logIn and req.logOut, on the requests that can sign in or
 * out: those are POSTs (login, logout, accepting an invitation); reads skip
 * the per-request setup.
 */
function signInHelpers(passport: InstanceType<typeof Passport>): RequestHandler {
  const initialize = passport.initialize();
  return (req, res, next) => (req.method === 'POST' ? initialize(req, res, next) : next());
}

/**
 * Sessions stored in PostgreSQL; Passport signs users in (regenerating the
 * session) and out. A disabled or deleted user's session no longer
 * authenticates, nor does one signed in more than `sessionMaxHours` ago.
 */
export function sessionMiddleware(deps: Deps): RequestHandler[] {
  const passport = new Passport();
  // Called at sign-in on the regenerated session, before Passport saves it: the sign-in time is written with it.
  passport.serializeUser<string, Request>((req, user, done) => {
    (req.session as unknown as SignedInSession).signedInAt = Date.now();
    done(null, (user as Actor).userId);
  });
  return [
    session({
      name: SESSION_COOKIE,
      store: sessionStore(deps),
      secret: deps.config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      // The cookie lives as long as the browser session; the server ends the session after SESSION_HOURS idle
      // (each touch pushes its expiry back), so the cookie need not be re-sent with every answer.
      rolling: false,
      proxy: deps.config.trustProxy,
      cookie: { httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure, path: '/' },
    }),
    signInHelpers(passport),
    actorFromSession(deps),
  ];
}
