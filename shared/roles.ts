/** The two kinds of organization and the roles their users can hold. */
export const organizationKinds = ['buyer', 'provider'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const buyerRoles = ['admin', 'analyst', 'legal'] as const;
export const providerRoles = ['admin', 'contributor'] as const;
export const roles = ['admin', 'analyst', 'legal', 'contributor'] as const;
export type Role = (typeof roles)[number];

/**
 * The role groups the rules speak of, each defined here once: the policies
 * and the notice recipients read these, never their own list of roles.
 */
export const buyerManagerRoles = ['admin', 'analyst'] as const satisfies readonly Role[];
export const buyerLegalRoles = ['admin', 'legal'] as const satisfies readonly Role[];
export const providerMemberRoles = ['admin', 'contributor'] as const satisfies readonly Role[];

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
