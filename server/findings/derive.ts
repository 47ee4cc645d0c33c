import { isNotApplicable, visibleQuestionKeys } from '../../shared/answers/check';
import { rawCredit } from '../../shared/answers/credit';
import { requiredControlReasons, requiredControls } from '../../shared/engagements/required-controls';
import { certificateLabel, certificateVoidReason, currentCertificate, deriveFindings, type AnswerFacts, type CertificateFacts, type DerivedFinding, type EntityMatchFacts, type MatchVerdict, type RuleInput } from '../../shared/findings/rules';
import { judgeAcrossCertificates, type CoverageSource } from '../../shared/matching/coverage';
import { matchCertificateHolder } from '../../shared/matching/holder';
import { matchService, prepareServiceScope } from '../../shared/matching/services';
import { matchSite, prepareSiteScope } from '../../shared/matching/sites';
import type { ScopeJudgementDto } from '../../shared/schemas/engagement';
import { allQuestions } from '../../shared/schemas/template';
import type { Database } from '../db/database';
import { answerMap } from '../presenters/assessment';
import { engagementProfile } from '../presenters/engagement';
import { listAnswers } from '../repositories/assessment';
import { evidenceOf } from '../repositories/document';
import type { EngagementRow } from '../repositories/engagement';
import { scoreOf } from '../scoring/score-assessment';
import { latestVerifications } from '../repositories/certificate-verification';
import { certificatesSharedWith, latestSoaSharedWith, latestSubmittedAssessment } from '../repositories/finding-facts';

const entityVerdict = { same: 'covered', uncertain: 'uncertain', different: 'not_covered' } as const;

/**
 * The certificates shared with the engagement, and each contracted site and
 * service judged against all of them (the union of the valid ones), with the
 * holder of each checked against the contracting entity and its own names.
 */
async function judgeScope(db: Database, e: EngagementRow, today: string) {
  const profile = engagementProfile(e);
  const certRows = await certificatesSharedWith(db, e.id);
  // The buyer's own checks in public directories: another buyer's check is not this buyer's due diligence.
  const checks = await latestVerifications(db, e.buyer_org_id, certRows.map((c) => c.id));
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
    verification: checks.get(c.id) ?? null,
  }));
  const current = currentCertificate(certificates);
  // The holder of every valid certificate (and of the one judged for expiry) against the contracting entity and its own names.
  const holderOf = new Map<string, EntityMatchFacts>();
  const sources: CoverageSource[] = certificates.map((c) => {
    const voidReason = certificateVoidReason(c, certificates, today);
    if (e.contracting_entity && (!voidReason || c.id === current?.id)) {
      const m = matchCertificateHolder({ entity: e.contracting_entity, aliases: e.contracting_entity_aliases ?? [] }, { name: c.legalEntity, certificate: certificateLabel(c) });
      holderOf.set(c.id, { certificateId: c.id, verdict: entityVerdict[m.verdict], explanation: m.explanation, compared: m.compared });
    }
    return { certificateId: c.id, label: certificateLabel(c), voidReason, heldByOther: holderOf.get(c.id)?.verdict === 'not_covered' ? c.legalEntity : null };
  });
  // Each certificate's sites, services and scope text are read once, not once per contracted site (issue 14).
  const sitesOf = new Map(certRows.map((c) => [c.id, prepareSiteScope({ sites: c.sites, scopeText: c.scope_text })]));
  const servicesOf = new Map(certRows.map((c) => [c.id, prepareServiceScope({ services: c.services, scopeText: c.scope_text })]));
  const sites = current ? profile.sites.map((site) => ({ site: site.name || site.city, match: judgeAcrossCertificates(sources, (id) => matchSite(site, sitesOf.get(id)!)) })) : [];
  const services = current ? profile.services.map((service) => ({ service, match: judgeAcrossCertificates(sources, (id) => matchService(service, servicesOf.get(id)!)) })) : [];
  const entityMatches = [...holderOf.values()];
  const currentHolder = current ? holderOf.get(current.id) : undefined;
  const entityMatch: RuleInput['entityMatch'] = currentHolder ? { verdict: currentHolder.verdict, explanation: currentHolder.explanation } : null;
  return { profile, certificates, entityMatch, entityMatches, sites, services };
}

/**
 * Gathers what the provider shared with the engagement (certificates, the
 * latest SoA, the latest submitted questionnaire), runs the matching, and
 * hands it all to the pure finding rules.
 */
export async function gatherRuleInput(db: Database, e: EngagementRow, today: string): Promise<RuleInput> {
  const { profile, certificates, entityMatch, entityMatches, sites, services } = await judgeScope(db, e, today);
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
    entityMatches,
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

/** Each contracted site and service judged against every certificate shared, covered or not (the scope table). */
export async function scopeJudgement(db: Database, e: EngagementRow, today = new Date().toISOString().slice(0, 10)): Promise<ScopeJudgementDto> {
  return (await scopeWithCertificates(db, e, today)).scope;
}

/**
 * The scope table with what it rests on, from the same judgement: each
 * certificate's facts with the buyer's latest directory check, and the sites
 * and services the engagement contracts (the table is empty of them when no
 * certificate is shared). The assessment report prints all three.
 */
export async function scopeWithCertificates(db: Database, e: EngagementRow, today = new Date().toISOString().slice(0, 10)) {
  const input = await judgeScope(db, e, today);
  const judged = (m: MatchVerdict) => ({ verdict: m.verdict, explanation: m.explanation, coveredBy: m.coveredBy ?? [], byCertificate: m.byCertificate ?? [] });
  const scope: ScopeJudgementDto = {
    certificates: input.certificates.map((c) => {
      const voidReason = certificateVoidReason(c, input.certificates, today);
      return { id: c.id, label: certificateLabel(c), legalEntity: c.legalEntity, expiryDate: c.expiryDate, valid: !voidReason, voidReason };
    }),
    sites: input.sites.map((s) => ({ site: s.site, ...judged(s.match) })),
    services: input.services.map((s) => ({ service: s.service, ...judged(s.match) })),
  };
  const contracted = { sites: input.profile.sites.map((site) => site.name || site.city), services: input.profile.services };
  return { scope, certificates: input.certificates, contracted };
}
