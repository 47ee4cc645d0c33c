import type { FindingCode, Severity } from '../../shared/findings/codes';
import { countsAsOpen, type FindingDto, type FindingStatus, type FindingsBasisDto } from '../../shared/schemas/finding';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { FindingRow } from '../repositories/finding';
import type { findingsBasis } from '../repositories/finding-facts';

export const findingSubject = (f: FindingRow) => ({ buyerOrgId: f.buyer_org_id, providerOrgId: f.provider_org_id, status: f.status as FindingStatus });

/**
 * The buyer's own reasoning (why a risk was accepted and who approved it, why
 * a finding was dismissed, how it was resolved) is its internal judgement of
 * the supplier: only the finding's buyer reads it. The provider sees the state
 * and until when a risk is accepted (docs/findings.md, "Who sees what").
 */
const buyerReasoning = <T>(actor: Actor, f: FindingRow, value: T): T | null => (actor.organizationId === f.buyer_org_id ? value : null);

export function presentFinding(actor: Actor, f: FindingRow, today = new Date().toISOString().slice(0, 10)): FindingDto {
  const s = findingSubject(f);
  return {
    id: f.id,
    code: f.code as FindingCode,
    severity: f.severity as Severity,
    title: f.title,
    explanation: f.explanation,
    controlIds: f.control_ids,
    facts: f.facts as Record<string, unknown>,
    active: f.active,
    status: s.status,
    riskAcceptanceExpired: s.status === 'risk_accepted' && countsAsOpen(s.status, f.risk_expires, today),
    remediation: f.remediation_owner && f.remediation_due && f.remediation_plan ? { owner: f.remediation_owner, dueDate: f.remediation_due, plan: f.remediation_plan } : null,
    providerResponse: f.provider_response,
    resolutionNote: buyerReasoning(actor, f, f.resolution_note),
    dismissReason: buyerReasoning(actor, f, f.dismiss_reason),
    riskAcceptance:
      f.risk_justification && f.risk_approver && f.risk_expires
        ? { justification: buyerReasoning(actor, f, f.risk_justification), approver: buyerReasoning(actor, f, f.risk_approver), expiresAt: f.risk_expires }
        : null,
    firstSeenAt: f.first_seen_at.toISOString(),
    lastSeenAt: f.last_seen_at.toISOString(),
    updatedAt: f.updated_at.toISOString(),
    abilities: {
      plan: can(actor, 'finding.plan', s),
      respond: can(actor, 'finding.respond', s),
      resolve: can(actor, 'finding.resolve', s),
      dismiss: can(actor, 'finding.dismiss', s),
      acceptRisk: can(actor, 'finding.acceptRisk', s),
      reopen: can(actor, 'finding.reopen', s),
    },
  };
}

/** What the rules read, as the client names it beside the verdicts. */
export function presentFindingsBasis(b: Awaited<ReturnType<typeof findingsBasis>>): FindingsBasisDto {
  return {
    certificates: b.certificates.map((c) => ({ id: c.id, certificateNumber: c.certificate_number, certificationBody: c.certification_body, expiryDate: c.expiry_date })),
    soa: b.soa ? { documentTitle: b.soa.document_title, version: b.soa.version, date: b.soa.soa_date } : null,
    answers: b.answers ? { assessmentId: b.answers.id, title: b.answers.title, submittedAt: b.answers.submitted_at!.toISOString() } : null,
  };
}
