import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { controlIds } from '../../shared/catalog';
import { templateContent } from '../../shared/schemas/template';
import type { AssessmentStatus } from '../../shared/schemas/assessment';
import { hashToken, newToken } from '../../server/auth/tokens';
import { buildAnswerWorkbook } from '../../server/assessments/offline-workbook';
import { insertInvitation } from '../../server/repositories/invitation';
import { exportTemplateWorkbook } from '../../server/templates/xlsx';
import { answerIdOf, certificateInput, completeSmallAnswers, engagementInput, makeAssessment, makeCertificate, makeDocument, makeEngagement, makeTemplate, makeUser, shareDocument, TEST_PASSWORD } from '../helpers/factories';
import { makePdf } from '../helpers/files';
import { smallTemplate } from '../helpers/template-fixture';
import type { Persona, World } from './world';

/**
 * A valid request for every write route of the route table, sent by someone
 * who may make it: the bad-input suite derives its malformed variants from
 * these, so a refusal tests validation, not authorization. A write route
 * without a row here fails the suite.
 */

export type Tenant = 'own' | 'other';

/** What a request refers to: path parameters by name (`id`, `questionKey`, `documentId`), body references, files. */
export type Refs = Record<string, unknown>;

export interface Upload {
  fields: Record<string, string>;
  file: { content: Buffer; name: string };
}

export interface WriteCase {
  /** Who sends it: a persona of the world, a visitor without a session (public routes), or a new user signed in for the request (writes that end the user's sessions). */
  as: Persona | 'anonymous' | 'newUser';
  /** Creates what the request acts on, in the tenant's organizations ("other": another buyer/provider pair). */
  setup?: (w: World, tenant: Tenant) => Promise<Refs>;
  /** The JSON body, from the refs. Pure: it is also called with placeholders to derive the variants. */
  body?: (r: Refs) => Record<string, unknown>;
  /** The multipart form (routes with bodyType multipart). */
  upload?: (r: Refs) => Upload;
  /** References in the body that are not tenant-scoped: another organization's value is just as valid. */
  openRefs?: string[];
  /**
   * Body fields the schema takes as any string but the server checks against
   * stored data (an answer's value against its question): SQL and HTML there
   * must be refused, not stored.
   */
  formatted?: string[];
  /** Fields kept only as a hash or compared (passwords): any text is valid there, and it is never read back. */
  secrets?: string[];
  /** Fields kept for the record and never served by the API: stored verbatim, but not read back. */
  unserved?: string[];
  /** What an unknown value of a body reference answers, when it is not "400 naming the field". */
  unknownRef?: Record<string, { status: number; code: string }>;
  /** Waits for what a success does after answering (a mail sent in the background), so the next request starts from a settled state. */
  settled?: (r: Refs, outbox: () => string[]) => Promise<void>;
  /** Where the stored object is read back when the write's own answer does not show every field. */
  readBack?: (r: Refs) => string;
}

const unique = () => crypto.randomBytes(4).toString('hex');

/** A fresh engagement, template and assessment of the tenant's pair. */
async function pairObjects(w: World, tenant: Tenant, status: AssessmentStatus = 'sent', answers: Parameters<typeof makeAssessment>[3] = {}) {
  const { buyer, provider } = w[tenant];
  const engagementId = await makeEngagement(w.db, buyer.id, provider.id);
  const template = await makeTemplate(w.db, buyer.id);
  const assessmentId = await makeAssessment(w.db, { engagementId, buyerOrgId: buyer.id, providerOrgId: provider.id, templateVersionId: template.versionId }, status, answers);
  return { engagementId, templateId: template.id, assessmentId };
}

