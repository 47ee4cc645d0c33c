import { z } from 'zod';
import { sessionResponse } from '../../shared/schemas/auth';
import { changePasswordBody, passwordResetBody, passwordResetRequestBody } from '../../shared/schemas/users';
import { changePassword, requestPasswordReset, RESET_VALID_MINUTES, resetPassword } from '../commands/password';
import { defineRoute, Reply } from '../http/route';
import { credentialRateLimit } from '../middleware/rate-limit';
import { authorize } from '../policies';
import { presentSessionUser } from '../presenters/user';
import { signIn } from './auth';

const tag = 'Auth';
const accepted = z.object({ message: z.string() });

export const passwordRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/password-reset',
    tag,
    summary: 'Ask for a link to set a new password',
    description: `Always 202 with the same message, whether or not the email has an account (no account enumeration). An active account gets a link that works once, for ${RESET_VALID_MINUTES} minutes; a newer request voids the older link; a second request within a minute sends nothing. Rate-limited per address.`,
    access: 'public',
    body: passwordResetRequestBody,
    before: (deps) => [credentialRateLimit(deps.config.loginRateLimit)],
    responses: { 202: { description: 'Asked', schema: accepted } },
    handler: async ({ deps, body, origin }) => {
      await requestPasswordReset(deps, body.email, origin);
      return new Reply(202, { message: `If ${body.email} has a Scopewise account, a link to set a new password is on its way. It works once, for ${RESET_VALID_MINUTES} minutes.` });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    tag,
    summary: 'Set a new password with the emailed link, and sign in',
    description: 'The token comes from the link\'s fragment. Every session of the account ends; this request signs in afresh.',
    access: 'public',
    body: passwordResetBody,
    before: (deps) => [credentialRateLimit(deps.config.loginRateLimit)],
    responses: { 200: { description: 'Password set, signed in', schema: sessionResponse }, 400: { description: 'Unknown, used, replaced or expired link' } },
    handler: async ({ req, deps, body, origin }) => {
      const actor = await resetPassword(deps, body.token, body.password, origin);
      await signIn(req, actor);
      return { user: presentSessionUser(actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    tag,
    summary: 'Change your password',
    description: 'Needs the current password. Every other session of the account ends; this one continues under a new session id (fetch a new CSRF token).',
    access: 'authenticated',
    body: changePasswordBody,
    before: (deps) => [credentialRateLimit(deps.config.loginRateLimit)],
    responses: { 200: { description: 'Changed', schema: sessionResponse }, 400: { description: 'The current password is wrong, or the new one is refused' } },
    handler: async ({ req, deps, actor, body, origin }) => {
      authorize(actor, 'account.changePassword');
      await changePassword(deps, actor, body.currentPassword, body.newPassword, origin);
      await signIn(req, actor);
      return { user: presentSessionUser(actor) };
    },
  }),
];
