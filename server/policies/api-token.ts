import { isAdmin, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

const adminOnly = forbid("Only an administrator of your organization, signed in, manages its API tokens");
/** Tokens are managed by a signed-in administrator, never by another token (a leaked token cannot mint more). */
const signedInAdmin = (a: Actor) => isAdmin(a) && !a.apiToken;

export const apiTokenPolicy = {
  'apiToken.manage': (a: Actor): Decision => allowIf(signedInAdmin(a), adminOnly),
  /** A password is changed by its owner, signed in: never through an API token. */
  'account.changePassword': (a: Actor): Decision => allowIf(!a.apiToken, forbid('An API token cannot change a password')),
  'apiToken.revoke': (a: Actor, t: { organizationId: string; revokedAt: Date | null }): Decision =>
    !signedInAdmin(a) || t.organizationId !== a.organizationId ? adminOnly : allowIf(!t.revokedAt, badState('The token was already revoked')),
};