/** A draft schedule of the tenant's buyer for a fresh engagement. */
async function makeSchedule(w: World, tenant: Tenant, status: 'draft' | 'final' = 'draft') {
  const { engagementId } = await pairObjects(w, tenant);
  const s = await w.db
    .insertInto('security_schedules')
    .values({ engagement_id: engagementId, buyer_org_id: w[tenant].buyer.id, title: 'Schedule', status, finalized_at: status === 'final' ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.db.insertInto('schedule_clauses').values({ schedule_id: s.id, position: 0, clause_key: 'right-to-audit', title: 'Right to audit', text: 'The Provider shall…' }).execute();
  await w.db.insertInto('schedule_clauses').values({ schedule_id: s.id, position: 1, clause_key: 'breach-notification', title: 'Breach notification', text: 'The Provider shall…', included: false }).execute();
  return s.id;
}

let pdf: Buffer | undefined;
const certificatePdf = async () => (pdf ??= await makePdf(['CERTIFICATE OF REGISTRATION', 'ISO/IEC 27001:2022', 'Certificate No: IS 123456', 'Issued by BSI']));

const soaWorkbook = () => fs.readFileSync(path.join(__dirname, '../soa/fixtures/clean-2022.xlsx'));

export const writeRequests: Record<string, WriteCase> = {
  'POST /api/auth/login': {
    as: 'anonymous',
    setup: async (w, tenant) => ({ email: (await makeUser(w.db, w[tenant].buyer.id, 'analyst')).email }),
    body: (r) => ({ email: r.email, password: TEST_PASSWORD }),
    openRefs: ['email'],
    secrets: ['password'],
  },
  'POST /api/auth/logout': { as: 'anonymous' },
  'POST /api/auth/password-reset': {
    as: 'anonymous',
    setup: async (w, tenant) => ({ email: (await makeUser(w.db, w[tenant].buyer.id, 'analyst')).email }),
    body: (r) => ({ email: r.email }),
    openRefs: ['email'],
    // The reset mail leaves after the answer (its timing must not say whether the account exists).
    settled: async (r, outbox) => {
      for (let i = 0; i < 200 && !outbox().some((m) => m.includes(`To: ${r.email as string}`)); i++) await new Promise((done) => setTimeout(done, 25));
    },
  },
  'POST /api/auth/password-reset/confirm': {
    as: 'anonymous',
    setup: async (w, tenant) => ({ token: await resetToken(w, tenant) }),
    body: (r) => ({ token: r.token, password: 'a long and careful passphrase' }),
    openRefs: ['token'],
    secrets: ['password'],
    unknownRef: { token: { status: 400, code: 'TOKEN_INVALID' } },
  },
  'POST /api/auth/password': {
    as: 'newUser',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a long and careful passphrase' }),
    secrets: ['currentPassword', 'newPassword'],
  },
  'PATCH /api/users/:id': {
    as: 'buyerAdmin',
    setup: async (w, tenant) => ({ id: (await makeUser(w.db, w[tenant].buyer.id, 'analyst')).id }),
    body: () => ({ role: 'legal', status: 'active' }),
  },
  'POST /api/invitations': {
    as: 'buyerAdmin',
    setup: async () => ({ email: `new-${unique()}@example.test` }),
    body: (r) => ({ email: r.email, role: 'analyst' }),
    openRefs: ['email'],
  },
  'POST /api/tokens': {
    as: 'buyerAdmin',
    body: () => ({ name: 'Ticketing sync', role: 'analyst', access: 'read', expiresInDays: 30 }),
  },
  'DELETE /api/tokens/:id': {
    as: 'buyerAdmin',
    setup: async (w, tenant) => {
      const creator = await makeUser(w.db, w[tenant].buyer.id, 'admin');
      const row = await w.db
        .insertInto('api_tokens')
        .values({ organization_id: w[tenant].buyer.id, created_by: creator.id, name: 'Script', role: 'analyst', access: 'read', token_hash: crypto.randomBytes(32).toString('hex'), prefix: 'sw_abcdefg', expires_at: new Date(Date.now() + 86400000) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },
  },
  'DELETE /api/invitations/:id': {
    as: 'buyerAdmin',
    setup: async (w, tenant) => ({
      id: await insertInvitation(w.db, { organizationId: w[tenant].buyer.id, email: `i-${unique()}@example.test`, role: 'analyst', tokenHash: unique(), invitedBy: null, expiresAt: new Date(Date.now() + 86400000) }),
    }),
  },
  'POST /api/invitations/inspect': {
    as: 'anonymous',
    setup: async (w, tenant) => ({ token: await invitationToken(w, tenant) }),
    body: (r) => ({ token: r.token }),
    openRefs: ['token'],
    unknownRef: { token: { status: 400, code: 'TOKEN_INVALID' } },
  },
  'POST /api/invitations/accept': {
    as: 'anonymous',
    setup: async (w, tenant) => ({ token: await invitationToken(w, tenant) }),
    body: (r) => ({ token: r.token, name: 'Dana Reyes', password: 'a long and careful passphrase' }),
    openRefs: ['token'],
    secrets: ['password'],
    unknownRef: { token: { status: 400, code: 'TOKEN_INVALID' } },
  },
  'POST /api/engagements': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ providerOrganizationId: w[tenant].provider.id }),
    body: (r) => ({ ...engagementInput({ subcontractors: ['Call recording vendor'] }), providerOrganizationId: r.providerOrganizationId }),
    // Any provider on Scopewise may be engaged: provider organizations are not another buyer's data.
    openRefs: ['providerOrganizationId'],
  },
  'PATCH /api/engagements/:id': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant)).engagementId }),
    body: () => ({
      name: 'Inbound support (renewal)',
      description: 'Renewed for two years',
      services: ['Chat support'],
      sites: [{ name: 'Makati centre', address: 'Ayala Avenue', city: 'Makati City', country: 'PH' }],
      dataCategories: ['personal_data'],
      usesCloud: false,
      riskOverride: { tier: 1, reason: 'Board-level customer' },
    }),
  },
  'POST /api/templates': { as: 'buyerAnalyst', body: () => smallTemplate },
  'PUT /api/templates/:id': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await makeTemplate(w.db, w[tenant].buyer.id)).id }),
    body: () => ({ ...smallTemplate, name: 'Delivery centre check (edited)' }),
  },
  'DELETE /api/templates/:id': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await makeTemplate(w.db, w[tenant].buyer.id)).id }),
  },
  'POST /api/templates/import': {
    as: 'buyerAnalyst',
    setup: async () => ({ workbook: await exportTemplateWorkbook(templateContent.parse(smallTemplate)) }),
    upload: (r) => ({ fields: {}, file: { content: r.workbook as Buffer, name: 'template.xlsx' } }),
  },
  'POST /api/engagements/:id/assessments': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => {
      const o = await pairObjects(w, tenant);
      return { id: o.engagementId, templateId: o.templateId };
    },
    body: (r) => ({ templateId: r.templateId, dueDate: '2099-01-01', title: 'Annual review' }),
  },
  'POST /api/assessments/:id/send': { as: 'buyerAnalyst', setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant, 'draft')).assessmentId }) },
  'POST /api/assessments/:id/submit': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant, 'in_progress', completeSmallAnswers)).assessmentId }),
  },
  'POST /api/assessments/:id/complete': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId }),
  },
  'POST /api/assessments/:id/cancel': { as: 'buyerAnalyst', setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant)).assessmentId }) },
  'POST /api/assessments/:id/return': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId }),
    body: () => ({ message: 'Please attach the screening policy' }),
  },
  'PUT /api/assessments/:id/answers/:questionKey': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({
      id: (await pairObjects(w, tenant)).assessmentId,
      questionKey: 'screening',
      evidenceId: await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'policy' }),
    }),
    body: (r) => ({ value: 'yes', comment: 'Every agent is screened by an external vendor', evidenceIds: [r.evidenceId] }),
    formatted: ['value'],
  },
  'PUT /api/assessments/:id/answers/:questionKey/review': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant, 'submitted', completeSmallAnswers)).assessmentId, questionKey: 'screening' }),
    body: () => ({ verdict: 'clarification_requested', comment: 'Which screening vendor do you use?' }),
    readBack: (r) => `/api/assessments/${String(r.id)}`,
  },
  'POST /api/assessments/:id/answers/:questionKey/comments': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant)).assessmentId, questionKey: 'screening' }),
    body: () => ({ body: 'Which screening vendor do you use?' }),
  },
  'POST /api/assessments/:id/answers/:questionKey/reuse': {
    as: 'providerContributor',
    setup: async (w, tenant) => {
      const earlier = await pairObjects(w, tenant, 'completed', { screening: { value: 'yes', verdict: 'accepted' } });
      const target = await pairObjects(w, tenant);
      return { id: target.assessmentId, questionKey: 'screening', sourceAnswerId: answerIdOf(earlier.assessmentId, 'screening') };
    },
    body: (r) => ({ sourceAnswerId: r.sourceAnswerId }),
  },
  'POST /api/assessments/:id/import': {
    as: 'providerContributor',
    setup: async (w, tenant) => {
      const { assessmentId } = await pairObjects(w, tenant);
      const content = templateContent.parse(smallTemplate);
      const workbook = await buildAnswerWorkbook({ assessmentId, title: 'x', buyerName: 'y', dueDate: '2099-01-01', content, answers: new Map([['screening', { value: 'yes', comment: null }]]) });
      return { id: assessmentId, workbook };
    },
    upload: (r) => ({ fields: {}, file: { content: r.workbook as Buffer, name: 'answers.xlsx' } }),
  },
  'POST /api/documents': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ replaces: await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'policy' }) }),
    upload: (r) => ({ fields: { kind: 'policy', title: 'Information security policy', replaces: r.replaces as string }, file: { content: Buffer.from('Information security policy\nVersion 3\n'), name: 'policy.txt' } }),
  },
  'POST /api/engagements/:id/shares': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant)).engagementId, documentId: await makeDocument(w.db, w.storage, w[tenant].provider.id) }),
    body: (r) => ({ documentIds: [r.documentId] }),
  },
  'DELETE /api/engagements/:id/shares/:documentId': {
    as: 'providerContributor',
    setup: async (w, tenant) => {
      const { engagementId } = await pairObjects(w, tenant);
      const documentId = await makeDocument(w.db, w.storage, w[tenant].provider.id);
      await shareDocument(w.db, engagementId, documentId);
      return { id: engagementId, documentId };
    },
  },
  'POST /api/documents/:id/extract-certificate': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ id: await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'certificate', content: await certificatePdf() }) }),
  },
  'POST /api/certificates': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ documentId: await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'certificate' }) }),
    body: (r) =>
      certificateInput(r.documentId as string, {
        originalCertificationDate: '2019-01-10',
        sites: [{ name: 'Makati centre', address: 'Ayala Avenue', city: 'Makati City', country: 'PH' }],
        services: ['Contact centre services'],
        soaReference: { version: '1.1', date: '2024-05-13' },
      }),
  },
  'PATCH /api/certificates/:id': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ id: await makeTenantCertificate(w, tenant) }),
    body: () => ({ certificateNumber: 'IS 999', scopeText: 'Contact centre services from Makati and Cebu', expiryDate: '2028-06-01', sites: [{ address: 'Cebu IT Park', city: 'Cebu City' }] }),
  },
  'POST /api/certificates/:id/verifications': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: await sharedTenantCertificate(w, tenant) }),
    body: () => ({ outcome: 'mismatch', directoryUrl: 'https://www.certcheck.ukas.com/certification/IS-1', directoryName: 'UKAS CertCheck', checkedOn: '2026-11-30', note: 'Listed with another expiry date' }),
  },
  'POST /api/certificate-verifications/:id/evidence': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: await tenantVerification(w, tenant), pdf: await certificatePdf() }),
    upload: (r) => ({ fields: {}, file: { content: r.pdf as Buffer, name: 'directory.pdf' } }),
  },
  'POST /api/soas/import': {
    as: 'providerContributor',
    setup: async () => ({ workbook: soaWorkbook() }),
    upload: (r) => ({ fields: { sheetName: 'Statement of Applicability' }, file: { content: r.workbook as Buffer, name: 'soa.xlsx' } }),
    formatted: ['sheetName'],
  },
  'POST /api/soas': {
    as: 'providerContributor',
    setup: async (w, tenant) => ({ documentId: await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'soa' }) }),
    body: (r) => ({
      documentId: r.documentId,
      version: '1.1',
      date: '2024-05-13',
      numbering: '2022',
      rows: controlIds.map((controlId, i) => ({ controlId, applicable: true, implementation: 'full', justification: 'Required by the contract', source: { row: i + 2, method: 'direct', note: '' } })),
      importReport: { inferred: [], ambiguous: [{ row: 4, message: 'Two ids in one cell' }], ignoredRows: [], headerRow: 1, columns: { control: 'A' } },
    }),
    unserved: ['importReport'],
  },
  'PATCH /api/findings/:id': {
    as: 'buyerAnalyst',
    setup: async (w, tenant) => ({ id: await makeFinding(w, tenant) }),
    body: () => ({ action: 'plan_remediation', owner: 'Vendor risk team', dueDate: '2099-01-01', plan: 'Ask for the certificate and review its scope' }),
  },
  'PUT /api/scoring/profile': { as: 'buyerAnalyst', body: () => ({ weights: { '8.24': 3, '5.1': 0 } }) },
  'POST /api/engagements/:id/security-schedules': {
    as: 'buyerLegal',
    setup: async (w, tenant) => ({ id: (await pairObjects(w, tenant)).engagementId }),
    body: () => ({ title: 'Security schedule', variables: { dataLocations: 'Philippines and Singapore' } }),
  },
  'PATCH /api/security-schedules/:id': {
    as: 'buyerLegal',
    setup: async (w, tenant) => ({ id: await makeSchedule(w, tenant) }),
    body: () => ({ include: ['breach-notification'], exclude: ['right-to-audit'] }),
  },
  'POST /api/security-schedules/:id/finalize': { as: 'buyerLegal', setup: async (w, tenant) => ({ id: await makeSchedule(w, tenant) }) },
  'POST /api/security-schedules/:id/share': { as: 'buyerLegal', setup: async (w, tenant) => ({ id: await makeSchedule(w, tenant, 'final') }) },
  'POST /api/clauses': {
    as: 'buyerLegal',
    setup: async () => ({ key: crypto.randomUUID() }),
    body: (r) => ({
      key: `clean-desk-${String(r.key)}`,
      title: 'Clean desk',
      text: 'The Provider shall enforce a clean desk policy at {{sites}}.',
      controlIds: ['7.7'],
      findingCodes: ['CONTROL_GAP'],
      when: { dataCategories: ['payment_card'], remoteWork: true },
    }),
    openRefs: ['key'],
  },
  'PATCH /api/clauses/:id': {
    as: 'buyerLegal',
    setup: async (w, tenant) => ({ id: await makeClause(w, tenant) }),
    body: () => ({ title: 'Right to audit (revised)', text: 'The Customer may audit the Provider with {{auditNoticeDays}} days of notice.', controlIds: ['5.35'], findingCodes: ['CERT_MISSING'], when: 'always', disabled: false }),
  },
};

