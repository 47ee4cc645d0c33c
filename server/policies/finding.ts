import { findingStep, type FindingActionName } from '../../shared/findings/workflow';
import type { FindingStatus } from '../../shared/schemas/finding';
import { isBuyerManager, isProviderMember, type Actor } from './actor';
import { badState, forbid, type Decision } from './decision';

export interface FindingSubject {
  buyerOrgId: string;
  providerOrgId: string;
  status: FindingStatus;
}

const buyerManager = (a: Actor, f: FindingSubject) => isBuyerManager(a) && f.buyerOrgId === a.organizationId;
const providerMember = (a: Actor, f: FindingSubject) => isProviderMember(a) && f.providerOrgId === a.organizationId;

/** What the finding's state allows (shared/findings/workflow.ts), once the role is allowed. */
const inState = (f: FindingSubject, action: FindingActionName): Decision => {
  const next = findingStep(f.status, action);
  return 'to' in next ? true : badState(next.refused);
};

/**
 * The findings workflow: either side plans remediation; the provider
 * responds; only the buyer resolves, dismisses, accepts the risk or reopens.
 */
export const findingPolicy = {
  'finding.plan': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) && !providerMember(a, f) ? forbid('You cannot plan remediation of this finding') : inState(f, 'plan_remediation')),
  'finding.respond': (a: Actor, f: FindingSubject): Decision => (!providerMember(a, f) ? forbid('Only the provider responds to a finding') : inState(f, 'respond')),
  'finding.resolve': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer resolves a finding') : inState(f, 'resolve')),
  'finding.dismiss': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer dismisses a finding') : inState(f, 'dismiss')),
  'finding.acceptRisk': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer accepts a risk') : inState(f, 'accept_risk')),
  'finding.reopen': (a: Actor, f: FindingSubject): Decision => (!buyerManager(a, f) ? forbid('Only the buyer reopens a finding') : inState(f, 'reopen')),
};

/** The policy that judges each workflow action. */
export const findingPolicyOf = {
  plan_remediation: 'finding.plan',
  respond: 'finding.respond',
  resolve: 'finding.resolve',
  dismiss: 'finding.dismiss',
  accept_risk: 'finding.acceptRisk',
  reopen: 'finding.reopen',
} as const satisfies Record<FindingActionName, keyof typeof findingPolicy>;
