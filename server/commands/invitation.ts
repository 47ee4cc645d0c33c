import { rolesFor, type Role } from '../../shared/roles';
import type { AcceptInvitationBody, InviteUserBody } from '../../shared/schemas/users';
import { hashNewPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors';
import type { RequestOrigin } from '../repositories/audit';
import type { Actor } from '../policies/actor';
import { recordAudit } from '../repositories/audit';
import { findByTokenHash, insertInvitation, markAccepted, revokeInvitation, revokePendingFor } from '../repositories/invitation';
import { emailTaken, findActiveActor, insertUser } from '../repositories/user';
import { runWrite } from './write';

const INVITATION_DAYS = 7;

/**
 * Invites a person to the actor's organization: a random token, stored only
 * as its hash, valid for 7 days and once; an earlier pending invitation for
 * the same email is revoked. Returns the new invitation's id.
 */
export async function inviteUser(deps: Deps, actor: Actor, body: InviteUserBody, origin: RequestOrigin): Promise<string> {
  const allowed = rolesFor(actor.organizationKind);
  if (!allowed.includes(body.role)) {
    throw invalid([{ path: 'role', message: `must be one of ${allowed.join(', ')} in a ${actor.organizationKind} organization` }]);
  }
  // The answer is the same whether or not the email has an account somewhere
  // (no cross-tenant account probe); an existing account gets a notice by
  // email instead of a usable link.
  const taken = await emailTaken(deps.db, body.email);
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const id = await deps.db.transaction().execute(async (trx) => {
    const revoked = await revokePendingFor(trx, actor.organizationId, body.email);
    const invitationId = await insertInvitation(trx, { organizationId: actor.organizationId, email: body.email, role: body.role, tokenHash: hash, invitedBy: actor.userId, expiresAt });
    await recordAudit(trx, origin, {
      action: 'invitation.created',
      organizationId: actor.organizationId,
      targetType: 'invitation',
      targetId: invitationId,
      details: { email: body.email, role: body.role, replaced: revoked },
    });
    return invitationId;
  });
  if (taken) await sendExistingAccountNotice(deps, { email: body.email, organizationName: actor.organizationName, inviterName: actor.name });
  else await sendInvitation(deps, { email: body.email, token, organizationName: actor.organizationName, inviterName: actor.name, expiresAt });
  return id;
}

/**
 * Tells the owner of an existing account that someone tried to invite them;
 * it carries no link, so the invitation stays unusable. The inviter is answered
 * exactly as for a new email.
 */
export async function sendExistingAccountNotice(deps: Deps, n: { email: string; organizationName: string; inviterName: string }): Promise<void> {
  await deps.mailer.send({
    to: n.email,
    subject: `${n.inviterName} tried to invite you to ${n.organizationName} on Scopewise`,
    text:
      `${n.inviterName} tried to invite this email address to ${n.organizationName} on Scopewise.\n\n` +
      `This address already has a Scopewise account, so no new account was created.\n` +
      `If you want to work with ${n.organizationName}, sign in and reply to them directly.\n` +
      `If you did not expect this, ignore this message.\n`,
  });
}

/** Emails an invitation link; the token travels in the URL fragment so it never reaches server logs. */
export async function sendInvitation(deps: Deps, inv: { email: string; token: string; organizationName: string; inviterName: string; expiresAt: Date }): Promise<void> {
  const link = `${deps.config.appUrl}/invitations/accept#token=${inv.token}`;
  await deps.mailer.send({
    to: inv.email,
    subject: `${inv.inviterName} invited you to ${inv.organizationName} on Scopewise`,
    link,
    text:
      `${inv.inviterName} invited you to join ${inv.organizationName} on Scopewise.\n\n` +
      `Set your password and sign in here:\n${link}\n\n` +
      `The link works once and expires on ${inv.expiresAt.toUTCString()}.\n` +
      `If you did not expect this invitation, ignore this message.\n`,
  });
}

/** The invitation behind a token if it can still be accepted; otherwise why not. */
export async function usableInvitation(deps: Deps, token: string, { lock = false, db = deps.db } = {}) {
  const inv = await findByTokenHash(db, hashToken(token), { lock });
  if (!inv) throw new AppError('TOKEN_INVALID', 'This invitation link is not valid. Ask your administrator for a new one.');
  if (inv.accepted_at) throw new AppError('TOKEN_INVALID', 'This invitation was already used. Sign in instead, or ask for a new invitation.');
  if (inv.revoked_at) throw new AppError('TOKEN_INVALID', 'This invitation was withdrawn. Ask your administrator for a new one.');
  if (inv.expires_at.getTime() <= Date.now()) throw new AppError('TOKEN_INVALID', 'This invitation has expired. Ask your administrator for a new one.');
  return inv;
}

/** Creates the invited user with their password and consumes the token, atomically. */
export async function acceptInvitation(deps: Deps, body: AcceptInvitationBody, origin: RequestOrigin): Promise<Actor> {
  const passwordHash = await hashNewPassword(body.password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const inv = await usableInvitation(deps, body.token, { lock: true, db: trx });
    if (await emailTaken(trx, inv.email)) throw new AppError('CONFLICT', 'This email already has a Scopewise account. Sign in instead.');
    const user = await insertUser(trx, { organizationId: inv.organization_id, email: inv.email, name: body.name, role: inv.role as Role, passwordHash });
    await markAccepted(trx, inv.id, user.id);
    const who = { ...origin, actorUserId: user.id, actorEmail: user.email };
    await recordAudit(trx, who, { action: 'invitation.accepted', organizationId: inv.organization_id, targetType: 'invitation', targetId: inv.id });
    await recordAudit(trx, who, { action: 'user.created', organizationId: inv.organization_id, targetType: 'user', targetId: user.id, details: { email: user.email, role: user.role } });
    return user.id;
  });
  const actor = await findActiveActor(deps.db, userId);
  if (!actor) throw new AppError('INTERNAL', 'The new user could not be loaded');
  return actor;
}

/** Withdraws a pending invitation: its link stops working. */
export async function withdrawInvitation(deps: Deps, actor: Actor, inv: { id: string; email: string }, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    await revokeInvitation(trx, actor, inv.id);
    await audit({ action: 'invitation.revoked', organizationId: actor.organizationId, targetType: 'invitation', targetId: inv.id, details: { email: inv.email } });
  });
}
