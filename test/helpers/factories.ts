import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Storage } from '../../server/storage/storage';
import type { OrganizationKind, Role } from '../../shared/roles';
import { hashPassword } from '../../server/auth/password';
import type { Insertable } from 'kysely';
import type { Database } from '../../server/db/database';
import type { Certificates } from '../../server/db/types';
import type { AssessmentStatus } from '../../shared/schemas/assessment';
import { allQuestions, templateContent } from '../../shared/schemas/template';
import { smallTemplate } from './template-fixture';
import { insertOrganization } from '../../server/repositories/organization';
import { insertUser } from '../../server/repositories/user';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

const unique = () => crypto.randomBytes(4).toString('hex');

export async function makeOrganization(db: Database, kind: OrganizationKind, name = `${kind === 'buyer' ? 'Buyer' : 'Provider'} ${unique()}`) {
  return insertOrganization(db, { kind, name });
}

/** A user with TEST_PASSWORD (hashed once per test file). */
export async function makeUser(db: Database, organizationId: string, role: Role, fields: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return insertUser(db, {
    organizationId,
    role,
    email: fields.email ?? `${role}-${unique()}@example.test`,
    name: fields.name ?? `Test ${role}`,
    passwordHash: await passwordHash,
  });
}

/** A realistic engagement profile for API calls: inbound support with card data from Cebu. */
export function engagementInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Inbound customer support',
    description: 'Card holder support line, 24/7',
    services: ['Inbound customer support (voice and chat)'],
    sites: [{ name: 'Cebu delivery centre', address: 'Cebu IT Park, Lahug', city: 'Cebu City', country: 'PH' }],
    contractingEntity: 'Acme BPO Philippines, Inc.',
    dataCategories: ['payment_card', 'personal_data'],
    usesCloud: true,
    remoteWork: false,
    developsSoftware: false,
    subcontractors: [],
    ...overrides,
  };
}

/** An engagement row between two organizations, bypassing the API (for tests about other things). */
export async function makeEngagement(db: Database, buyerOrgId: string, providerOrgId: string, fields: { name?: string } = {}) {
  const row = await db
    .insertInto('engagements')
    .values({
      buyer_org_id: buyerOrgId,
      provider_org_id: providerOrgId,
      name: fields.name ?? `Engagement ${unique()}`,
      services: JSON.stringify(['Inbound customer support']),
      sites: JSON.stringify([{ name: 'Cebu', address: 'Cebu IT Park', city: 'Cebu City', country: 'PH' }]),
      contracting_entity: 'Acme BPO Philippines, Inc.',
      data_categories: ['personal_data'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A template of a buyer organization at version 1 (the small test template unless given). */
export async function makeTemplate(db: Database, organizationId: string, content: unknown = smallTemplate) {
  const parsed = templateContent.parse(content);
  const t = await db.insertInto('templates').values({ organization_id: organizationId, current_version: 1 }).returning('id').executeTakeFirstOrThrow();
  const v = await db
    .insertInto('template_versions')
    .values({ template_id: t.id, version: 1, name: parsed.name, content: JSON.stringify(parsed), question_count: allQuestions(parsed).length })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: t.id, versionId: v.id };
}

/**
 * An assessment in a given status between an engagement's buyer and
 * provider, with answers (and verdicts) written directly.
 */
export async function makeAssessment(
  db: Database,
  e: { engagementId: string; buyerOrgId: string; providerOrgId: string; templateVersionId: string },
  status: AssessmentStatus,
  answers: Record<string, { value: unknown; verdict?: 'accepted' | 'rejected' | 'clarification_requested'; comment?: string }> = {},
) {
  const now = new Date();
  const a = await db
    .insertInto('assessments')
    .values({
      engagement_id: e.engagementId,
      buyer_org_id: e.buyerOrgId,
      provider_org_id: e.providerOrgId,
      template_version_id: e.templateVersionId,
      title: `Questionnaire ${unique()}`,
      status,
      due_date: new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10),
      sent_at: status === 'draft' ? null : now,
      submitted_at: ['submitted', 'completed'].includes(status) ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [key, x] of Object.entries(answers)) {
    const answer = await db
      .insertInto('answers')
      .values({ assessment_id: a.id, question_key: key, value: JSON.stringify(x.value), comment: x.comment ?? null, verdict: x.verdict ?? null, reviewed_at: x.verdict ? now : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    answerIds.set(`${a.id}:${key}`, answer.id);
  }
  return a.id;
}

const answerIds = new Map<string, string>();
/** The id of an answer made by makeAssessment. */
export const answerIdOf = (assessmentId: string, questionKey: string) => answerIds.get(`${assessmentId}:${questionKey}`)!;

/** Answers to every question of the small template that a submission needs (remote work answered no, so the conditional one stays hidden). */
export const completeSmallAnswers = {
  screening: { value: 'yes' },
  'training-frequency': { value: 'yearly' },
  'remote-allowed': { value: 'no' },
  'last-review': { value: '2026-01-15' },
  'home-workers': { value: 0 },
  notes: { value: 'None' },
};

/** A stored document of an organization (bytes in storage, row in the database). */
export async function makeDocument(db: Database, storage: Storage, organizationId: string, fields: { kind?: string; title?: string; content?: Buffer; mime?: string; originalName?: string } = {}) {
  const content = fields.content ?? Buffer.from(`evidence ${unique()}\n`);
  const key = crypto.randomBytes(32).toString('hex');
  const mime = fields.mime ?? (content.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : 'text/plain');
  await storage.put(key, Readable.from([content]), { contentType: mime });
  const id = crypto.randomUUID();
  await db
    .insertInto('documents')
    .values({
      id,
      organization_id: organizationId,
      series_id: id,
      version: 1,
      kind: fields.kind ?? 'evidence',
      title: fields.title ?? `Document ${unique()}`,
      original_name: fields.originalName ?? (mime === 'application/pdf' ? 'document.pdf' : 'evidence.txt'),
      mime,
      size_bytes: content.length,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      storage_key: key,
    })
    .execute();
  return id;
}

/** Shares a document with an engagement directly. */
export async function shareDocument(db: Database, engagementId: string, documentId: string) {
  await db.insertInto('document_shares').values({ engagement_id: engagementId, document_id: documentId }).execute();
}

/** Certificate facts of a provider on one of its certificate documents (defaults: a valid, accredited 27001:2022 certificate). */
export async function makeCertificate(db: Database, providerOrgId: string, documentId: string, fields: Partial<Insertable<Certificates>> = {}) {
  const row = await db
    .insertInto('certificates')
    .values({
      organization_id: providerOrgId,
      document_id: documentId,
      standard: 'ISO/IEC 27001',
      edition: '2022',
      certificate_number: 'IS 1',
      certification_body: 'BSI',
      legal_entity: 'Acme',
      issue_date: '2025-01-01',
      expiry_date: '2028-01-01',
      scope_text: 'Contact centre',
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A valid body for POST /api/certificates: a 27001:2022 certificate whose scope covers a Makati site. */
export function certificateInput(documentId: string, overrides: Record<string, unknown> = {}) {
  return {
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
    ...overrides,
  };
}
