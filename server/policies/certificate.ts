import { isProvider, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

const providerMember = (a: Actor) => isProvider(a) && (a.role === 'admin' || a.role === 'contributor');
const onlyProvider = forbid("Only the provider's administrators and contributors record its certificates and SoAs");

/** Providers record (and correct) the facts of their certificates and SoAs; buyers read what was shared. */
export const certificatePolicy = {
  'certificate.create': (a: Actor): Decision => allowIf(providerMember(a), onlyProvider),
  'certificate.update': (a: Actor, c: { organizationId: string }): Decision => allowIf(providerMember(a) && c.organizationId === a.organizationId, onlyProvider),
};
