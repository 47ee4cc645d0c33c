import type { LoginBody } from '../../shared/schemas/auth';
import { verifyPassword } from '../auth/password';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { RequestOrigin } from '../repositories/audit';
import type { Actor } from '../policies/actor';
import { recordAudit } from '../repositories/audit';
import { clearFailures, lockedUntil, recordFailure } from '../repositories/login-throttle';
import { findActiveActor, findCredentials, touchLastLogin } from '../repositories/user';
import { runWrite } from './write';

const wrongCredentials = () => new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect');

/**
 * Checks a login attempt. Unknown emails, wrong passwords and disabled
 * accounts all fail the same way, after the same password-hashing work; every
 * email, known or not, is locked after repeated failures.
 */
export async function verifyLogin(deps: Deps, { email, password }: LoginBody, origin: RequestOrigin): Promise<Actor> {
  const { db, config } = deps;
  const locked = await lockedUntil(db, email);
  if (locked) {
    await recordAudit(db, origin, { action: 'auth.login_locked', organizationId: null, details: { email } });
    throw lockedError(locked);
  }
  const credentials = await findCredentials(db, email);
  const passwordOk = await verifyPassword(credentials?.password_hash, password);
  const actor = passwordOk && credentials?.status === 'active' ? await findActiveActor(db, credentials.id) : undefined;
  if (!actor) {
    const lock = await recordFailure(db, email, { threshold: config.lockoutThreshold, lockMinutes: config.lockoutMinutes });
    await recordAudit(db, origin, {
      action: 'auth.login_failed',
      organizationId: credentials?.organization_id ?? null,
      targetType: credentials ? 'user' : undefined,
      targetId: credentials?.id,
      details: { email, reason: !credentials ? 'unknown_email' : credentials.status !== 'active' ? 'account_disabled' : 'wrong_password', locked: lock !== null },
    });
    throw wrongCredentials();
  }
  await db.transaction().execute(async (trx) => {
    await clearFailures(trx, email);
    await touchLastLogin(trx, actor.userId);
    await recordAudit(trx, { ...origin, actorUserId: actor.userId, actorEmail: actor.email }, { action: 'auth.login', organizationId: actor.organizationId, targetType: 'user', targetId: actor.userId });
  });
  return actor;
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
  return new AppError('ACCOUNT_LOCKED', `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { retryAfterSeconds: minutes * 60 });
}

/** Records a sign-out (the session itself is ended by the route, which owns the request). */
export async function recordLogout(deps: Deps, actor: Actor, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, ({ audit }) => audit({ action: 'auth.logout', organizationId: actor.organizationId, targetType: 'user', targetId: actor.userId }));
}
