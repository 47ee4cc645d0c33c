import { buyerLegalRoles, buyerManagerRoles, providerMemberRoles, type OrganizationKind, type Role } from '../../shared/roles';

/** Who is acting: the signed-in user, their organization and role. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  /** Set when the request came with an API token instead of a session: the token acts with its own role and access. */
  apiToken?: { id: string; name: string; access: 'read' | 'write' };
}

export const isBuyer = (a: Actor) => a.organizationKind === 'buyer';
export const isProvider = (a: Actor) => a.organizationKind === 'provider';
export const isAdmin = (a: Actor) => a.role === 'admin';

const holds = (a: Actor, group: readonly Role[]) => group.includes(a.role);
/** Buyer administrators and analysts: they run engagements, questionnaires, findings, templates and the scoring profile. */
export const isBuyerManager = (a: Actor) => isBuyer(a) && holds(a, buyerManagerRoles);
/** Buyer legal and administrators: security schedules and the clause library. */
export const isBuyerLegal = (a: Actor) => isBuyer(a) && holds(a, buyerLegalRoles);
/** Provider administrators and contributors: they answer, upload and record the provider's evidence. */
export const isProviderMember = (a: Actor) => isProvider(a) && holds(a, providerMemberRoles);
