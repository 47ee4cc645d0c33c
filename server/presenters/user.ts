import type { SessionUser } from '../../shared/schemas/auth';
import type { InvitationDto, UserDto } from '../../shared/schemas/users';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { InvitationRow } from '../repositories/invitation';
import type { UserRow } from '../repositories/user';

/** The signed-in user as the client sees it. */
export function presentSessionUser(actor: Actor): SessionUser {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    organization: { id: actor.organizationId, name: actor.organizationName, kind: actor.organizationKind },
  };
}

export function presentUser(actor: Actor, u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
    abilities: { update: can(actor, 'user.update', { id: u.id, organizationId: u.organization_id, role: u.role }) },
  };
}

export function presentInvitation(actor: Actor, i: InvitationRow): InvitationDto {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expires_at.toISOString(),
    acceptedAt: i.accepted_at?.toISOString() ?? null,
    revokedAt: i.revoked_at?.toISOString() ?? null,
    createdAt: i.created_at.toISOString(),
    invitedBy: i.invited_by_name,
    abilities: { revoke: can(actor, 'invitation.revoke', invitationSubject(i)) },
  };
}

/** The fields the invitation policy decides on. */
export function invitationSubject(i: InvitationRow) {
  return { organizationId: i.organization_id, acceptedAt: i.accepted_at, revokedAt: i.revoked_at };
}
