import { isBuyerManager, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

export interface EngagementSubject {
  buyerOrgId: string;
  providerOrgId: string;
}

const onlyManagers = forbid('Only buyer administrators and analysts can manage engagements');

/** Buyer administrators and analysts run engagements; legal reads; providers read their side. */
export const engagementPolicy = {
  'engagement.list': (_a: Actor): Decision => true,
  'engagement.create': (a: Actor): Decision => allowIf(isBuyerManager(a), onlyManagers),
  'engagement.update': (a: Actor, e: EngagementSubject): Decision => allowIf(isBuyerManager(a) && e.buyerOrgId === a.organizationId, onlyManagers),
  'engagement.overrideRisk': (a: Actor, e: EngagementSubject): Decision => allowIf(isBuyerManager(a) && e.buyerOrgId === a.organizationId, forbid('Only buyer administrators and analysts can override the risk tier')),
  'portfolio.read': (a: Actor): Decision => allowIf(a.organizationKind === 'buyer', forbid("The portfolio is the buyer's view of its providers")),
  'provider.search': (a: Actor): Decision => allowIf(isBuyerManager(a), onlyManagers),
};
