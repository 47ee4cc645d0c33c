import type { FindingStatus } from '../../shared/schemas/finding';
import { isBuyerManager, isProviderMember, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

export interface FindingSubject {
  buyerOrgId: string;
  providerOrgId: string;
  status: FindingStatus;
}

const buyerManager = (a: Actor, f: FindingSubject) => isBuyerManager(a) && f.buyerOrgId === a.organizationId;
const providerMember = (a: Actor, f: FindingSubject) => isProviderMember(a) && f.providerOrgId === a.organizationId;
const openish = (f: FindingSubject) => f.status === 'open' || f.status === 'remediation_planned';
const closedState = (f: FindingSubject) => badState(`The finding is ${f.status.replace('_', ' ')}: reopen it first`);

/**
 * The findings workflow: either side plans remediation; the provider
 * responds; only the buyer resolves, dismisses, accepts the risk or reopens.
 */
export const findingPolicy = {
  'finding.plan': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) && !providerMember(a, f) ? forbid('You cannot plan remediation of this finding') : allowIf(openish(f), closedState(f))),
  'finding.respond': (a: Actor, f: FindingSubject): Decision => (!providerMember(a, f) ? forbid('Only the provider responds to a finding') : allowIf(openish(f), closedState(f))),
  'finding.resolve': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer resolves a finding') : allowIf(openish(f), closedState(f))),
  'finding.dismiss': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer dismisses a finding') : allowIf(openish(f), closedState(f))),
  'finding.acceptRisk': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer accepts a risk') : allowIf(openish(f), closedState(f))),
  'finding.reopen': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer reopens a finding') : allowIf(!openish(f), badState('The finding is already open'))),
};
