import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { controlIds } from '../../shared/catalog';
import { makePdf } from '../helpers/files';
import request from 'supertest';
import type { Role } from '../../shared/roles';
import { routeTable } from '../../server/routes';
import { insertInvitation } from '../../server/repositories/invitation';
import { createTestContext, type TestContext } from '../helpers/context';
import { tableDigest } from '../helpers/digest';
import type { AssessmentStatus } from '../../shared/schemas/assessment';
import { answerIdOf, completeSmallAnswers, engagementInput, makeAssessment, makeDocument, makeEngagement, makeTemplate, makeUser, shareDocument } from '../helpers/factories';
import { smallTemplate } from '../helpers/template-fixture';
import { templateContent } from '../../shared/schemas/template';
import { buildAnswerWorkbook } from '../../server/assessments/offline-workbook';
import { exportTemplateWorkbook } from '../../server/templates/xlsx';
import { buildWorld, personaRole, personas, type Org, type Persona, type World } from './world';

/**
 * The authorization matrix: every route × every role × own or another
 * organization's object. A route added to the route table without a row
 * here fails the first test. Refused writes must change nothing.
 */

type Tenant = 'own' | 'other';
interface Req {
  path: string;
  body?: unknown;
  /** Sent as multipart/form-data with a `file` instead of JSON. */
  upload?: { fields: Record<string, string>; file: Buffer; name: string };
}
type Expected = number | { own: number; other: number };

interface AuthenticatedCase {
  /**
   * Builds the request for one persona against an object of its own
   * organization's side ("own": the persona's organization and its
   * counterpart) or of another buyer/provider pair ("other").
   */
  request: (w: World, persona: Persona, tenant: Tenant) => Promise<Req>;
  /** Whether the route addresses one object, so "another tenant's" applies. */
  scoped: boolean;
  expect: Record<Persona, Expected>;
  /** Tables whose contents a refused request must leave unchanged. */
  watch?: string[];
}
type Case = { public: true } | AuthenticatedCase;

const all = (status: Expected) => Object.fromEntries(personas.map((p) => [p, status])) as Record<Persona, Expected>;
const adminsOnly = (allowed: Expected, refused: Expected) =>
  Object.fromEntries(personas.map((p) => [p, personaRole[p].role === 'admin' ? allowed : refused])) as Record<Persona, Expected>;

const orgOf = (w: World, persona: Persona, tenant: Tenant): Org => w[tenant][personaRole[persona].kind];
const byRole = (e: Partial<Record<'buyerManager' | 'buyerLegal' | 'provider', Expected>>): Record<Persona, Expected> => ({
  buyerAdmin: e.buyerManager!,
  buyerAnalyst: e.buyerManager!,
  buyerLegal: e.buyerLegal!,
  providerAdmin: e.provider!,
  providerContributor: e.provider!,
});
const scopedStatus = (own: number) => ({ own, other: 404 });

/** A provider document shared with an engagement of the tenant's pair. */
async function sharedDocument(w: World, tenant: Tenant, kind = 'evidence', content?: Buffer) {
  const { engagementId } = await pairObjects(w, tenant);
  const documentId = await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind, content });
  await shareDocument(w.db, engagementId, documentId);
  return documentId;
}

let pdf: Buffer | undefined;
const certificatePdf = async () => (pdf ??= await makePdf(['CERTIFICATE OF REGISTRATION', 'ISO/IEC 27001:2022', 'Certificate No: IS 123456', 'Issued by BSI']));

const certificateBody = (documentId: string) => ({
  documentId,
  standard: 'ISO/IEC 27001',
  edition: '2022',
  certificateNumber: 'IS 123456',
  certificationBody: 'BSI',
  accreditationBody: 'UKAS',
  legalEntity: 'Acme BPO Philippines, Inc.',
  issueDate: '2025-01-10',
  expiryDate: '2028-01-09',
  scopeText: 'Contact centre services from Makati City',
});

const soaBody = (documentId: string) => ({ documentId, rows: controlIds.map((controlId) => ({ controlId, applicable: true, implementation: 'full' })) });

