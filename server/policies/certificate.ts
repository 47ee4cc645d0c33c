import { isBuyer, isBuyerManager, isProviderMember, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

const onlyProvider = forbid("Only the provider's administrators and contributors record its certificates and SoAs");
const onlyBuyerManager = forbid("Only the buyer's administrators and analysts record that a certificate was checked in a public directory");

/** Providers record (and correct) the facts of their certificates and SoAs; buyers read what was shared, and check it. */
export const certificatePolicy = {
  'certificate.create': (a: Actor): Decision => allowIf(isProviderMember(a), onlyProvider),
  'certificate.update': (a: Actor, c: { organizationId: string }): Decision => allowIf(isProviderMember(a) && c.organizationId === a.organizationId, onlyProvider),
  /** A buyer's administrator or analyst records what a public directory said about a certificate shared with the buyer. */
  'certificate.verify': (a: Actor): Decision => allowIf(isBuyerManager(a), onlyBuyerManager),
  /** A buyer's checks are its own due diligence: its members read them, the provider does not. */
  'certificate.readVerifications': (a: Actor): Decision => allowIf(isBuyer(a), forbid("Directory checks are the buyer's own record")),
};
