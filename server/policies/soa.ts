import { isProvider, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

const providerMember = (a: Actor) => isProvider(a) && (a.role === 'admin' || a.role === 'contributor');

/** A provider's administrators and contributors read SoA spreadsheets and record SoAs for their own library. */
export const soaPolicy = {
  'soa.create': (a: Actor): Decision => allowIf(providerMember(a), forbid("Only the provider's administrators and contributors record its SoAs")),
};