/** A certificate of the tenant's provider whose document is shared with the tenant's engagement. */
async function sharedCertificate(w: World, tenant: Tenant) {
  const documentId = await sharedDocument(w, tenant, 'certificate');
  const row = await w.db
    .insertInto('certificates')
    .values({
      organization_id: w[tenant].provider.id,
      document_id: documentId,
      standard: 'ISO/IEC 27001',
      edition: '2022',
      certificate_number: 'IS 1',
      certification_body: 'BSI',
      legal_entity: 'Acme',
      issue_date: '2025-01-01',
      expiry_date: '2028-01-01',
      scope_text: 'Contact centre',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A draft schedule of the tenant's buyer for a fresh engagement. */
async function makeSchedule(w: World, tenant: Tenant) {
  const { engagementId } = await pairObjects(w, tenant);
  const s = await w.db.insertInto('security_schedules').values({ engagement_id: engagementId, buyer_org_id: w[tenant].buyer.id, title: 'Schedule' }).returning('id').executeTakeFirstOrThrow();
  await w.db.insertInto('schedule_clauses').values({ schedule_id: s.id, position: 0, clause_key: 'right-to-audit', title: 'Right to audit', text: 'The Provider shall…' }).execute();
  return s.id;
}

/** A fresh engagement, template and assessment of the pair on the tenant's side. */
async function pairObjects(w: World, tenant: Tenant, status: AssessmentStatus = 'sent', answers: Parameters<typeof makeAssessment>[3] = {}) {
  const { buyer, provider } = w[tenant];
  const engagementId = await makeEngagement(w.db, buyer.id, provider.id);
  const template = await makeTemplate(w.db, buyer.id);
  const assessmentId = await makeAssessment(w.db, { engagementId, buyerOrgId: buyer.id, providerOrgId: provider.id, templateVersionId: template.versionId }, status, answers);
  return { engagementId, templateId: template.id, assessmentId };
}
const unique = () => crypto.randomBytes(4).toString('hex');
const memberRole = (org: Org): Role => (org.kind === 'buyer' ? 'analyst' : 'contributor');

const cases: Record<string, Case> = {
  'GET /healthz': { public: true },
  'GET /readyz': { public: true },
  'GET /api/openapi.json': { public: true },
  'GET /api/auth/csrf': { public: true },
  'POST /api/auth/login': { public: true },
  'POST /api/auth/logout': { public: true },
  'POST /api/invitations/inspect': { public: true },
  'POST /api/invitations/accept': { public: true },
  'GET /api/auth/me': { scoped: false, request: async () => ({ path: '/api/auth/me' }), expect: all(200) },
  'GET /api/users': { scoped: false, request: async () => ({ path: '/api/users' }), expect: adminsOnly(200, 403) },
  'GET /api/invitations': { scoped: false, request: async () => ({ path: '/api/invitations' }), expect: adminsOnly(200, 403) },
  'GET /api/audit-events': { scoped: false, request: async () => ({ path: '/api/audit-events' }), expect: adminsOnly(200, 403) },
  'POST /api/invitations': {
    scoped: false,
    request: async (_w, persona) => ({ path: '/api/invitations', body: { email: `m-${unique()}@example.test`, role: personaRole[persona].kind === 'buyer' ? 'analyst' : 'contributor' } }),
    expect: adminsOnly(201, 403),
    watch: ['invitations', 'users'],
  },
  'PATCH /api/users/:id': {
    scoped: true,
    request: async (w, persona, tenant) => {
      const org = orgOf(w, persona, tenant);
      const target = await makeUser(w.db, org.id, memberRole(org));
      return { path: `/api/users/${target.id}`, body: { status: 'disabled' } };
    },
    expect: adminsOnly({ own: 200, other: 404 }, { own: 403, other: 404 }),
    watch: ['users'],
  },
  'DELETE /api/invitations/:id': {
    scoped: true,
    request: async (w, persona, tenant) => {
      const org = orgOf(w, persona, tenant);
      const id = await insertInvitation(w.db, { organizationId: org.id, email: `i-${unique()}@example.test`, role: memberRole(org), tokenHash: unique(), invitedBy: null, expiresAt: new Date(Date.now() + 86400000) });
      return { path: `/api/invitations/${id}` };
    },
    expect: adminsOnly({ own: 200, other: 404 }, { own: 403, other: 404 }),
    watch: ['invitations'],
  },
  'GET /api/controls': { scoped: false, request: async () => ({ path: '/api/controls?theme=People' }), expect: all(200) },
  'GET /api/providers': { scoped: false, request: async () => ({ path: '/api/providers?q=Provider' }), expect: byRole({ buyerManager: 200, buyerLegal: 403, provider: 403 }) },
  'GET /api/engagements': { scoped: false, request: async () => ({ path: '/api/engagements' }), expect: all(200) },
  'POST /api/engagements': {
    scoped: false,
    request: async (w) => ({ path: '/api/engagements', body: { ...engagementInput(), providerOrganizationId: w.own.provider.id } }),
    expect: byRole({ buyerManager: 201, buyerLegal: 403, provider: 403 }),
    watch: ['engagements', 'organizations'],
  },
  'GET /api/engagements/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}` }),
    expect: all(scopedStatus(200)),
  },
  'PATCH /api/engagements/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}`, body: { riskOverride: { tier: 1, reason: 'Board-level customer' } } }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 403, other: 404 } }),
    watch: ['engagements'],
  },
  'GET /api/engagements/:id/assessments': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}/assessments` }),
    expect: all(scopedStatus(200)),
  },
  'POST /api/engagements/:id/assessments': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const o = await pairObjects(w, tenant);
      return { path: `/api/engagements/${o.engagementId}/assessments`, body: { templateId: o.templateId, dueDate: '2099-01-01' } };
    },
    expect: byRole({ buyerManager: scopedStatus(201), buyerLegal: { own: 403, other: 404 }, provider: { own: 403, other: 404 } }),
    watch: ['assessments'],
  },
  'GET /api/templates': { scoped: false, request: async () => ({ path: '/api/templates' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'POST /api/templates': {
    scoped: false,
    request: async () => ({ path: '/api/templates', body: smallTemplate }),
    expect: byRole({ buyerManager: 201, buyerLegal: 403, provider: 403 }),
    watch: ['templates', 'template_versions'],
  },
  'GET /api/templates/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/templates/${(await makeTemplate(w.db, w[tenant].buyer.id)).id}` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 403, other: 403 } }),
  },
  'PUT /api/templates/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/templates/${(await makeTemplate(w.db, w[tenant].buyer.id)).id}`, body: { ...smallTemplate, name: 'Edited' } }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 404, other: 404 } }),
    watch: ['templates', 'template_versions'],
  },
  'DELETE /api/templates/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/templates/${(await makeTemplate(w.db, w[tenant].buyer.id)).id}` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 404, other: 404 } }),
    watch: ['templates'],
  },
  'GET /api/assessments': { scoped: false, request: async () => ({ path: '/api/assessments' }), expect: all(200) },
  'GET /api/assessments/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant)).assessmentId}` }),
    expect: all(scopedStatus(200)),
  },
  'POST /api/assessments/:id/send': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'draft')).assessmentId}/send` }),
    // A draft does not exist for the provider.
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 404, other: 404 } }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/submit': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'in_progress', completeSmallAnswers)).assessmentId}/submit` }),
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/complete': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId}/complete` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 403, other: 404 } }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/cancel': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant)).assessmentId}/cancel` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 403, other: 404 } }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/return': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId}/return`, body: { message: 'Please add evidence' } }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 403, other: 404 } }),
    watch: ['assessments'],
  },
  'PUT /api/assessments/:id/answers/:questionKey': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant)).assessmentId}/answers/screening`, body: { value: 'partial' } }),
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['answers', 'assessments'],
  },
  'PUT /api/assessments/:id/answers/:questionKey/review': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId}/answers/screening/review`, body: { verdict: 'accepted' } }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: { own: 403, other: 404 } }),
    watch: ['answers', 'answer_comments'],
  },
  'POST /api/assessments/:id/answers/:questionKey/comments': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant)).assessmentId}/answers/screening/comments`, body: { body: 'Which screening vendor?' } }),
    expect: all(scopedStatus(201)),
    watch: ['answer_comments'],
  },
  'GET /api/assessments/:id/suggestions': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant)).assessmentId}/suggestions` }),
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
  },
  'POST /api/assessments/:id/answers/:questionKey/reuse': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const earlier = await pairObjects(w, tenant, 'completed', { screening: { value: 'yes', verdict: 'accepted' } });
      const target = await pairObjects(w, tenant);
      return { path: `/api/assessments/${target.assessmentId}/answers/screening/reuse`, body: { sourceAnswerId: answerIdOf(earlier.assessmentId, 'screening') } };
    },
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['answers'],
  },
  'POST /api/documents': {
    scoped: false,
    request: async () => ({ path: '/api/documents', upload: { fields: { kind: 'policy' }, file: Buffer.from('Information security policy\n'), name: 'policy.txt' } }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 201 }),
    watch: ['documents'],
  },
  'GET /api/documents': { scoped: false, request: async () => ({ path: '/api/documents' }), expect: all(200) },
  'GET /api/documents/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/documents/${await sharedDocument(w, tenant)}` }),
    expect: all(scopedStatus(200)),
  },
  'GET /api/documents/:id/content': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/documents/${await sharedDocument(w, tenant)}/content` }),
    expect: all(scopedStatus(200)),
  },
  'GET /api/engagements/:id/documents': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}/documents` }),
    expect: all(scopedStatus(200)),
  },
  'POST /api/engagements/:id/shares': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const { engagementId } = await pairObjects(w, tenant);
      return { path: `/api/engagements/${engagementId}/shares`, body: { documentIds: [await makeDocument(w.db, w.storage, w[tenant].provider.id)] } };
    },
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['document_shares'],
  },
  'DELETE /api/engagements/:id/shares/:documentId': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const { engagementId } = await pairObjects(w, tenant);
      const documentId = await makeDocument(w.db, w.storage, w[tenant].provider.id);
      await shareDocument(w.db, engagementId, documentId);
      return { path: `/api/engagements/${engagementId}/shares/${documentId}` };
    },
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(204) }),
    watch: ['document_shares'],
  },
  'POST /api/documents/:id/extract-certificate': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/documents/${await sharedDocument(w, tenant, 'certificate', await certificatePdf())}/extract-certificate` }),
    // Buyers may see the shared certificate but only its provider reads it into facts.
    expect: byRole({ buyerManager: { own: 403, other: 403 }, buyerLegal: { own: 403, other: 403 }, provider: scopedStatus(200) }),
  },
  'POST /api/certificates': {
    scoped: false,
    request: async (w) => ({ path: '/api/certificates', body: certificateBody(await makeDocument(w.db, w.storage, w.own.provider.id, { kind: 'certificate' })) }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 201 }),
    watch: ['certificates'],
  },
  'GET /api/certificates': { scoped: false, request: async () => ({ path: '/api/certificates' }), expect: all(200) },
  'GET /api/certificates/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/certificates/${await sharedCertificate(w, tenant)}` }),
    expect: all(scopedStatus(200)),
  },
  'PATCH /api/certificates/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/certificates/${await sharedCertificate(w, tenant)}`, body: { certificateNumber: 'IS 999' } }),
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['certificates'],
  },
  'POST /api/soas/import': {
    scoped: false,
    request: async () => ({ path: '/api/soas/import', upload: { fields: {}, file: fs.readFileSync(path.join(__dirname, '../soa/fixtures/clean-2022.xlsx')), name: 'soa.xlsx' } }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 200 }),
  },
  'POST /api/soas': {
    scoped: false,
    request: async (w) => ({ path: '/api/soas', body: soaBody(await makeDocument(w.db, w.storage, w.own.provider.id, { kind: 'soa' })) }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 201 }),
    watch: ['soas', 'soa_rows'],
  },
  'GET /api/soas': { scoped: false, request: async () => ({ path: '/api/soas' }), expect: all(200) },
  'GET /api/soas/:id': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const documentId = await sharedDocument(w, tenant, 'soa');
      const soa = await w.db
        .insertInto('soas')
        .values({ organization_id: w[tenant].provider.id, document_id: documentId, numbering: '2022' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { path: `/api/soas/${soa.id}` };
    },
    expect: all(scopedStatus(200)),
  },
  'GET /api/assessments/:id/export': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant)).assessmentId}/export` }),
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
  },
  'POST /api/assessments/:id/import': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const { assessmentId } = await pairObjects(w, tenant);
      const content = templateContent.parse(smallTemplate);
      const file = await buildAnswerWorkbook({ assessmentId, title: 'x', buyerName: 'y', dueDate: '2099-01-01', content, answers: new Map([['screening', { value: 'yes', comment: null }]]) });
      return { path: `/api/assessments/${assessmentId}/import`, upload: { fields: {}, file, name: 'answers.xlsx' } };
    },
    expect: byRole({ buyerManager: { own: 403, other: 404 }, buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['answers'],
  },
  'POST /api/templates/import': {
    scoped: false,
    request: async () => ({ path: '/api/templates/import', upload: { fields: {}, file: await exportTemplateWorkbook(templateContent.parse(smallTemplate)), name: 'template.xlsx' } }),
    expect: byRole({ buyerManager: 201, buyerLegal: 403, provider: 403 }),
    watch: ['templates', 'template_versions'],
  },
  'GET /api/templates/:id/export': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/templates/${(await makeTemplate(w.db, w[tenant].buyer.id)).id}/export` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 403, other: 403 } }),
  },
  'GET /api/engagements/:id/findings': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}/findings` }),
    expect: all(scopedStatus(200)),
  },
  'PATCH /api/findings/:id': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const { engagementId } = await pairObjects(w, tenant);
      const f = await w.db
        .insertInto('findings')
        .values({ engagement_id: engagementId, key: 'CERT_MISSING', code: 'CERT_MISSING', severity: 'high', title: 'No certificate', explanation: 'No certificate shared' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { path: `/api/findings/${f.id}`, body: { action: 'plan_remediation', owner: 'Owner', dueDate: '2099-01-01', plan: 'Share the certificate' } };
    },
    // Either side plans remediation; legal reads.
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: { own: 403, other: 404 }, provider: scopedStatus(200) }),
    watch: ['findings'],
  },
  'GET /api/assessments/:id/score': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId}/score` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 403, other: 404 } }),
  },
  'GET /api/engagements/:id/summary': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}/summary` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 403, other: 404 } }),
  },
  'GET /api/portfolio': { scoped: false, request: async () => ({ path: '/api/portfolio?sort=score' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'GET /api/scoring': { scoped: false, request: async () => ({ path: '/api/scoring' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'PUT /api/scoring/profile': {
    scoped: false,
    request: async () => ({ path: '/api/scoring/profile', body: { weights: { '8.24': 3, '5.1': 0 } } }),
    expect: byRole({ buyerManager: 200, buyerLegal: 403, provider: 403 }),
    watch: ['scoring_profiles'],
  },
  'GET /api/assessments/:id/report': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/assessments/${(await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId}/report?format=xlsx` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 403, other: 404 } }),
  },
  'POST /api/engagements/:id/security-schedules': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/engagements/${(await pairObjects(w, tenant)).engagementId}/security-schedules`, body: {} }),
    expect: { buyerAdmin: scopedStatus(201), buyerAnalyst: { own: 403, other: 404 }, buyerLegal: scopedStatus(201), providerAdmin: { own: 403, other: 404 }, providerContributor: { own: 403, other: 404 } },
    watch: ['security_schedules', 'schedule_clauses'],
  },
  'GET /api/security-schedules/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/security-schedules/${await makeSchedule(w, tenant)}` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 404, other: 404 } }),
  },
  'PATCH /api/security-schedules/:id': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/security-schedules/${await makeSchedule(w, tenant)}`, body: { exclude: ['right-to-audit'] } }),
    expect: { buyerAdmin: scopedStatus(200), buyerAnalyst: { own: 403, other: 404 }, buyerLegal: scopedStatus(200), providerAdmin: { own: 404, other: 404 }, providerContributor: { own: 404, other: 404 } },
    watch: ['schedule_clauses'],
  },
  'POST /api/security-schedules/:id/finalize': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/security-schedules/${await makeSchedule(w, tenant)}/finalize` }),
    expect: { buyerAdmin: scopedStatus(200), buyerAnalyst: { own: 403, other: 404 }, buyerLegal: scopedStatus(200), providerAdmin: { own: 404, other: 404 }, providerContributor: { own: 404, other: 404 } },
    watch: ['security_schedules'],
  },
  'GET /api/clauses': { scoped: false, request: async () => ({ path: '/api/clauses' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'POST /api/clauses': {
    scoped: false,
    request: async () => ({ path: '/api/clauses', body: { key: `clause-${unique()}`, title: 'Clean desk', text: 'The Provider shall enforce a clean desk policy at {{sites}}.' } }),
    expect: { buyerAdmin: 201, buyerAnalyst: 403, buyerLegal: 201, providerAdmin: 403, providerContributor: 403 },
    watch: ['clauses', 'clause_versions'],
  },
  'PATCH /api/clauses/:id': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const c = await w.db.insertInto('clauses').values({ organization_id: w[tenant].buyer.id, key: `k-${unique()}` }).returning('id').executeTakeFirstOrThrow();
      await w.db.insertInto('clause_versions').values({ clause_id: c.id, version: 1, title: 'T', text: 'The Provider shall do this properly.', applies_when: JSON.stringify('always') }).execute();
      return { path: `/api/clauses/${c.id}`, body: { disabled: true } };
    },
    expect: { buyerAdmin: scopedStatus(200), buyerAnalyst: { own: 403, other: 404 }, buyerLegal: scopedStatus(200), providerAdmin: { own: 404, other: 404 }, providerContributor: { own: 404, other: 404 } },
    watch: ['clauses', 'clause_versions'],
  },
  'POST /api/security-schedules/:id/share': {
    scoped: true,
    request: async (w, _p, tenant) => {
      const id = await makeSchedule(w, tenant);
      await w.db.updateTable('security_schedules').set({ status: 'final', finalized_at: new Date() }).where('id', '=', id).execute();
      return { path: `/api/security-schedules/${id}/share` };
    },
    expect: { buyerAdmin: scopedStatus(200), buyerAnalyst: { own: 403, other: 404 }, buyerLegal: scopedStatus(200), providerAdmin: { own: 404, other: 404 }, providerContributor: { own: 404, other: 404 } },
    watch: ['security_schedules'],
  },
  'GET /api/security-schedules/:id.:format': {
    scoped: true,
    request: async (w, _p, tenant) => ({ path: `/api/security-schedules/${await makeSchedule(w, tenant)}.md` }),
    expect: byRole({ buyerManager: scopedStatus(200), buyerLegal: scopedStatus(200), provider: { own: 404, other: 404 } }),
  },
};