/** A pending invitation to the tenant's buyer; returns its token. */
async function invitationToken(w: World, tenant: Tenant): Promise<string> {
  const { token } = newToken();
  await insertInvitation(w.db, { organizationId: w[tenant].buyer.id, email: `invitee-${unique()}@example.test`, role: 'analyst', tokenHash: hashToken(token), invitedBy: null, expiresAt: new Date(Date.now() + 86400000) });
  return token;
}

/** A usable password-reset token of a new user of the tenant's buyer. */
async function resetToken(w: World, tenant: Tenant): Promise<string> {
  const { token, hash } = newToken();
  const user = await makeUser(w.db, w[tenant].buyer.id, 'analyst');
  await w.db.insertInto('password_resets').values({ user_id: user.id, token_hash: hash, expires_at: new Date(Date.now() + 3600_000) }).execute();
  return token;
}

/** A certificate of the tenant's provider on a certificate document. */
async function makeTenantCertificate(w: World, tenant: Tenant): Promise<string> {
  return makeCertificate(w.db, w[tenant].provider.id, await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'certificate' }));
}

/** A certificate of the tenant's provider shared with an engagement of the tenant's buyer. */
async function sharedTenantCertificate(w: World, tenant: Tenant): Promise<string> {
  const documentId = await makeDocument(w.db, w.storage, w[tenant].provider.id, { kind: 'certificate' });
  await shareDocument(w.db, await makeEngagement(w.db, w[tenant].buyer.id, w[tenant].provider.id), documentId);
  return makeCertificate(w.db, w[tenant].provider.id, documentId);
}

