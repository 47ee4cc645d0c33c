import { isProvider, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

/** Provider administrators and contributors upload and share; buyers only read what they were given. */
const providerMember = (a: Actor) => isProvider(a) && (a.role === 'admin' || a.role === 'contributor');
const onlyProvider = forbid("Only the provider's administrators and contributors manage its documents");

export const documentPolicy = {
  'document.upload': (a: Actor): Decision => allowIf(providerMember(a), onlyProvider),
  'document.newVersion': (a: Actor, d: { organizationId: string }): Decision => allowIf(providerMember(a) && d.organizationId === a.organizationId, onlyProvider),
  'document.share': (a: Actor, e: { providerOrgId: string }): Decision => allowIf(providerMember(a) && e.providerOrgId === a.organizationId, onlyProvider),
};