const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

let t: TestContext;
let world: World;
beforeAll(async () => {
  t = await createTestContext();
  world = await buildWorld(t.app, t.db, t.deps.storage);
});
afterAll(() => t.close());

test('when a route exists, then the matrix has a row for it (and no row for a route that does not exist)', () => {
  const routes = routeTable.map(keyOf).sort();
  expect(Object.keys(cases).sort()).toEqual(routes);
});

test('when a route is public in the matrix, then the route table says so too', () => {
  for (const r of routeTable) {
    expect({ route: keyOf(r), public: 'public' in (cases[keyOf(r)] ?? {}) }).toEqual({ route: keyOf(r), public: r.access === 'public' });
  }
});

const authenticated = Object.entries(cases).filter((e): e is [string, AuthenticatedCase] => !('public' in e[1]));
const rows = authenticated.flatMap(([key, c]) =>
  personas.flatMap((persona) => (c.scoped ? (['own', 'other'] as Tenant[]) : (['own'] as Tenant[])).map((tenant) => ({ key, persona, tenant }))),
);

test.each(authenticated.map(([key]) => [key]))('when nobody is signed in, then %s answers 401', async (key) => {
  const c = cases[key] as AuthenticatedCase;
  const method = key.split(' ')[0]!;
  const { path, body } = await c.request(world, 'buyerAdmin', 'own');
  const agent = request.agent(t.app);
  const csrf = (await agent.get('/api/auth/csrf')).body.token;
  const res = await agent[method.toLowerCase() as 'get'](path).set('X-CSRF-Token', csrf).send(body as object);
  expect(res.status).toBe(401);
});

test.each(rows)('when $persona calls $key on an object of $tenant organization', async ({ key, persona, tenant }) => {
  const c = cases[key] as AuthenticatedCase;
  const expected = c.expect[persona];
  const status = typeof expected === 'number' ? expected : expected[tenant];
  const method = key.split(' ')[0]!;
  const req = await c.request(world, persona, tenant);
  const { path, body } = req;
  const before = c.watch ? await tableDigest(t.db, c.watch) : '';
  const client = world.clients[persona];
  const { upload } = req;
  let call = client[method.toLowerCase() as 'get'](path);
  if (upload) {
    for (const [k, v] of Object.entries(upload.fields)) call = call.field(k, v);
    call = call.attach('file', upload.file, upload.name);
  } else call = call.send(body as object);
  const res = await call;
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({
    status,
    code: status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : undefined,
  });
  if (c.watch && status >= 400) expect(await tableDigest(t.db, c.watch)).toBe(before);
});
