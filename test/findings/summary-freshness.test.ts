import type { Database } from '../../server/db/database';
import { refreshIfStale } from '../../server/findings/summary';
import { loadEngagementForRefresh } from '../../server/repositories/engagement';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { completeSmallAnswers, makeAssessment, makeCertificate, makeDocument, makeEngagement, makeOrganization, makeTemplate, makeUser, shareDocument } from '../helpers/factories';

/**
 * A summary (and the findings beside it) is recomputed on read only when the
 * engagement's facts changed since it was stored, or the day did: these tests
 * change each kind of fact directly in the database and expect the next read
 * to show it, and expect a read with nothing new to compute nothing.
 */

let t: TestContext;
let db: Database;
let analyst: Client;
let org: { buyer: string; provider: string };

beforeAll(async () => {
  t = await createTestContext();
  db = t.db;
  org = { buyer: (await makeOrganization(db, 'buyer')).id, provider: (await makeOrganization(db, 'provider')).id };
  analyst = await signedIn(t.app, (await makeUser(db, org.buyer, 'analyst')).email);
});
afterAll(() => t.close());

const summary = async (engagementId: string) => (await analyst.get(`/api/engagements/${engagementId}/summary`).expect(200)).body.summary;

/** A certificate of the provider shared with the engagement. */
async function shareCertificate(engagementId: string, expiryDate: string) {
  const documentId = await makeDocument(db, t.deps.storage, org.provider, { kind: 'certificate' });
  await shareDocument(db, engagementId, documentId);
  return makeCertificate(db, org.provider, documentId, { accreditation_body: 'UKAS', legal_entity: 'Acme BPO Philippines, Inc.', expiry_date: expiryDate, scope_text: 'Customer support from Cebu City' });
}

test('when nothing changed, then reading the summary again computes nothing', async () => {
  const engagementId = await makeEngagement(db, org.buyer, org.provider);
  // The first computation raises the engagement's findings, a change of its own: the next read computes once more.
  await summary(engagementId);
  const first = await summary(engagementId);
  expect(first.computedAt).not.toBeNull();
  expect((await summary(engagementId)).computedAt).toBe(first.computedAt);
  await analyst.get(`/api/engagements/${engagementId}/findings`).expect(200);
  expect((await summary(engagementId)).computedAt).toBe(first.computedAt);
});

test("when the certificate's facts change, then the next summary shows them", async () => {
  const engagementId = await makeEngagement(db, org.buyer, org.provider);
  const certificateId = await shareCertificate(engagementId, '2028-01-01');
  expect((await summary(engagementId)).certificate).toMatchObject({ expiryDate: '2028-01-01' });
  await db.updateTable('certificates').set({ expiry_date: '2027-06-30' }).where('id', '=', certificateId).execute();
  expect((await summary(engagementId)).certificate).toMatchObject({ expiryDate: '2027-06-30' });
});

test("when the contracting entity's own names change, then the entity finding is derived again", async () => {
  const engagementId = await makeEngagement(db, org.buyer, org.provider);
  await db.updateTable('engagements').set({ contracting_entity: 'Acme Global Services Ltd' }).where('id', '=', engagementId).execute();
  await shareCertificate(engagementId, '2028-01-01');
  const codes = async () => (await analyst.get(`/api/engagements/${engagementId}/findings`).expect(200)).body.findings.map((f: { code: string }) => f.code);
  expect(await codes()).toContain('CERT_ENTITY_MISMATCH');
  await db.updateTable('engagements').set({ contracting_entity_aliases: ['Acme BPO Philippines, Inc.'] }).where('id', '=', engagementId).execute();
  expect(await codes()).not.toContain('CERT_ENTITY_MISMATCH');
});

test('when a questionnaire is submitted, then the next summary has its score', async () => {
  const engagementId = await makeEngagement(db, org.buyer, org.provider);
  const templateVersionId = (await makeTemplate(db, org.buyer)).versionId;
  const assessmentId = await makeAssessment(db, { engagementId, buyerOrgId: org.buyer, providerOrgId: org.provider, templateVersionId }, 'in_progress', completeSmallAnswers);
  expect((await summary(engagementId)).score).toBeNull();
  await db.updateTable('assessments').set({ status: 'submitted', submitted_at: new Date() }).where('id', '=', assessmentId).execute();
  expect((await summary(engagementId)).score).toEqual(expect.any(Number));
});

test('when the day changes, then the summary is computed again for the new day', async () => {
  const engagementId = await makeEngagement(db, org.buyer, org.provider);
  const first = await summary(engagementId);
  const e = (await loadEngagementForRefresh(db, engagementId))!;
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  await refreshIfStale(db, e, tomorrow);
  const stored = await db.selectFrom('engagement_summaries').select(['computed_on', 'computed_at']).where('engagement_id', '=', engagementId).executeTakeFirstOrThrow();
  expect(stored.computed_on).toBe(tomorrow);
  expect(stored.computed_at.toISOString()).not.toBe(first.computedAt);
});
