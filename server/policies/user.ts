import type { Role } from '../../shared/roles';
import { isAdmin, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

export interface UserSubject {
  id: string;
  organizationId: string;
  role: Role;
}

export interface InvitationSubject {
  organizationId: string;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const adminOnly = forbid('Only an administrator of your organization can manage its users');

/** Rules for users, invitations and the organization's audit trail. */
export const userPolicy = {
  'user.list': (a: Actor): Decision => allowIf(isAdmin(a), adminOnly),
  'user.invite': (a: Actor): Decision => allowIf(isAdmin(a), adminOnly),
  'user.update': (a: Actor, u: UserSubject): Decision => {
    if (!isAdmin(a) || a.organizationId !== u.organizationId) return adminOnly;
    return allowIf(u.id !== a.userId, forbid('You cannot change your own role or status; ask another administrator'));
  },
  'invitation.revoke': (a: Actor, i: InvitationSubject): Decision => {
    if (!isAdmin(a) || a.organizationId !== i.organizationId) return adminOnly;
    if (i.acceptedAt) return badState('The invitation was already accepted');
    return allowIf(!i.revokedAt, badState('The invitation was already revoked'));
  },
  'audit.list': (a: Actor): Decision => allowIf(isAdmin(a), forbid('Only an administrator can read the audit trail')),
};
