import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { controlIds } from '../../shared/catalog';
import type { Role } from '../../shared/roles';
import type { AssessmentStatus } from '../../shared/schemas/assessment';
import { templateContent } from '../../shared/schemas/template';
import { buildAnswerWorkbook } from '../../server/assessments/offline-workbook';
import { refreshEngagement } from '../../server/findings/summary';
import { loadEngagementForRefresh } from '../../server/repositories/engagement';
import { insertInvitation } from '../../server/repositories/invitation';
import { routeTable } from '../../server/routes';
import { exportTemplateWorkbook } from '../../server/templates/xlsx';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { tableDigest } from '../helpers/digest';
import { answerIdOf, certificateInput, completeSmallAnswers, engagementInput, makeAssessment, makeCertificate, makeDocument, makeEngagement, makeTemplate, makeUser, shareDocument } from '../helpers/factories';
import { filesUnder, makePdf } from '../helpers/files';
import { publicTables, rowCounts, searchableText } from '../helpers/snapshot';
import { smallTemplate } from '../helpers/template-fixture';
import { buildForeign, type Foreign } from './foreign';
import { buildWorld, isMember, personaRole, personas, sideOf, tenants, type Org, type Owner, type Pair, type Persona, type Tenant, type World } from './world';

/**
 * The authorization matrix: every route of the OpenAPI document × anonymous
 * and every role × an object of the personas' own pair, of another buyer's
 * pair with their provider, or of their buyer's pair with another provider.
 * A route without a row fails; a refused write must change nothing; no
 * successful read may show anything of a foreign buyer ↔ provider pair.
 */

interface Req {
  path: string;
  body?: unknown;
  /** Sent as multipart/form-data with a `file` instead of JSON. */
  upload?: { fields: Record<string, string>; file: Buffer; name: string };
}

/**
 * A status for every tenant (the persona is refused by its role before any
 * object is loaded, so the answer reveals nothing), or the status when the
 * persona's organization is one the object belongs to (`own`): where it is
 * not, 404 unless the row names another status for that tenant.
 */
type Expected = number | ({ own: number } & Partial<Record<Exclude<Tenant, 'own'>, number>>);

interface Ctx {
  w: World;
  persona: Persona;
  tenant: Tenant;
  /** The tenant's buyer ↔ provider pair: whose objects to build. */
  pair: Pair;
  /** The pair's organization of the persona's kind. */
  side: Org;
}

interface AuthenticatedCase {
  /**
   * Whose object the route addresses (see Owner); absent for a route that
   * addresses none (lists, creates), which runs once per persona.
   */
  object?: Owner;
  /** Builds a fresh object (when the route addresses one) and the request for it. */
  request: (x: Ctx) => Promise<Req>;
  expect: Record<Persona, Expected>;
  /** Tables a write could change: a refused one must leave them as they were. Required for every write. */
  watch?: string[];
  /** What of the foreign pair a successful read shows by design. */
  reveals?: (f: Foreign) => string[];
}
type Case = { public: true } | AuthenticatedCase;

const all = (status: Expected) => Object.fromEntries(personas.map((p) => [p, status])) as Record<Persona, Expected>;
const adminsOnly = (allowed: Expected, refused: Expected) =>
  Object.fromEntries(personas.map((p) => [p, personaRole[p].role === 'admin' ? allowed : refused])) as Record<Persona, Expected>;
const byRole = (e: Record<'buyerManager' | 'buyerLegal' | 'provider', Expected>): Record<Persona, Expected> => ({
  buyerAdmin: e.buyerManager,
  buyerAnalyst: e.buyerManager,
  buyerLegal: e.buyerLegal,
  providerAdmin: e.provider,
  providerContributor: e.provider,
});
/** `own` for a member of the object's organizations, 404 for anyone else. */
const scoped = (own: number) => ({ own });

const unique = () => crypto.randomBytes(4).toString('hex');
const memberRole = (org: Org): Role => (org.kind === 'buyer' ? 'analyst' : 'contributor');

const templates = new Map<string, ReturnType<typeof makeTemplate>>();
/** One template per buyer for the questionnaires the rows send (the template routes make their own). */
function templateOf(w: World, buyer: Org) {
  if (!templates.has(buyer.id)) templates.set(buyer.id, makeTemplate(w.db, buyer.id));
  return templates.get(buyer.id)!;
}

/**
 * A word in every reason the buyer gives for a decision on a finding (why a
 * risk is accepted and who approved it, why a finding was dismissed, how it
 * was resolved): the buyer's internal judgement, which no answer to a
 * provider persona may show.
 */
const buyerReasoning = `reasoning${unique()}`;

/**
 * The buyer's decisions on the findings the rules raise for the engagement:
 * the first risk-accepted, the others dismissed, and one finding the rules no
 * longer raise resolved, each with its reasons in buyerReasoning.
 */
async function decideFindings(w: World, engagementId: string) {
  await refreshEngagement(w.db, (await loadEngagementForRefresh(w.db, engagementId))!);
  const raised = await w.db.selectFrom('findings').select('id').where('engagement_id', '=', engagementId).orderBy('key').execute();
  for (const [i, f] of raised.entries()) {
    const decision =
      i === 0
        ? { status: 'risk_accepted', risk_justification: `Accepted because ${buyerReasoning}`, risk_approver: `Approver ${buyerReasoning}`, risk_expires: '2099-12-31' }
        : { status: 'dismissed', dismiss_reason: `Dismissed because ${buyerReasoning}` };
    await w.db.updateTable('findings').set(decision).where('id', '=', f.id).execute();
  }
  await w.db
    .insertInto('findings')
    .values({ engagement_id: engagementId, key: `resolved-${unique()}`, code: 'CERT_MISSING', severity: 'high', title: 'No certificate', explanation: 'No certificate shared', active: false, status: 'resolved', resolution_note: `Resolved because ${buyerReasoning}` })
    .execute();
}

