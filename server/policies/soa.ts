import { isProviderMember, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

/** A provider's administrators and contributors read SoA spreadsheets and record SoAs for their own library. */
export const soaPolicy = {
  'soa.create': (a: Actor): Decision => allowIf(isProviderMember(a), forbid("Only the provider's administrators and contributors record its SoAs")),
};
