import { z } from 'zod';
import { findingCodes, severities } from '../findings/codes';
import { isoDate } from './assessment';
import { id, text } from './common';

/** The workflow actions that carry a form: each is also the client's form schema. */
export const planRemediationAction = z.strictObject({ action: z.literal('plan_remediation'), owner: text(200, { min: 1 }), dueDate: isoDate, plan: text(4000, { min: 1 }) });
export const respondAction = z.strictObject({ action: z.literal('respond'), response: text(4000, { min: 1 }) });
export const dismissAction = z.strictObject({ action: z.literal('dismiss'), reason: text(4000, { min: 10 }) });
/** Accepting a risk needs a reason, a named approver and an expiry (the server also requires a future date). */
export const acceptRiskAction = z.strictObject({ action: z.literal('accept_risk'), justification: text(4000, { min: 10 }), approver: text(200, { min: 1 }), expiresAt: isoDate });

export const findingStatuses = ['open', 'remediation_planned', 'resolved', 'risk_accepted', 'dismissed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/**
 * Whether a finding still weighs on the rating and the contract: open, being
 * remediated, or accepted as a risk whose acceptance expired before `today`.
 */
export function countsAsOpen(status: string, riskExpires: string | null, today: string): boolean {
  return status === 'open' || status === 'remediation_planned' || (status === 'risk_accepted' && riskExpires !== null && riskExpires < today);
}

/** One change to a finding's workflow (`PATCH /api/findings/:id`). */
export const findingAction = z
  .discriminatedUnion(
    'action',
    [
      planRemediationAction,
      respondAction,
      z.strictObject({ action: z.literal('resolve'), note: text(4000).optional() }),
      dismissAction,
      acceptRiskAction,
      z.strictObject({ action: z.literal('reopen') }),
    ],
    { message: 'action must be one of plan_remediation, respond, resolve, dismiss, accept_risk, reopen' },
  )
  .meta({ id: 'FindingAction' });
export type FindingAction = z.infer<typeof findingAction>;

export const findingDto = z
  .object({
    id,
    code: z.enum(findingCodes),
    severity: z.enum(severities),
    title: z.string(),
    explanation: z.string(),
    controlIds: z.array(z.string()),
    facts: z.record(z.string(), z.unknown()),
    /** false: the rules no longer raise it (the underlying facts changed). */
    active: z.boolean(),
    status: z.enum(findingStatuses),
    /** A risk acceptance past its expiry counts as open again. */
    riskAcceptanceExpired: z.boolean(),
    remediation: z.object({ owner: z.string(), dueDate: z.string(), plan: z.string() }).nullable(),
    providerResponse: z.string().nullable(),
    /** The buyer's note on resolving; null for the provider (buyer-internal). */
    resolutionNote: z.string().nullable(),
    /** The buyer's reason for dismissing; null for the provider (buyer-internal). */
    dismissReason: z.string().nullable(),
    /** The provider sees that a risk was accepted and until when; the justification and the approver only the buyer. */
    riskAcceptance: z.object({ justification: z.string().nullable(), approver: z.string().nullable(), expiresAt: z.string() }).nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ plan: z.boolean(), respond: z.boolean(), resolve: z.boolean(), dismiss: z.boolean(), acceptRisk: z.boolean(), reopen: z.boolean() }),
  })
  .meta({ id: 'Finding' });
export type FindingDto = z.infer<typeof findingDto>;

/**
 * What the findings rest on: the facts the rules read when they last ran for
 * the engagement. The client says so beside every verdict, and never shows
 * "no finding" as reassurance without naming what was checked.
 */
export const findingsBasisDto = z
  .object({
    certificates: z.array(z.object({ id, certificateNumber: z.string(), certificationBody: z.string(), expiryDate: z.string() })),
    soa: z.object({ documentTitle: z.string(), version: z.string().nullable(), date: z.string().nullable() }).nullable(),
    /** The questionnaire whose answers were checked: the latest submitted one, or null when none has been submitted. */
    answers: z.object({ assessmentId: id, title: z.string(), submittedAt: z.string() }).nullable(),
  })
  .meta({ id: 'FindingsBasis' });
export type FindingsBasisDto = z.infer<typeof findingsBasisDto>;

/**
 * countsAsOpen for a finding as presented: the server has already judged a
 * risk acceptance against its date (riskAcceptanceExpired), so a client
 * agrees with the counts and the score whatever its own clock says.
 */
export function isOpenFinding(f: Pick<FindingDto, 'status' | 'riskAcceptanceExpired'>): boolean {
  return f.status === 'risk_accepted' ? f.riskAcceptanceExpired : countsAsOpen(f.status, null, '');
}