/** A fresh engagement, its findings decided by the buyer, and an assessment of the pair, from the buyer's template. */
async function pairObjects(w: World, pair: Pair, status: AssessmentStatus = 'sent', answers: Parameters<typeof makeAssessment>[3] = {}) {
  const engagementId = await makeEngagement(w.db, pair.buyer.id, pair.provider.id);
  await decideFindings(w, engagementId);
  const template = await templateOf(w, pair.buyer);
  const assessmentId = await makeAssessment(w.db, { engagementId, buyerOrgId: pair.buyer.id, providerOrgId: pair.provider.id, templateVersionId: template.versionId }, status, answers);
  return { engagementId, templateId: template.id, assessmentId };
}

/** A document of the pair's provider shared with an engagement of the pair. */
async function sharedDocument(w: World, pair: Pair, kind = 'evidence', content?: Buffer) {
  const engagementId = await makeEngagement(w.db, pair.buyer.id, pair.provider.id);
  const documentId = await makeDocument(w.db, w.storage, pair.provider.id, { kind, content });
  await shareDocument(w.db, engagementId, documentId);
  return documentId;
}

/** A document of the pair's provider shared with nobody (it has an engagement with the pair's buyer all the same). */
async function unsharedDocument(w: World, pair: Pair, kind = 'evidence') {
  await makeEngagement(w.db, pair.buyer.id, pair.provider.id);
  return makeDocument(w.db, w.storage, pair.provider.id, { kind });
}

/** A document of the pair's provider attached as evidence to an answer of a submitted questionnaire of the pair, not shared. */
async function evidenceDocument(w: World, pair: Pair) {
  const { assessmentId } = await pairObjects(w, pair, 'submitted', completeSmallAnswers);
  const documentId = await makeDocument(w.db, w.storage, pair.provider.id);
  await w.db.insertInto('answer_evidence').values({ answer_id: answerIdOf(assessmentId, 'screening'), document_id: documentId }).execute();
  return documentId;
}

let pdf: Buffer | undefined;
const certificatePdf = async () => (pdf ??= await makePdf(['CERTIFICATE OF REGISTRATION', 'ISO/IEC 27001:2022', 'Certificate No: IS 123456', 'Issued by BSI']));

const soaBody = (documentId: string) => ({ documentId, rows: controlIds.map((controlId) => ({ controlId, applicable: true, implementation: 'full' })) });

/** A certificate of the provider on a given document. */
const certificateOn = (w: World, provider: Org, documentId: string) => makeCertificate(w.db, provider.id, documentId);

