import { hashNewPassword, verifyPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { findUsableReset, insertPasswordReset, markResetUsed, passwordHashOf, setPasswordHash } from '../repositories/password-reset';
import { deleteSessionsOf } from '../repositories/session';
import { findActiveActor, findCredentials } from '../repositories/user';
import { runWrite } from './write';

/** How long a reset link works. */
export const RESET_VALID_MINUTES = 60;
/** A second request for the same account within this time sends no second mail (no mail bombing). */
const RESEND_AFTER_MS = 60_000;

/**
 * Emails a link to set a new password, if the address belongs to an active
 * account. The caller answers the same whatever happened here, and the mail is
 * sent after the answer is decided, so neither the answer nor its timing says
 * whether the account exists.
 */
export async function requestPasswordReset(deps: Deps, email: string, origin: RequestOrigin): Promise<void> {
  const user = await findCredentials(deps.db, email);
  if (!user || user.status !== 'active') return;
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + RESET_VALID_MINUTES * 60_000);
  const sent = await runWrite(deps, { ...origin, actorUserId: null, actorEmail: email }, async ({ trx, audit }) => {
    const recent = await trx
      .selectFrom('password_resets')
      .select('id')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .where('created_at', '>', new Date(Date.now() - RESEND_AFTER_MS))
      .executeTakeFirst();
    if (recent) return false;
    await insertPasswordReset(trx, user.id, hash, expiresAt);
    await audit({ action: 'auth.password_reset_requested', organizationId: user.organization_id, targetType: 'user', targetId: user.id });
    return true;
  });
  if (!sent) return;
  const link = `${deps.config.appUrl}/reset-password#token=${token}`;
  void deps.mailer
    .send({
      to: email,
      subject: 'Reset your Scopewise password',
      link,
      text:
        `Someone (hopefully you) asked to reset the password of this Scopewise account.\n\n` +
        `Set a new password here:\n${link}\n\n` +
        `The link works once and expires in ${RESET_VALID_MINUTES} minutes. Using it signs the account out everywhere.\n` +
        `If you did not ask for this, ignore this message: your password is unchanged.\n`,
    })
    .catch((err: Error) => deps.logger.error({ err: err.message }, 'password reset mail not sent'));
}

/** Sets a new password with a reset token: once, before it expires; every session of the user ends. Returns the user. */
export async function resetPassword(deps: Deps, token: string, password: string, origin: RequestOrigin): Promise<Actor> {
  const passwordHash = await hashNewPassword(password);
  const userId = await runWrite(deps, origin, async ({ trx, audit }) => {
    const r = await findUsableReset(trx, hashToken(token));
    if (!r || r.used_at || r.expires_at.getTime() <= Date.now() || r.status !== 'active') {
      throw new AppError('TOKEN_INVALID', 'This reset link is not valid any more (it was used, replaced by a newer one, or expired). Ask for a new one.', { fields: [{ path: 'token', message: 'is invalid or has expired' }] });
    }
    await setPasswordHash(trx, r.user_id, passwordHash);
    await markResetUsed(trx, r.id);
    await deleteSessionsOf(trx, r.user_id);
    await audit({ action: 'auth.password_reset', organizationId: r.organization_id, targetType: 'user', targetId: r.user_id });
    return r.user_id;
  });
  const actor = await findActiveActor(deps.db, userId);
  if (!actor) throw new AppError('INTERNAL', 'The user could not be loaded');
  return actor;
}

/** Changes the signed-in user's password after checking the current one; every session of the user ends (the caller signs this one in again). */
export async function changePassword(deps: Deps, actor: Actor, current: string, next: string, origin: RequestOrigin): Promise<void> {
  if (!(await verifyPassword(await passwordHashOf(deps.db, actor.userId), current))) throw invalid([{ path: 'currentPassword', message: 'is not your current password' }]);
  const passwordHash = await hashNewPassword(next, 'newPassword');
  await runWrite(deps, origin, async ({ trx, audit }) => {
    await setPasswordHash(trx, actor.userId, passwordHash);
    await deleteSessionsOf(trx, actor.userId);
    await audit({ action: 'auth.password_changed', organizationId: actor.organizationId, targetType: 'user', targetId: actor.userId });
  });
}
