import type { OrganizationKind, Role } from '../../shared/roles';

/** Who is acting: the signed-in user, their organization and role. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
}

export const isBuyer = (a: Actor) => a.organizationKind === 'buyer';
export const isProvider = (a: Actor) => a.organizationKind === 'provider';
export const isAdmin = (a: Actor) => a.role === 'admin';