/** A directory check by the pair's buyer of a certificate shared with it, with a stored screenshot when `evidence`. */
async function verificationOn(w: World, pair: Pair, evidence = false) {
  const certificateId = await certificateOn(w, pair.provider, await sharedDocument(w, pair, 'certificate'));
  let file = {};
  if (evidence) {
    const content = await certificatePdf();
    const key = crypto.randomBytes(32).toString('hex');
    await w.storage.put(key, Readable.from([content]), { contentType: 'application/pdf' });
    file = { evidence_storage_key: key, evidence_name: 'directory.pdf', evidence_mime: 'application/pdf', evidence_size_bytes: content.length, evidence_sha256: crypto.createHash('sha256').update(content).digest('hex') };
  }
  const facts = { certificateNumber: 'IS 1', certificationBody: 'BSI', legalEntity: 'Acme', expiryDate: '2028-01-01' };
  const row = await w.db
    .insertInto('certificate_verifications')
    .values({ certificate_id: certificateId, organization_id: pair.buyer.id, outcome: 'verified', directory_name: 'UKAS CertCheck', directory_url: 'https://www.certcheck.ukas.com', checked_on: '2026-11-30', checked_facts: JSON.stringify(facts), ...file })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An SoA (without rows) of the provider on a given document. */
async function soaOn(w: World, provider: Org, documentId: string) {
  const soa = await w.db.insertInto('soas').values({ organization_id: provider.id, document_id: documentId, numbering: '2022' }).returning('id').executeTakeFirstOrThrow();
  return soa.id;
}

/** A schedule of the pair's buyer for a fresh engagement of the pair: a draft, or final (and shared with the provider). */
async function makeSchedule(w: World, pair: Pair, state: 'draft' | 'final' | 'shared' = 'draft') {
  const engagementId = await makeEngagement(w.db, pair.buyer.id, pair.provider.id);
  const final = state === 'draft' ? {} : { status: 'final', finalized_at: new Date(), ...(state === 'shared' ? { shared_at: new Date() } : {}) };
  const s = await w.db.insertInto('security_schedules').values({ engagement_id: engagementId, buyer_org_id: pair.buyer.id, title: 'Schedule', ...final }).returning('id').executeTakeFirstOrThrow();
  await w.db.insertInto('schedule_clauses').values({ schedule_id: s.id, position: 0, clause_key: 'right-to-audit', title: 'Right to audit', text: 'The Provider shall…' }).execute();
  return s.id;
}

/** A clause of the buyer's library. */
async function makeClause(w: World, buyer: Org) {
  const c = await w.db.insertInto('clauses').values({ organization_id: buyer.id, key: `k-${unique()}` }).returning('id').executeTakeFirstOrThrow();
  await w.db.insertInto('clause_versions').values({ clause_id: c.id, version: 1, title: 'T', text: 'The Provider shall do this properly.', applies_when: JSON.stringify('always') }).execute();
  return c.id;
}

/** The buyer and the provider that are not the personas' own (B2, P2): whose ids a request must not be able to use. */
const strangerBuyer = (w: World) => w.pairs.otherBuyer.buyer;
const strangerProvider = (w: World) => w.pairs.otherProvider.provider;

const assessmentRequest =
  (suffix: string, status: AssessmentStatus = 'sent', answers: Parameters<typeof makeAssessment>[3] = {}, body?: unknown) =>
  async ({ w, pair }: Ctx): Promise<Req> => ({ path: `/api/assessments/${(await pairObjects(w, pair, status, answers)).assessmentId}${suffix}`, body });
const engagementRequest =
  (suffix: string, body?: unknown) =>
  async ({ w, pair }: Ctx): Promise<Req> => ({ path: `/api/engagements/${(await pairObjects(w, pair)).engagementId}${suffix}`, body });
const scheduleRequest =
  (suffix: string, state: 'draft' | 'final' | 'shared', body?: unknown) =>
  async ({ w, pair }: Ctx): Promise<Req> => ({ path: `/api/security-schedules/${await makeSchedule(w, pair, state)}${suffix}`, body });

/** Legal and administrators of the buyer write schedules and clauses; analysts read them. */
const legalTeam = (e: { admin: Expected; analyst: Expected; legal: Expected; provider: Expected }): Record<Persona, Expected> => ({
  buyerAdmin: e.admin,
  buyerAnalyst: e.analyst,
  buyerLegal: e.legal,
  providerAdmin: e.provider,
  providerContributor: e.provider,
});

/**
 * One row per route, keyed "METHOD path" as in the route table; a variant
 * of a route with other objects adds " [what differs]" to the key.
 */
const cases: Record<string, Case> = {
  'GET /healthz': { public: true },
  'GET /readyz': { public: true },
  'GET /api/openapi.json': { public: true },
  'GET /api/auth/csrf': { public: true },
  'POST /api/auth/login': { public: true },
  'POST /api/auth/logout': { public: true },
  'POST /api/invitations/inspect': { public: true },
  'POST /api/invitations/accept': { public: true },
  'POST /api/auth/password-reset': { public: true },
  'POST /api/auth/password-reset/confirm': { public: true },
  'GET /api/auth/me': { request: async () => ({ path: '/api/auth/me' }), expect: all(200) },
  // Anyone signed in may change their own password; a success would end the persona's sessions, so the row sends a
  // wrong current password: every persona gets past authorization to the check (test/foundation/password.test.ts does the rest).
  'POST /api/auth/password': { request: async () => ({ path: '/api/auth/password', body: { currentPassword: 'not the password at all', newPassword: 'a long and careful passphrase' } }), expect: all(400), watch: ['users', 'session'] },
  'GET /api/users': { request: async () => ({ path: '/api/users' }), expect: adminsOnly(200, 403) },
  'GET /api/invitations': { request: async () => ({ path: '/api/invitations' }), expect: adminsOnly(200, 403) },
  'GET /api/audit-events': { request: async () => ({ path: '/api/audit-events?pageSize=200' }), expect: adminsOnly(200, 403) },
  'GET /api/audit/verify': { request: async () => ({ path: '/api/audit/verify' }), expect: adminsOnly(200, 403) },
  'GET /api/audit/export': { request: async () => ({ path: '/api/audit/export' }), expect: adminsOnly(200, 403) },
  'POST /api/invitations': {
    request: async ({ persona }) => ({ path: '/api/invitations', body: { email: `m-${unique()}@example.test`, role: personaRole[persona].kind === 'buyer' ? 'analyst' : 'contributor' } }),
    expect: adminsOnly(201, 403),
    watch: ['invitations', 'users'],
  },
  'PATCH /api/users/:id': {
    object: 'self',
    request: async ({ w, side }) => ({ path: `/api/users/${(await makeUser(w.db, side.id, memberRole(side))).id}`, body: { status: 'disabled' } }),
    expect: adminsOnly(scoped(200), scoped(403)),
    watch: ['users'],
  },
  'GET /api/tokens': { request: async () => ({ path: '/api/tokens' }), expect: adminsOnly(200, 403) },
  'POST /api/tokens': {
    request: async () => ({ path: '/api/tokens', body: { name: `Script ${unique()}`, role: 'admin', access: 'read', expiresInDays: 30 } }),
    expect: adminsOnly(201, 403),
    watch: ['api_tokens'],
  },
  'DELETE /api/tokens/:id': {
    object: 'self',
    request: async ({ w, side }) => {
      const creator = await makeUser(w.db, side.id, 'admin');
      const row = await w.db
        .insertInto('api_tokens')
        .values({ organization_id: side.id, created_by: creator.id, name: 'Script', role: 'admin', access: 'read', token_hash: crypto.randomBytes(32).toString('hex'), prefix: 'sw_abcdefg', expires_at: new Date(Date.now() + 86400000) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { path: `/api/tokens/${row.id}` };
    },
    // Refused by role before the token is looked up: a non-admin learns nothing of which tokens exist.
    expect: adminsOnly(scoped(200), 403),
    watch: ['api_tokens'],
  },
  'DELETE /api/invitations/:id': {
    object: 'self',
    request: async ({ w, side }) => {
      const id = await insertInvitation(w.db, { organizationId: side.id, email: `i-${unique()}@example.test`, role: memberRole(side), tokenHash: unique(), invitedBy: null, expiresAt: new Date(Date.now() + 86400000) });
      return { path: `/api/invitations/${id}` };
    },
    expect: adminsOnly(scoped(200), scoped(403)),
    watch: ['invitations'],
  },
  'GET /api/controls': { request: async () => ({ path: '/api/controls?theme=People' }), expect: all(200) },
  'GET /api/providers': {
    request: async () => ({ path: '/api/providers?q=Provider' }),
    expect: byRole({ buyerManager: 200, buyerLegal: 403, provider: 403 }),
    // Buyers find every provider someone joined (the matrix's providers have users); another buyer's unjoined invitee stays hidden (test/security/provider-impersonation.test.ts).
    reveals: (f) => [f.provider.id, f.provider.name],
  },
  'GET /api/engagements': { request: async () => ({ path: '/api/engagements' }), expect: all(200) },
  'POST /api/engagements': {
    request: async ({ w }) => ({ path: '/api/engagements', body: { ...engagementInput(), providerOrganizationId: w.pairs.own.provider.id } }),
    expect: byRole({ buyerManager: 201, buyerLegal: 403, provider: 403 }),
    watch: ['engagements', 'organizations', 'invitations', 'users'],
  },
  'GET /api/engagements/:id': { object: 'pair', request: engagementRequest(''), expect: all(scoped(200)) },
  'PATCH /api/engagements/:id': {
    object: 'pair',
    request: engagementRequest('', { riskOverride: { tier: 1, reason: 'Board-level customer' } }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['engagements'],
  },
  'GET /api/engagements/:id/assessments': { object: 'pair', request: engagementRequest('/assessments'), expect: all(scoped(200)) },
  'POST /api/engagements/:id/assessments': {
    object: 'pair',
    request: async ({ w, pair }) => {
      const o = await pairObjects(w, pair);
      return { path: `/api/engagements/${o.engagementId}/assessments`, body: { templateId: o.templateId, dueDate: '2099-01-01' } };
    },
    expect: byRole({ buyerManager: scoped(201), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['assessments'],
  },
  "POST /api/engagements/:id/assessments [another buyer's template]": {
    object: 'pair',
    request: async ({ w, pair }) => {
      const { engagementId } = await pairObjects(w, pair);
      return { path: `/api/engagements/${engagementId}/assessments`, body: { templateId: (await makeTemplate(w.db, strangerBuyer(w).id)).id, dueDate: '2099-01-01' } };
    },
    // Another buyer's template is "not one of your templates", exactly like an id that does not exist.
    expect: byRole({ buyerManager: scoped(400), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['assessments'],
  },
  'GET /api/templates': { request: async () => ({ path: '/api/templates' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'POST /api/templates': {
    request: async () => ({ path: '/api/templates', body: smallTemplate }),
    expect: byRole({ buyerManager: 201, buyerLegal: 403, provider: 403 }),
    watch: ['templates', 'template_versions'],
  },
  'GET /api/templates/:id': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/templates/${(await makeTemplate(w.db, pair.buyer.id)).id}` }),
    // Providers are refused by role before the template is looked up.
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 403 }),
  },
  'PUT /api/templates/:id': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/templates/${(await makeTemplate(w.db, pair.buyer.id)).id}`, body: { ...smallTemplate, name: 'Edited' } }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: 404 }),
    watch: ['templates', 'template_versions'],
  },
  'DELETE /api/templates/:id': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/templates/${(await makeTemplate(w.db, pair.buyer.id)).id}` }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: 404 }),
    watch: ['templates'],
  },
  'GET /api/assessments': { request: async () => ({ path: '/api/assessments' }), expect: all(200) },
  'GET /api/assessments/:id': { object: 'pair', request: assessmentRequest(''), expect: all(scoped(200)) },
  'GET /api/assessments/:id [draft]': {
    object: 'pair',
    request: assessmentRequest('', 'draft'),
    // A draft does not exist for the provider.
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 404 }),
  },
  'POST /api/assessments/:id/send': {
    object: 'pair',
    request: assessmentRequest('/send', 'draft'),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: 404 }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/submit': {
    object: 'pair',
    request: assessmentRequest('/submit', 'in_progress', completeSmallAnswers),
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/complete': {
    object: 'pair',
    request: assessmentRequest('/complete', 'submitted', completeSmallAnswers),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/cancel': {
    object: 'pair',
    request: assessmentRequest('/cancel'),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['assessments'],
  },
  'POST /api/assessments/:id/return': {
    object: 'pair',
    request: assessmentRequest('/return', 'submitted', completeSmallAnswers, { message: 'Please add evidence' }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['assessments'],
  },
  'PUT /api/assessments/:id/answers/:questionKey': {
    object: 'pair',
    request: assessmentRequest('/answers/screening', 'sent', {}, { value: 'partial' }),
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['answers', 'answer_evidence', 'assessments'],
  },
  'PUT /api/assessments/:id/answers/:questionKey/review': {
    object: 'pair',
    request: assessmentRequest('/answers/screening/review', 'submitted', completeSmallAnswers, { verdict: 'accepted' }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: scoped(403) }),
    watch: ['answers', 'answer_comments'],
  },
  "PUT /api/assessments/:id/answers/:questionKey [another provider's evidence]": {
    object: 'pair',
    request: async ({ w, pair }) => ({
      path: `/api/assessments/${(await pairObjects(w, pair)).assessmentId}/answers/screening`,
      body: { value: 'yes', evidenceIds: [await makeDocument(w.db, w.storage, strangerProvider(w).id)] },
    }),
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(400) }),
    watch: ['answers', 'answer_evidence', 'assessments'],
  },
  'POST /api/assessments/:id/answers/:questionKey/comments': {
    object: 'pair',
    request: assessmentRequest('/answers/screening/comments', 'sent', {}, { body: 'Which screening vendor?' }),
    expect: all(scoped(201)),
    watch: ['answer_comments'],
  },
  'GET /api/assessments/:id/suggestions': {
    object: 'pair',
    request: assessmentRequest('/suggestions'),
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
  },
  'POST /api/assessments/:id/answers/:questionKey/reuse': {
    object: 'pair',
    request: async ({ w, pair }) => {
      const earlier = await pairObjects(w, pair, 'completed', { screening: { value: 'yes', verdict: 'accepted' } });
      const target = await pairObjects(w, pair);
      return { path: `/api/assessments/${target.assessmentId}/answers/screening/reuse`, body: { sourceAnswerId: answerIdOf(earlier.assessmentId, 'screening') } };
    },
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['answers', 'assessments'],
  },
  "POST /api/assessments/:id/answers/:questionKey/reuse [another provider's answer]": {
    object: 'pair',
    request: async ({ w, pair }) => {
      const elsewhere = await pairObjects(w, { buyer: pair.buyer, provider: strangerProvider(w) }, 'completed', { screening: { value: 'yes', verdict: 'accepted' } });
      const target = await pairObjects(w, pair);
      return { path: `/api/assessments/${target.assessmentId}/answers/screening/reuse`, body: { sourceAnswerId: answerIdOf(elsewhere.assessmentId, 'screening') } };
    },
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(400) }),
    watch: ['answers', 'assessments'],
  },
  'POST /api/documents': {
    request: async () => ({ path: '/api/documents', upload: { fields: { kind: 'policy' }, file: Buffer.from('Information security policy\n'), name: 'policy.txt' } }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 201 }),
    watch: ['documents'],
  },
  "POST /api/documents [new version of another provider's document]": {
    request: async ({ w }) => ({
      path: '/api/documents',
      upload: { fields: { kind: 'evidence', replaces: await makeDocument(w.db, w.storage, strangerProvider(w).id) }, file: Buffer.from('Evidence, version 2\n'), name: 'evidence.txt' },
    }),
    // Received, then refused: the stored file is removed again.
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 400 }),
    watch: ['documents'],
  },
  'GET /api/documents': { request: async () => ({ path: '/api/documents' }), expect: all(200) },
  'GET /api/documents/:id': { object: 'pair', request: async ({ w, pair }) => ({ path: `/api/documents/${await sharedDocument(w, pair)}` }), expect: all(scoped(200)) },
  'GET /api/documents/:id [not shared]': {
    object: 'provider',
    request: async ({ w, pair }) => ({ path: `/api/documents/${await unsharedDocument(w, pair)}` }),
    // Not even the buyer of an engagement with the provider sees what was not shared with it.
    expect: byRole({ buyerManager: 404, buyerLegal: 404, provider: scoped(200) }),
  },
  'GET /api/documents/:id [evidence]': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/documents/${await evidenceDocument(w, pair)}` }),
    // Attached to an answer of a submitted questionnaire: the buyer of that questionnaire sees it.
    expect: all(scoped(200)),
  },
  'GET /api/documents/:id/content': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/documents/${await sharedDocument(w, pair)}/content` }),
    expect: all(scoped(200)),
  },
  'GET /api/documents/:id/content [not shared]': {
    object: 'provider',
    request: async ({ w, pair }) => ({ path: `/api/documents/${await unsharedDocument(w, pair)}/content` }),
    expect: byRole({ buyerManager: 404, buyerLegal: 404, provider: scoped(200) }),
  },
  'GET /api/engagements/:id/documents': { object: 'pair', request: engagementRequest('/documents'), expect: all(scoped(200)) },
  'POST /api/engagements/:id/shares': {
    object: 'pair',
    request: async ({ w, pair }) => {
      const { engagementId } = await pairObjects(w, pair);
      return { path: `/api/engagements/${engagementId}/shares`, body: { documentIds: [await makeDocument(w.db, w.storage, pair.provider.id)] } };
    },
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['document_shares'],
  },
  "POST /api/engagements/:id/shares [another provider's document]": {
    object: 'pair',
    request: async ({ w, pair }) => {
      const { engagementId } = await pairObjects(w, pair);
      return { path: `/api/engagements/${engagementId}/shares`, body: { documentIds: [await makeDocument(w.db, w.storage, strangerProvider(w).id)] } };
    },
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(400) }),
    watch: ['document_shares'],
  },
  'DELETE /api/engagements/:id/shares/:documentId': {
    object: 'pair',
    request: async ({ w, pair }) => {
      const { engagementId } = await pairObjects(w, pair);
      const documentId = await makeDocument(w.db, w.storage, pair.provider.id);
      await shareDocument(w.db, engagementId, documentId);
      return { path: `/api/engagements/${engagementId}/shares/${documentId}` };
    },
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(204) }),
    watch: ['document_shares'],
  },
  'POST /api/documents/:id/extract-certificate': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/documents/${await sharedDocument(w, pair, 'certificate', await certificatePdf())}/extract-certificate` }),
    // Buyers may see the shared certificate but only its provider reads it into facts: refused by role before the lookup.
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: scoped(200) }),
    watch: ['certificates'],
  },
  'POST /api/certificates': {
    request: async ({ w }) => ({ path: '/api/certificates', body: certificateInput(await makeDocument(w.db, w.storage, w.pairs.own.provider.id, { kind: 'certificate' })) }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 201 }),
    watch: ['certificates'],
  },
  "POST /api/certificates [another provider's document]": {
    request: async ({ w }) => ({ path: '/api/certificates', body: certificateInput(await makeDocument(w.db, w.storage, strangerProvider(w).id, { kind: 'certificate' })) }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 400 }),
    watch: ['certificates'],
  },
  'GET /api/certificates': { request: async () => ({ path: '/api/certificates' }), expect: all(200) },
  'GET /api/certificates/:id': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/certificates/${await certificateOn(w, pair.provider, await sharedDocument(w, pair, 'certificate'))}` }),
    expect: all(scoped(200)),
  },
  'GET /api/certificates/:id [not shared]': {
    object: 'provider',
    request: async ({ w, pair }) => ({ path: `/api/certificates/${await certificateOn(w, pair.provider, await unsharedDocument(w, pair, 'certificate'))}` }),
    expect: byRole({ buyerManager: 404, buyerLegal: 404, provider: scoped(200) }),
  },
  'PATCH /api/certificates/:id': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/certificates/${await certificateOn(w, pair.provider, await sharedDocument(w, pair, 'certificate'))}`, body: { certificateNumber: 'IS 999' } }),
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['certificates'],
  },
  'GET /api/certificates/:id/verifications': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/certificates/${await certificateOn(w, pair.provider, await sharedDocument(w, pair, 'certificate'))}/verifications` }),
    // A buyer's directory checks are its own record: the provider is refused by role before the lookup.
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 403 }),
  },
  'POST /api/certificates/:id/verifications': {
    object: 'pair',
    request: async ({ w, pair }) => ({
      path: `/api/certificates/${await certificateOn(w, pair.provider, await sharedDocument(w, pair, 'certificate'))}/verifications`,
      body: { outcome: 'verified', directoryUrl: 'https://www.certcheck.ukas.com', checkedOn: '2026-11-30' },
    }),
    expect: byRole({ buyerManager: scoped(201), buyerLegal: 403, provider: 403 }),
    watch: ['certificate_verifications'],
  },
  'POST /api/certificate-verifications/:id/evidence': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/certificate-verifications/${await verificationOn(w, pair)}/evidence`, upload: { fields: {}, file: await certificatePdf(), name: 'directory.pdf' } }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: 403, provider: 403 }),
    watch: ['certificate_verifications'],
  },
  'GET /api/certificate-verifications/:id/evidence': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/certificate-verifications/${await verificationOn(w, pair, true)}/evidence` }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 403 }),
  },
  'POST /api/soas/import': {
    request: async () => ({ path: '/api/soas/import', upload: { fields: {}, file: fs.readFileSync(path.join(__dirname, '../soa/fixtures/clean-2022.xlsx')), name: 'soa.xlsx' } }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 200 }),
    watch: ['soas', 'soa_rows'],
  },
  'POST /api/soas': {
    request: async ({ w }) => ({ path: '/api/soas', body: soaBody(await makeDocument(w.db, w.storage, w.pairs.own.provider.id, { kind: 'soa' })) }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 201 }),
    watch: ['soas', 'soa_rows'],
  },
  "POST /api/soas [another provider's document]": {
    request: async ({ w }) => ({ path: '/api/soas', body: soaBody(await makeDocument(w.db, w.storage, strangerProvider(w).id, { kind: 'soa' })) }),
    expect: byRole({ buyerManager: 403, buyerLegal: 403, provider: 400 }),
    watch: ['soas', 'soa_rows'],
  },
  'GET /api/soas': { request: async () => ({ path: '/api/soas' }), expect: all(200) },
  'GET /api/soas/:id': {
    object: 'pair',
    request: async ({ w, pair }) => ({ path: `/api/soas/${await soaOn(w, pair.provider, await sharedDocument(w, pair, 'soa'))}` }),
    expect: all(scoped(200)),
  },
  'GET /api/soas/:id [not shared]': {
    object: 'provider',
    request: async ({ w, pair }) => ({ path: `/api/soas/${await soaOn(w, pair.provider, await unsharedDocument(w, pair, 'soa'))}` }),
    expect: byRole({ buyerManager: 404, buyerLegal: 404, provider: scoped(200) }),
  },
  'GET /api/assessments/:id/export': {
    object: 'pair',
    request: assessmentRequest('/export'),
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
  },
  'POST /api/assessments/:id/import': {
    object: 'pair',
    request: async ({ w, pair }) => {
      const { assessmentId } = await pairObjects(w, pair);
      const content = templateContent.parse(smallTemplate);
      const file = await buildAnswerWorkbook({ assessmentId, title: 'x', buyerName: 'y', dueDate: '2099-01-01', content, answers: new Map([['screening', { value: 'yes', comment: null }]]) });
      return { path: `/api/assessments/${assessmentId}/import`, upload: { fields: {}, file, name: 'answers.xlsx' } };
    },
    expect: byRole({ buyerManager: scoped(403), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['answers', 'assessments'],
  },
  'POST /api/templates/import': {
    request: async () => ({ path: '/api/templates/import', upload: { fields: {}, file: await exportTemplateWorkbook(templateContent.parse(smallTemplate)), name: 'template.xlsx' } }),
    expect: byRole({ buyerManager: 201, buyerLegal: 403, provider: 403 }),
    watch: ['templates', 'template_versions'],
  },
  'GET /api/templates/:id/export': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/templates/${(await makeTemplate(w.db, pair.buyer.id)).id}/export` }),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 403 }),
  },
  'GET /api/engagements/:id/findings': { object: 'pair', request: engagementRequest('/findings'), expect: all(scoped(200)) },
  'GET /api/engagements/:id/findings [inactive included]': { object: 'pair', request: engagementRequest('/findings?includeInactive=true'), expect: all(scoped(200)) },
  'GET /api/engagements/:id/scope': { object: 'pair', request: engagementRequest('/scope'), expect: all(scoped(200)) },
  'PATCH /api/findings/:id': {
    object: 'pair',
    request: async ({ w, pair }) => {
      const { engagementId } = await pairObjects(w, pair);
      const f = await w.db
        .insertInto('findings')
        .values({ engagement_id: engagementId, key: `open-${unique()}`, code: 'CERT_MISSING', severity: 'high', title: 'No certificate', explanation: 'No certificate shared' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { path: `/api/findings/${f.id}`, body: { action: 'plan_remediation', owner: 'Owner', dueDate: '2099-01-01', plan: 'Share the certificate' } };
    },
    // Either side plans remediation; legal reads.
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(403), provider: scoped(200) }),
    watch: ['findings'],
  },
  'GET /api/assessments/:id/score': {
    object: 'pair',
    request: assessmentRequest('/score', 'submitted', completeSmallAnswers),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: scoped(403) }),
  },
  'GET /api/engagements/:id/summary': {
    object: 'pair',
    request: engagementRequest('/summary'),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: scoped(403) }),
  },
  'GET /api/portfolio': { request: async () => ({ path: '/api/portfolio?sort=score&pageSize=200' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'GET /api/scoring': { request: async () => ({ path: '/api/scoring' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'PUT /api/scoring/profile': {
    request: async () => ({ path: '/api/scoring/profile', body: { weights: { '8.24': 3, '5.1': 0 } } }),
    expect: byRole({ buyerManager: 200, buyerLegal: 403, provider: 403 }),
    watch: ['scoring_profiles'],
  },
  'GET /api/assessments/:id/report': {
    object: 'pair',
    request: assessmentRequest('/report?format=xlsx', 'submitted', completeSmallAnswers),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: scoped(403) }),
  },
  'POST /api/engagements/:id/security-schedules': {
    object: 'pair',
    request: engagementRequest('/security-schedules', {}),
    expect: legalTeam({ admin: scoped(201), analyst: scoped(403), legal: scoped(201), provider: scoped(403) }),
    watch: ['security_schedules', 'schedule_clauses'],
  },
  'GET /api/security-schedules/:id': {
    object: 'pair',
    request: scheduleRequest('', 'draft'),
    // Providers see a schedule only once it is final and shared with them.
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 404 }),
  },
  'GET /api/security-schedules/:id [shared]': { object: 'pair', request: scheduleRequest('', 'shared'), expect: all(scoped(200)) },
  'PATCH /api/security-schedules/:id': {
    object: 'pair',
    request: scheduleRequest('', 'draft', { exclude: ['right-to-audit'] }),
    expect: legalTeam({ admin: scoped(200), analyst: scoped(403), legal: scoped(200), provider: 404 }),
    watch: ['schedule_clauses'],
  },
  'PATCH /api/security-schedules/:id [shared]': {
    object: 'pair',
    request: scheduleRequest('', 'shared', { exclude: ['right-to-audit'] }),
    // The provider now sees the schedule but never edits it; a final schedule never changes.
    expect: legalTeam({ admin: scoped(409), analyst: scoped(403), legal: scoped(409), provider: scoped(403) }),
    watch: ['schedule_clauses'],
  },
  'POST /api/security-schedules/:id/finalize': {
    object: 'pair',
    request: scheduleRequest('/finalize', 'draft'),
    expect: legalTeam({ admin: scoped(200), analyst: scoped(403), legal: scoped(200), provider: 404 }),
    watch: ['security_schedules'],
  },
  'POST /api/security-schedules/:id/finalize [shared]': {
    object: 'pair',
    request: scheduleRequest('/finalize', 'shared'),
    expect: legalTeam({ admin: scoped(409), analyst: scoped(403), legal: scoped(409), provider: scoped(403) }),
    watch: ['security_schedules'],
  },
  'POST /api/security-schedules/:id/share': {
    object: 'pair',
    request: scheduleRequest('/share', 'final'),
    expect: legalTeam({ admin: scoped(200), analyst: scoped(403), legal: scoped(200), provider: 404 }),
    watch: ['security_schedules'],
  },
  'GET /api/security-schedules/:id.:format': {
    object: 'pair',
    request: scheduleRequest('.md', 'draft'),
    expect: byRole({ buyerManager: scoped(200), buyerLegal: scoped(200), provider: 404 }),
  },
  'GET /api/security-schedules/:id.:format [shared]': { object: 'pair', request: scheduleRequest('.docx', 'shared'), expect: all(scoped(200)) },
  'GET /api/clauses': { request: async () => ({ path: '/api/clauses' }), expect: byRole({ buyerManager: 200, buyerLegal: 200, provider: 403 }) },
  'POST /api/clauses': {
    request: async () => ({ path: '/api/clauses', body: { key: `clause-${unique()}`, title: 'Clean desk', text: 'The Provider shall enforce a clean desk policy at {{sites}}.' } }),
    expect: legalTeam({ admin: 201, analyst: 403, legal: 201, provider: 403 }),
    watch: ['clauses', 'clause_versions'],
  },
  'PATCH /api/clauses/:id': {
    object: 'buyer',
    request: async ({ w, pair }) => ({ path: `/api/clauses/${await makeClause(w, pair.buyer)}`, body: { disabled: true } }),
    expect: legalTeam({ admin: scoped(200), analyst: scoped(403), legal: scoped(200), provider: 404 }),
    watch: ['clauses', 'clause_versions'],
  },
};

const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
/** The route a row is for: its key without the variant. */
const routeOf = (key: string) => key.replace(/ \[[^\]]+\]$/, '');
const methodOf = (key: string) => key.split(' ')[0]!;
const authenticated = Object.entries(cases).filter((e): e is [string, AuthenticatedCase] => !('public' in e[1]));

