import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Role } from '../../shared/roles';
import { parseSoaGrid } from '../../shared/soa/parse';
import type { Actor } from '../policies/actor';
import { insertCertificate } from '../repositories/certificate';
import { insertDocument, insertShares } from '../repositories/document';
import { insertEngagement } from '../repositories/engagement';
import { insertSoa } from '../repositories/soa';
import { readSpreadsheetGrid } from '../soa/read-spreadsheet';
import { checkAnswer, visibleQuestionKeys } from '../../shared/answers/check';
import type { AnswerValue } from '../../shared/schemas/answer';
import { allQuestions, type Question, type TemplateContent } from '../../shared/schemas/template';
import type { Database } from '../db/database';
import { insertAssessment, setAssessmentStatus, upsertAnswer } from '../repositories/assessment';
import { findBuiltin } from '../repositories/template';
import { refreshEngagements } from '../findings/summary';
import { demoCertificate, demoCertificatePdf, demoSoaWorkbook } from './demo-files';
import { hashPassword } from '../auth/password';
import type { Deps } from '../deps';
import { recordAudit } from '../repositories/audit';
import { insertOrganization } from '../repositories/organization';
import { insertUser } from '../repositories/user';
import { recordPendingUpload } from '../repositories/pending-upload';
import { discardUpload, settleUpload } from '../uploads/receive';

export const DEMO_PASSWORD = 'demo-password';

export const demoLogins: { email: string; role: Role; organization: string; name: string }[] = [
  { email: 'admin@northwind.demo.test', role: 'admin', organization: 'Northwind Bank', name: 'Nadia Okafor' },
  { email: 'analyst@northwind.demo.test', role: 'analyst', organization: 'Northwind Bank', name: 'Arjun Mehta' },
  { email: 'legal@northwind.demo.test', role: 'legal', organization: 'Northwind Bank', name: 'Lena Fischer' },
  { email: 'admin@acme.demo.test', role: 'admin', organization: 'Acme BPO', name: 'Maria Santos' },
];

/**
 * Seeds the demo: buyer Northwind Bank and provider Acme BPO with their
 * users; an engagement for card-holder support delivered from Cebu City; the
 * provider's ISO/IEC 27001:2022 certificate (whose scope covers only the
 * Makati site) and its SoA, both shared with the engagement. The caller
 * checks the database is empty first; the rows are written in one transaction.
 */
export async function seedDemo(deps: Deps): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const origin = { ip: null, requestId: null, actorUserId: null, actorEmail: null };
  // Files first (storage is not transactional), noted as pending uploads like any other: removed
  // again if the database part fails, or by the next start after a crash.
  const files = [
    { kind: 'certificate' as const, title: 'ISO/IEC 27001:2022 certificate', name: 'Acme-ISO27001-certificate.pdf', mime: 'application/pdf', content: await demoCertificatePdf() },
    { kind: 'soa' as const, title: 'Statement of Applicability v1.1', name: 'Acme-SoA-v1.1.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await demoSoaWorkbook() },
  ].map((f) => ({ ...f, key: crypto.randomBytes(32).toString('hex'), sha256: crypto.createHash('sha256').update(f.content).digest('hex') }));
  for (const f of files) {
    await recordPendingUpload(deps.db, f.key);
    await deps.storage.put(f.key, Readable.from([f.content]), { contentType: f.mime });
  }
  const soaReading = parseSoaGrid((await readSpreadsheetGrid(files[1]!.content, 'xlsx')).grid);
  let engagementId = '';
  try {
    await deps.db.transaction().execute(async (trx) => {
      const northwind = await insertOrganization(trx, { kind: 'buyer', name: 'Northwind Bank', aliases: ['Northwind Bank plc'] });
      const acme = await insertOrganization(trx, { kind: 'provider', name: 'Acme BPO', aliases: ['Acme BPO Philippines, Inc.', 'Acme Business Process Outsourcing'] });
      const orgs = { 'Northwind Bank': northwind, 'Acme BPO': acme } as const;
      const actors: Record<string, Actor> = {};
      for (const login of demoLogins) {
        const org = orgs[login.organization as keyof typeof orgs];
        const user = await insertUser(trx, { organizationId: org.id, email: login.email, name: login.name, role: login.role, passwordHash });
        actors[login.email] = { userId: user.id, email: login.email, name: login.name, role: login.role, organizationId: org.id, organizationKind: org.kind as 'buyer' | 'provider', organizationName: org.name };
        await recordAudit(trx, origin, { action: 'user.created', organizationId: org.id, targetType: 'user', targetId: user.id, details: { email: login.email, role: login.role, source: 'demo seed' } });
      }
      const analyst = actors['analyst@northwind.demo.test']!;
      const provider = actors['admin@acme.demo.test']!;
      engagementId = await insertEngagement(trx, analyst, acme.id, {
        name: 'Inbound customer support for card holders',
        description: 'Voice and chat support for Northwind credit card holders, 24/7, including card blocking and disputes.',
        services: ['Inbound customer support (voice and chat) for card holders'],
        sites: [{ name: 'Acme Cebu delivery centre', address: '5th Floor, i2 Building, Cebu IT Park, Lahug', city: 'Cebu City', country: 'PH' }],
        contractingEntity: 'Acme BPO Philippines, Inc.',
        contractingEntityAliases: [],
        dataCategories: ['payment_card', 'personal_data'],
        usesCloud: true,
        remoteWork: false,
        developsSoftware: false,
        subcontractors: [],
      });
      const ids: string[] = [];
      for (const f of files) {
        await settleUpload(trx, f.key);
        ids.push(await insertDocument(trx, provider, { version: 1, kind: f.kind, title: f.title, originalName: f.name, mime: f.mime, size: f.content.length, sha256: f.sha256, storageKey: f.key }));
      }
      await insertShares(trx, provider, engagementId, ids);
      const c = demoCertificate;
      await insertCertificate(trx, provider, {
        documentId: ids[0]!,
        standard: 'ISO/IEC 27001',
        edition: '2022',
        certificateNumber: c.number,
        certificationBody: c.body,
        accreditationBody: c.accreditation,
        legalEntity: c.entity,
        issueDate: c.issueDate,
        expiryDate: c.expiryDate,
        originalCertificationDate: '2021-05-14',
        scopeText: c.scope,
        sites: [c.site],
        services: c.services,
        soaReference: c.soa,
      });
      await insertSoa(trx, provider, {
        documentId: ids[1]!,
        version: soaReading.version,
        date: soaReading.date,
        numbering: soaReading.numbering,
        rows: soaReading.rows.map((r) => ({ controlId: r.controlId, applicable: r.applicable, implementation: r.implementation, justification: r.justification, source: r.source })),
        importReport: soaReading.report,
      });
      await seedQuestionnaire(trx, analyst, provider, { id: engagementId, name: 'Inbound customer support for card holders', providerOrgId: acme.id });
    });
  } catch (err) {
    for (const f of files) await discardUpload(deps, f.key).catch(() => undefined);
    throw err;
  }
  // The portfolio shows the demo engagement with its findings from the first login.
  await refreshEngagements(deps, [engagementId]);
}

