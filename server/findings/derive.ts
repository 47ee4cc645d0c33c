import { isNotApplicable, visibleQuestionKeys } from '../../shared/answers/check';
import { rawCredit } from '../../shared/answers/credit';
import { requiredControlReasons, requiredControls } from '../../shared/engagements/required-controls';
import { currentCertificate, deriveFindings, type AnswerFacts, type CertificateFacts, type DerivedFinding, type MatchVerdict, type RuleInput } from '../../shared/findings/rules';
import { sameLegalEntity } from '../../shared/matching/normalize';
import { matchService } from '../../shared/matching/services';
import { matchSite } from '../../shared/matching/sites';
import { allQuestions } from '../../shared/schemas/template';
import type { Database } from '../db/database';
import { answerMap } from '../presenters/assessment';
import { engagementProfile } from '../presenters/engagement';
import { listAnswers } from '../repositories/assessment';
import { evidenceOf } from '../repositories/document';
import type { EngagementRow } from '../repositories/engagement';
import { scoreOf } from '../scoring/score-assessment';
import { certificatesSharedWith, latestSoaSharedWith, latestSubmittedAssessment, providerAliases } from '../repositories/finding-facts';

const entityVerdict = { same: 'covered', uncertain: 'uncertain', different: 'not_covered' } as const;

/**
 * Gathers what the provider shared with the engagement (certificates, the
 * latest SoA, the latest submitted questionnaire), runs the matching, and
 * hands it all to the pure finding rules.
 */
export async function gatherRuleInput(db: Database, e: EngagementRow, today: string): Promise<RuleInput> {
  const profile = engagementProfile(e);
  const certRows = await certificatesSharedWith(db, e.id);
  const certificates: CertificateFacts[] = certRows.map((c) => ({
    id: c.id,
    documentTitle: c.document_title,
    edition: c.edition,
    certificateNumber: c.certificate_number,
    certificationBody: c.certification_body,
    accreditationBody: c.accreditation_body,
    legalEntity: c.legal_entity,
    issueDate: c.issue_date,
    expiryDate: c.expiry_date,
    soaReference: c.soa_version || c.soa_date ? { ...(c.soa_version ? { version: c.soa_version } : {}), ...(c.soa_date ? { date: c.soa_date } : {}) } : null,
  }));
  const current = currentCertificate(certificates);
  const currentRow = certRows.find((c) => c.id === current?.id);
  const scope = currentRow ? { sites: currentRow.sites, services: currentRow.services, scopeText: currentRow.scope_text } : null;
  const sites = scope ? profile.sites.map((site) => ({ site: site.name || site.city, match: matchSite(site, { sites: scope.sites, scopeText: scope.scopeText }) as MatchVerdict })) : [];
  const services = scope ? profile.services.map((service) => ({ service, match: matchService(service, { services: scope.services, scopeText: scope.scopeText }) as MatchVerdict })) : [];
  let entityMatch: RuleInput['entityMatch'] = null;
  if (current && e.contracting_entity) {
    const m = sameLegalEntity(e.contracting_entity, current.legalEntity, await providerAliases(db, e.provider_org_id));
    entityMatch = { verdict: entityVerdict[m.verdict], explanation: m.explanation };
  }

  const soa = await latestSoaSharedWith(db, e.id);
  const assessment = await latestSubmittedAssessment(db, e.id);
  const answers: AnswerFacts[] = [];
  if (assessment) {
    const rows = await listAnswers(db, assessment.id);
    const values = answerMap(rows);
    const visible = visibleQuestionKeys(assessment.content, values);
    const evidence = await evidenceOf(db, assessment.id);
    for (const q of allQuestions(assessment.content)) {
      const a = rows.find((r) => r.question_key === q.key);
      if (!a || !visible.has(q.key) || a.value === null) continue;
      answers.push({
        assessmentId: assessment.id,
        assessmentTitle: assessment.title,
        submittedAt: assessment.submittedAt.toISOString(),
        question: q,
        value: a.value,
        credit: a.verdict === 'rejected' ? 0 : rawCredit(q, a.value),
        notApplicable: isNotApplicable(q, a.value),
        evidence: evidence.filter((x) => x.question_key === q.key).map((x) => ({ title: x.title, uploadedAt: x.uploaded_at.toISOString() })),
      });
    }
  }

  return {
    today,
    engagement: { name: e.name, contractingEntity: e.contracting_entity },
    certificates,
    soa: soa
      ? {
          id: soa.id,
          documentTitle: soa.document_title,
          version: soa.version,
          date: soa.soa_date,
          numbering: soa.numbering as '2022' | '2013' | 'both' | '2005',
          rows: soa.rows.map((r) => ({ controlId: r.control_id, applicable: r.applicable, implementation: r.implementation, justification: r.justification, method: r.method, sourceRow: r.source_row })),
        }
      : null,
    requiredControls: requiredControls(profile),
    requiredBecause: requiredControlReasons(profile),
    entityMatch,
    sites,
    services,
    answers,
    controlGaps: assessment ? (await scoreOf(db, e, assessment, [])).gaps : [],
  };
}

/** The findings the rules raise now for the engagement. */
export async function currentDerivedFindings(db: Database, e: EngagementRow, today = new Date().toISOString().slice(0, 10)): Promise<DerivedFinding[]> {
  return deriveFindings(await gatherRuleInput(db, e, today));
}