/** The status a persona gets for a row's object of a tenant. */
function expectedStatus(c: AuthenticatedCase, persona: Persona, tenant: Tenant): number {
  const e = c.expect[persona];
  if (typeof e === 'number') return e;
  if (tenant !== 'own' && e[tenant] !== undefined) return e[tenant];
  return c.object === undefined || isMember(c.object, persona, tenant) ? e.own : 404;
}

const errorCode: Record<number, string> = { 400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'INVALID_STATE' };

/** Reads any response body as bytes (JSON, files, attachments alike). */
const asBytes = (r: request.Test) =>
  r.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

async function send(client: Client, method: string, req: Req) {
  let call = asBytes(client[method.toLowerCase() as 'get'](req.path));
  if (req.upload) {
    for (const [k, v] of Object.entries(req.upload.fields)) call = call.field(k, v);
    call = call.attach('file', req.upload.file, req.upload.name);
  } else if (req.body !== undefined) call = call.send(req.body as object);
  const res = await call;
  const body = res.body as Buffer;
  const json = /^application\/([\w.-]+\+)?json$/.test(res.type) && body.length > 0 ? (JSON.parse(body.toString('utf8')) as { error?: { code?: string } }) : undefined;
  return { status: res.status, body, code: json?.error?.code };
}

let t: TestContext;
let world: World;
let foreign: Foreign;
beforeAll(async () => {
  t = await createTestContext();
  // The foreign pair first: its ids are the uuids that appear while it is built.
  foreign = await buildForeign(t.db, t.deps.storage);
  world = await buildWorld(t.app, t.db, t.deps.storage);
});
afterAll(() => t.close());

