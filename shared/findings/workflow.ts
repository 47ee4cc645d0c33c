import type { FieldIssue } from '../errors';
import { findingStatuses, type FindingAction, type FindingStatus } from '../schemas/finding';

/**
 * A finding's life: while it is open or being remediated it can be planned,
 * answered, resolved, dismissed or accepted as a risk; once resolved,
 * dismissed or accepted, only reopening it changes anything. Who may act is
 * the policies' business; this says only what each state allows and what
 * each action writes.
 */
export const findingStates = findingStatuses;

export const findingActions = ['plan_remediation', 'respond', 'resolve', 'dismiss', 'accept_risk', 'reopen'] as const;
export type FindingActionName = (typeof findingActions)[number];

/** The outcome of an action: the state it leads to, or why the finding's state refuses it. */
export type FindingStep = { to: FindingStatus } | { refused: string };

const closed = (status: 'resolved' | 'risk_accepted' | 'dismissed') => `The finding is ${status.replace('_', ' ')}: reopen it first`;
const alreadyOpen: FindingStep = { refused: 'The finding is already open' };

/** While a finding is open or planned, every action but reopening applies; the provider's response keeps its state. */
const whileOpen = (state: 'open' | 'remediation_planned'): Record<FindingActionName, FindingStep> => ({
  plan_remediation: { to: 'remediation_planned' },
  respond: { to: state },
  resolve: { to: 'resolved' },
  dismiss: { to: 'dismissed' },
  accept_risk: { to: 'risk_accepted' },
  reopen: alreadyOpen,
});

/** A closed finding refuses everything but reopening, with the reason naming its state. */
const whileClosed = (state: 'resolved' | 'risk_accepted' | 'dismissed'): Record<FindingActionName, FindingStep> => {
  const refused = { refused: closed(state) };
  return { plan_remediation: refused, respond: refused, resolve: refused, dismiss: refused, accept_risk: refused, reopen: { to: 'open' } };
};

const steps: Record<FindingStatus, Record<FindingActionName, FindingStep>> = {
  open: whileOpen('open'),
  remediation_planned: whileOpen('remediation_planned'),
  resolved: whileClosed('resolved'),
  risk_accepted: whileClosed('risk_accepted'),
  dismissed: whileClosed('dismissed'),
};

/** What `action` does to a finding in `state`. */
export function findingStep(state: FindingStatus, action: FindingActionName): FindingStep {
  return steps[state][action];
}

/** The workflow fields of a finding, as the domain names them (the repository maps them to columns). */
export interface FindingFields {
  status: FindingStatus;
  remediationOwner: string | null;
  remediationDue: string | null;
  remediationPlan: string | null;
  providerResponse: string | null;
  resolutionNote: string | null;
  dismissReason: string | null;
  riskJustification: string | null;
  riskApprover: string | null;
  riskExpires: string | null;
}

/** The result of applying an action: the new state and the fields it writes, the state's refusal, or the fields that are wrong. */
export type FindingChange = { to: FindingStatus; set: Partial<FindingFields> } | { refused: string } | { invalid: FieldIssue[] };

/** The fields one action writes, status aside. */
function fieldsOf(body: FindingAction): Partial<FindingFields> {
  switch (body.action) {
    case 'plan_remediation':
      return { remediationOwner: body.owner, remediationDue: body.dueDate, remediationPlan: body.plan };
    case 'respond':
      return { providerResponse: body.response };
    case 'resolve':
      return { resolutionNote: body.note ?? null };
    case 'dismiss':
      return { dismissReason: body.reason };
    case 'accept_risk':
      return { riskJustification: body.justification, riskApprover: body.approver, riskExpires: body.expiresAt };
    case 'reopen':
      // The plan and the provider's response stay: they are still the history of the finding.
      return { dismissReason: null, riskJustification: null, riskApprover: null, riskExpires: null, resolutionNote: null };
  }
}

/**
 * What `body` does to a finding stored in `status` on `today` (YYYY-MM-DD):
 * the state decides first, then the action's own rule (a risk acceptance
 * must expire in the future, so it is reviewed again). The status is written
 * only when it changes.
 */
export function findingChange(status: FindingStatus, body: FindingAction, today: string): FindingChange {
  const step = findingStep(status, body.action);
  if ('refused' in step) return step;
  if (body.action === 'accept_risk' && body.expiresAt <= today) return { invalid: [{ path: 'expiresAt', message: 'must be a future date: a risk acceptance expires and is reviewed again' }] };
  const set = fieldsOf(body);
  return { to: step.to, set: step.to === status ? set : { status: step.to, ...set } };
}