/** A plausible answer for the i-th question: mostly positive, some partial or negative, so the demo shows real gaps. */
function demoAnswer(q: Question, i: number): { value: AnswerValue; comment: string | null } {
  switch (q.answerType) {
    case 'yes_no':
      return { value: i % 5 === 3 ? 'partial' : i % 7 === 4 ? 'no' : 'yes', comment: i % 5 === 3 ? 'Rolled out at Makati; Cebu follows next quarter.' : null };
    case 'single_choice': {
      const scored = q.options.filter((o) => o.credit !== null);
      return { value: (scored[i % 3 === 0 ? scored.length - 1 : 0] ?? q.options[0]!).key, comment: null };
    }
    case 'multiple_choice':
      return { value: [q.options.find((o) => o.credit !== null)!.key], comment: null };
    case 'date':
      return { value: '2026-06-30', comment: null };
    case 'number':
      return { value: 4, comment: null };
    default:
      return { value: 'Documented in the ISMS manual, section 4; see the attached policy.', comment: null };
  }
}

/**
 * The demo questionnaire: BPO essentials sent to Acme for the Cebu
 * engagement, half answered, due in two weeks.
 */
async function seedQuestionnaire(trx: Database, analyst: Actor, provider: Actor, engagement: { id: string; name: string; providerOrgId: string }) {
  const template = await findBuiltin(trx, 'bpo-essentials');
  if (!template) return;
  const version = await trx.selectFrom('template_versions').select(['id', 'name']).where('template_id', '=', template.id).where('version', '=', template.current_version).executeTakeFirstOrThrow();
  const due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
  const assessmentId = await insertAssessment(trx, analyst, { engagementId: engagement.id, providerOrgId: engagement.providerOrgId, templateVersionId: version.id, title: `${version.name} — ${engagement.name}`, dueDate: due });
  await setAssessmentStatus(trx, assessmentId, 'sent');
  const content = template.content as unknown as TemplateContent;
  const answers = new Map<string, AnswerValue>();
  const questions = allQuestions(content);
  let answered = 0;
  for (const [i, q] of questions.entries()) {
    if (answered >= Math.floor(questions.length / 2)) break;
    if (!visibleQuestionKeys(content, answers).has(q.key)) continue;
    const a = demoAnswer(q, i);
    if (checkAnswer(q, a)) continue;
    await upsertAnswer(trx, { assessmentId, questionKey: q.key, value: a.value, comment: a.comment, userId: provider.userId, sourceAnswerId: null });
    answers.set(q.key, a.value);
    answered++;
  }
  await setAssessmentStatus(trx, assessmentId, 'in_progress');

  // Last year's review, completed: the score, the rating and the real gaps a buyer sees at first login.
  const previous = await insertAssessment(trx, analyst, { engagementId: engagement.id, providerOrgId: engagement.providerOrgId, templateVersionId: version.id, title: `${version.name} — 2025 review`, dueDate: '2025-12-15' });
  const lastYear = new Map<string, AnswerValue>();
  for (const [i, q] of questions.entries()) {
    if (!visibleQuestionKeys(content, lastYear).has(q.key)) continue;
    let a = demoAnswer(q, i + 1);
    if (checkAnswer(q, a)) a = { value: q.answerType === 'yes_no' ? 'no' : a.value, comment: a.comment };
    if (checkAnswer(q, a)) continue;
    await upsertAnswer(trx, { assessmentId: previous, questionKey: q.key, value: a.value, comment: a.comment, userId: provider.userId, sourceAnswerId: null });
    lastYear.set(q.key, a.value);
  }
  await trx
    .updateTable('assessments')
    .set({ status: 'completed', sent_at: new Date('2025-11-20T09:00:00Z'), submitted_at: new Date('2025-12-10T16:30:00Z'), completed_at: new Date('2025-12-18T11:00:00Z') })
    .where('id', '=', previous)
    .execute();
}