/** A directory check by the tenant's buyer, without its screenshot. */
async function tenantVerification(w: World, tenant: Tenant): Promise<string> {
  const row = await w.db
    .insertInto('certificate_verifications')
    .values({ certificate_id: await sharedTenantCertificate(w, tenant), organization_id: w[tenant].buyer.id, outcome: 'verified', directory_name: 'UKAS CertCheck', directory_url: 'https://www.certcheck.ukas.com', checked_on: '2026-11-30', checked_facts: JSON.stringify({ certificateNumber: 'IS 1', certificationBody: 'BSI', legalEntity: 'Acme', expiryDate: '2028-01-01' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An open finding on a fresh engagement of the tenant's pair. */
async function makeFinding(w: World, tenant: Tenant): Promise<string> {
  const { engagementId } = await pairObjects(w, tenant);
  const f = await w.db
    .insertInto('findings')
    .values({ engagement_id: engagementId, key: 'CERT_MISSING', code: 'CERT_MISSING', severity: 'high', title: 'No certificate', explanation: 'No certificate shared' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return f.id;
}

/** A clause of the tenant's buyer at version 1. */
async function makeClause(w: World, tenant: Tenant): Promise<string> {
  const c = await w.db.insertInto('clauses').values({ organization_id: w[tenant].buyer.id, key: `k-${unique()}` }).returning('id').executeTakeFirstOrThrow();
  await w.db.insertInto('clause_versions').values({ clause_id: c.id, version: 1, title: 'Right to audit', text: 'The Provider shall allow audits properly.', applies_when: JSON.stringify('always') }).execute();
  return c.id;
}
