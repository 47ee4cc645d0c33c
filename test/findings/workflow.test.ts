import { findingActions, findingChange, findingStates, findingStep, type FindingActionName, type FindingChange } from '../../shared/findings/workflow';
import type { FindingAction, FindingStatus } from '../../shared/schemas/finding';

const today = '2026-12-07';

/** One body per action, as the route receives it. */
const bodies: Record<FindingActionName, FindingAction> = {
  plan_remediation: { action: 'plan_remediation', owner: 'Maria Santos', dueDate: '2027-03-31', plan: 'Extend the scope' },
  respond: { action: 'respond', response: 'Cebu joins the scope in March.' },
  resolve: { action: 'resolve', note: 'Fixed' },
  dismiss: { action: 'dismiss', reason: 'Not relevant for this contract' },
  accept_risk: { action: 'accept_risk', justification: 'Temporary, while the scope is extended', approver: 'CISO', expiresAt: '2027-06-30' },
  reopen: { action: 'reopen' },
};

const plan = { remediationOwner: 'Maria Santos', remediationDue: '2027-03-31', remediationPlan: 'Extend the scope' };
const respond = { providerResponse: 'Cebu joins the scope in March.' };
const resolve = { status: 'resolved', resolutionNote: 'Fixed' } as const;
const dismiss = { status: 'dismissed', dismissReason: 'Not relevant for this contract' } as const;
const accept = { status: 'risk_accepted', riskJustification: 'Temporary, while the scope is extended', riskApprover: 'CISO', riskExpires: '2027-06-30' } as const;
const reopen = { status: 'open', dismissReason: null, riskJustification: null, riskApprover: null, riskExpires: null, resolutionNote: null } as const;
const alreadyOpen = { refused: 'The finding is already open' };
const closed = (state: string) => ({ refused: `The finding is ${state}: reopen it first` });

/** Every state × every action, written out: the new state and what is written, or the refusal the user sees. */
const table: [FindingStatus, FindingActionName, FindingChange][] = [
  ['open', 'plan_remediation', { to: 'remediation_planned', set: { status: 'remediation_planned', ...plan } }],
  ['open', 'respond', { to: 'open', set: respond }],
  ['open', 'resolve', { to: 'resolved', set: resolve }],
  ['open', 'dismiss', { to: 'dismissed', set: dismiss }],
  ['open', 'accept_risk', { to: 'risk_accepted', set: accept }],
  ['open', 'reopen', alreadyOpen],
  ['remediation_planned', 'plan_remediation', { to: 'remediation_planned', set: plan }],
  ['remediation_planned', 'respond', { to: 'remediation_planned', set: respond }],
  ['remediation_planned', 'resolve', { to: 'resolved', set: resolve }],
  ['remediation_planned', 'dismiss', { to: 'dismissed', set: dismiss }],
  ['remediation_planned', 'accept_risk', { to: 'risk_accepted', set: accept }],
  ['remediation_planned', 'reopen', alreadyOpen],
  ['resolved', 'plan_remediation', closed('resolved')],
  ['resolved', 'respond', closed('resolved')],
  ['resolved', 'resolve', closed('resolved')],
  ['resolved', 'dismiss', closed('resolved')],
  ['resolved', 'accept_risk', closed('resolved')],
  ['resolved', 'reopen', { to: 'open', set: reopen }],
  ['risk_accepted', 'plan_remediation', closed('risk accepted')],
  ['risk_accepted', 'respond', closed('risk accepted')],
  ['risk_accepted', 'resolve', closed('risk accepted')],
  ['risk_accepted', 'dismiss', closed('risk accepted')],
  ['risk_accepted', 'accept_risk', closed('risk accepted')],
  ['risk_accepted', 'reopen', { to: 'open', set: reopen }],
  ['dismissed', 'plan_remediation', closed('dismissed')],
  ['dismissed', 'respond', closed('dismissed')],
  ['dismissed', 'resolve', closed('dismissed')],
  ['dismissed', 'dismiss', closed('dismissed')],
  ['dismissed', 'accept_risk', closed('dismissed')],
  ['dismissed', 'reopen', { to: 'open', set: reopen }],
];

describe('the finding workflow', () => {
  test('the table covers every state and every action once', () => {
    const covered = table.map(([s, a]) => `${s}:${a}`).sort();
    expect(covered).toEqual(findingStates.flatMap((s) => findingActions.map((a) => `${s}:${a}`)).sort());
  });

  test.each(table)('when a %s finding is asked to %s, then %j', (state, action, expected) => {
    expect(findingChange(state, bodies[action], today)).toEqual(expected);
    expect(findingStep(state, action)).toEqual('to' in expected ? { to: expected.to } : expected);
  });

  test.each(['2020-01-01', today])('when a risk acceptance expires on %s (not after today), then expiresAt is refused', (expiresAt) => {
    expect(findingChange('open', { ...bodies.accept_risk, expiresAt } as FindingAction, today)).toEqual({
      invalid: [{ path: 'expiresAt', message: 'must be a future date: a risk acceptance expires and is reviewed again' }],
    });
  });

  test('when a closed finding is accepted with a past expiry, then its state refuses first', () => {
    expect(findingChange('dismissed', { ...bodies.accept_risk, expiresAt: '2020-01-01' } as FindingAction, today)).toEqual(closed('dismissed'));
  });

  test('when a resolution has no note, then the note is cleared', () => {
    expect(findingChange('open', { action: 'resolve' }, today)).toEqual({ to: 'resolved', set: { status: 'resolved', resolutionNote: null } });
  });
});
