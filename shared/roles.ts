/** The two kinds of organization and the roles their users can hold. */
export const organizationKinds = ['buyer', 'provider'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const buyerRoles = ['admin', 'analyst', 'legal'] as const;
export const providerRoles = ['admin', 'contributor'] as const;
export const roles = ['admin', 'analyst', 'legal', 'contributor'] as const;
export type Role = (typeof roles)[number];

/** Roles a user of an organization of this kind may hold. */
export function rolesFor(kind: OrganizationKind): readonly Role[] {
  return kind === 'buyer' ? buyerRoles : providerRoles;
}

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  legal: 'Legal',
  contributor: 'Contributor',
};
