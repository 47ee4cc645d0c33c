import { isProviderMember, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

const onlyProvider = forbid("Only the provider's administrators and contributors manage its documents");

/** Provider administrators and contributors upload and share; buyers only read what they were given. */
export const documentPolicy = {
  'document.upload': (a: Actor): Decision => allowIf(isProviderMember(a), onlyProvider),
  'document.newVersion': (a: Actor, d: { organizationId: string }): Decision => allowIf(isProviderMember(a) && d.organizationId === a.organizationId, onlyProvider),
  'document.share': (a: Actor, e: { providerOrgId: string }): Decision => allowIf(isProviderMember(a) && e.providerOrgId === a.organizationId, onlyProvider),
};
