import type { Request } from 'express';
import { csrfResponse, loginBody, sessionResponse } from '../../shared/schemas/auth';
import { recordLogout, verifyLogin } from '../commands/login';
import { defineRoute } from '../http/route';
import { csrfToken, revokeCsrfToken } from '../middleware/csrf';
import { credentialRateLimit } from '../middleware/rate-limit';
import { SESSION_COOKIE } from '../middleware/session';
import type { Actor } from '../policies/actor';
import { presentSessionUser } from '../presenters/user';

/** Starts a fresh session for the actor (Passport regenerates the session id: no fixation). */
export function signIn(req: Request, actor: Actor): Promise<void> {
  return new Promise((resolve, reject) => req.logIn(actor, (err) => (err ? reject(err) : resolve())));
}

export const authRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/auth/csrf',
    tag: 'Auth',
    summary: 'Get the CSRF token of this session',
    description:
      'Send it as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE. Fetch a new one after signing in or out. A visitor who is not signed in gets a token bound to the cookie, and no session is stored. Too many requests from one address are refused (429).',
    access: 'public',
    before: (deps) => [credentialRateLimit(deps.config.csrfRateLimit)],
    responses: { 200: { description: 'The token', schema: csrfResponse } },
    handler: async ({ req, res, deps }) => ({ token: csrfToken(req, res, deps.config) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'Auth',
    summary: 'Sign in with email and password',
    description: 'Repeated failures lock the email for a while (423); too many attempts from one address are refused (429).',
    access: 'public',
    body: loginBody,
    before: (deps) => [credentialRateLimit(deps.config.loginRateLimit)],
    responses: { 200: { description: 'Signed in; the session cookie is set', schema: sessionResponse }, 401: { description: 'Email or password is incorrect' }, 423: { description: 'Locked after repeated failures' } },
    handler: async ({ req, deps, body, origin }) => {
      const actor = await verifyLogin(deps, body, origin);
      await signIn(req, actor);
      return { user: presentSessionUser(actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'Auth',
    summary: 'The signed-in user',
    access: 'authenticated',
    responses: { 200: { description: 'The user and organization', schema: sessionResponse } },
    handler: async ({ actor }) => ({ user: presentSessionUser(actor) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Auth',
    summary: 'Sign out',
    access: 'public',
    responses: { 204: { description: 'Signed out; the session is destroyed' } },
    handler: async ({ req, res, deps, actor, origin }) => {
      if (actor) await recordLogout(deps, actor, origin);
      revokeCsrfToken(req);
      await new Promise<void>((resolve, reject) => req.logOut((err) => (err ? reject(err) : resolve())));
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  }),
];