/**
 * What a refused write must leave as it was: its tables' contents, every
 * table's row count, the outbox and, for an upload, the stored files.
 */
async function snapshot(watch: readonly string[], req: Req) {
  const outbox = path.join(t.dataDir, 'outbox');
  return {
    watched: await tableDigest(t.db, watch),
    rows: await rowCounts(t.db),
    mails: fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0,
    files: req.upload ? filesUnder(path.join(t.dataDir, 'files')).length : undefined,
  };
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The foreign pair's ids and names that a response shows, apart from what its route reveals by design. */
function foreignIn(c: AuthenticatedCase, body: Buffer) {
  let text = searchableText(body);
  for (const allowed of c.reveals?.(foreign) ?? []) text = text.split(allowed).join('');
  const ids = [...new Set((text.match(uuidPattern) ?? []).map((id) => id.toLowerCase()))].filter((id) => foreign.ids.has(id));
  return { ids, names: text.toLowerCase().includes(foreign.marker) };
}

describe('the matrix covers every route', () => {
  const baseKeys = [...new Set(Object.keys(cases).map(routeOf))].sort();

  test('when the OpenAPI document lists the routes, then they are exactly the route table and the matrix rows', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, item]) => Object.keys(item).filter((m) => methods.includes(m)).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(documented).toEqual(routeTable.map(keyOf).sort());
    expect(baseKeys).toEqual(documented);
  });

  test('when a row is a variant, then its route also has a plain row', () => {
    const variants = Object.keys(cases).filter((k) => routeOf(k) !== k);
    expect(variants.filter((k) => !(routeOf(k) in cases))).toEqual([]);
  });

  test('when a route is public in the matrix, then the route table says so too', () => {
    for (const r of routeTable) {
      expect({ route: keyOf(r), public: 'public' in (cases[keyOf(r)] ?? {}) }).toEqual({ route: keyOf(r), public: r.access === 'public' });
    }
  });

  test('when a row is a write, then it names the tables it could change, and they exist', async () => {
    const tables = await publicTables(t.db);
    const problems = authenticated
      .filter(([key]) => methodOf(key) !== 'GET')
      .flatMap(([key, c]) => (!c.watch?.length ? [`${key}: no watch`] : c.watch.filter((x) => !tables.includes(x)).map((x) => `${key}: no table ${x}`)));
    expect(problems).toEqual([]);
  });

  test("when a persona is not part of an object's organizations, then it expects 404, or the 403 its role gets whatever the object", () => {
    const problems: string[] = [];
    for (const [key, c] of authenticated) {
      for (const persona of personas) {
        const e = c.expect[persona];
        if (c.object === undefined) {
          if (typeof e !== 'number') problems.push(`${key} ${persona}: a route without an object takes one status`);
          continue;
        }
        if (typeof e !== 'number' && !tenants.some((tenant) => isMember(c.object!, persona, tenant))) problems.push(`${key} ${persona}: never a member, so "own" means nothing`);
        for (const tenant of tenants) {
          if (isMember(c.object, persona, tenant)) continue;
          const status = expectedStatus(c, persona, tenant);
          if (status !== 404 && !(status === 403 && typeof e === 'number')) problems.push(`${key} ${persona} ${tenant}: ${status} would tell an outsider the object exists`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('a foreign buyer ↔ provider pair', () => {
  test('when the foreign pair is built, then it has rows in every table and ids to look for', () => {
    // pending_uploads holds a note only while an upload is in flight: empty again once the foreign pair's uploads are stored.
    const notPerTenant = ['session', 'login_throttle', 'kysely_migration', 'kysely_migration_lock', 'pending_uploads'];
    const missing = Object.keys(foreign.counts.after).filter((table) => !notPerTenant.includes(table) && foreign.counts.after[table]! <= (foreign.counts.before[table] ?? 0));
    expect(missing).toEqual([]);
    expect(foreign.ids.size).toBeGreaterThan(50);
  });

  test("when the foreign pair's own admin lists its engagements, then the leak check finds its ids and names (the check can fail)", async () => {
    const client = await signedIn(t.app, foreign.users.buyerAdmin);
    const res = await send(client, 'GET', { path: '/api/engagements' });
    const found = foreignIn(cases['GET /api/engagements'] as AuthenticatedCase, res.body);
    expect(found.ids.length).toBeGreaterThan(2);
    expect(found.names).toBe(true);
  });
});

describe("the buyer's reasoning on findings", () => {
  test("when the buyer reads the findings it decided, then the search finds its reasoning (the check can fail)", async () => {
    const { engagementId } = await pairObjects(world, world.pairs.own);
    const res = await send(world.clients.buyerAnalyst, 'GET', { path: `/api/engagements/${engagementId}/findings?includeInactive=true` });
    const text = searchableText(res.body);
    for (const reason of ['Accepted because', 'Approver', 'Dismissed because', 'Resolved because']) expect(text).toContain(`${reason} ${buyerReasoning}`);
  });
});

const rows = authenticated.flatMap(([key, c]) =>
  personas.flatMap((persona) =>
    (c.object ? tenants : (['own'] as const)).map((tenant) => {
      const status = expectedStatus(c, persona, tenant);
      const title = c.object ? `when ${persona} calls ${key} on an object of the ${tenant} pair, then ${status}` : `when ${persona} calls ${key}, then ${status}`;
      return { key, persona, tenant, status, title, scoped: c.object !== undefined };
    }),
  ),
);

/**
 * Objects that a request leaves as they were (reads, and writes that must be
 * refused) are built once per route, tenant and side, and shared by the
 * personas; a write expected to succeed gets a fresh one.
 */
const built = new Map<string, Promise<Req>>();
function requestFor(key: string, c: AuthenticatedCase, x: Ctx, fresh: boolean): Promise<Req> {
  if (fresh || !c.object) return c.request(x);
  const id = `${key}|${x.tenant}|${x.side.id}`;
  if (!built.has(id)) built.set(id, c.request(x));
  return built.get(id)!;
}

describe('when a persona calls a route', () => {
  // Lists and creates first: PUT /api/scoring/profile rescores every engagement of the buyer, and the rows with objects add hundreds.
  test.each([...rows.filter((r) => !r.scoped), ...rows.filter((r) => r.scoped)])('$title', async ({ key, persona, tenant, status }) => {
    const c = cases[key] as AuthenticatedCase;
    const method = methodOf(key);
    const write = method !== 'GET';
    if (write && !c.watch?.length) throw new Error(`${key} is a write without watch: name the tables it could change`);
    const req = await requestFor(key, c, { w: world, persona, tenant, pair: world.pairs[tenant], side: sideOf(world, persona, tenant) }, write && status < 400);
    const before = write ? await snapshot(c.watch!, req) : undefined;
    const res = await send(world.clients[persona], method, req);
    expect({ status: res.status, code: res.code }).toEqual({ status, code: errorCode[status] });
    if (write && res.status >= 400 && res.status < 500) expect(await snapshot(c.watch!, req)).toEqual(before);
    if (!write && res.status === 200) expect({ route: key, foreign: foreignIn(c, res.body) }).toEqual({ route: key, foreign: { ids: [], names: false } });
    if (personaRole[persona].kind === 'provider' && res.status < 300) expect({ route: key, buyerReasoning: searchableText(res.body).includes(buyerReasoning) }).toEqual({ route: key, buyerReasoning: false });
  });
});

// After the personas' rows, so that their objects are there to reuse and PUT /api/scoring/profile ran before they existed.
describe('when nobody is signed in', () => {
  test.each(authenticated.map(([key]) => ({ key })))('when nobody is signed in and calls $key, then 401 and nothing changed', async ({ key }) => {
    const c = cases[key] as AuthenticatedCase;
    const req = await requestFor(key, c, { w: world, persona: 'buyerAdmin', tenant: 'own', pair: world.pairs.own, side: world.pairs.own.buyer }, false);
    const write = methodOf(key) !== 'GET';
    const before = write ? await snapshot(c.watch ?? [], req) : undefined;
    const res = await send(world.anonymous, methodOf(key), req);
    expect({ status: res.status, code: res.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    if (write) expect(await snapshot(c.watch ?? [], req)).toEqual(before);
  });
});
