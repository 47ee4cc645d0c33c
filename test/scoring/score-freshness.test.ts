import { controlIds } from '../../shared/catalog';
import type { Database } from '../../server/db/database';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { answerIdOf, completeSmallAnswers, makeAssessment, makeDocument, makeEngagement, makeOrganization, makeTemplate, makeUser, shareDocument } from '../helpers/factories';

/**
 * The score endpoint serves a computed score again until something it reads
 * changes. These tests prime it, change one input the way any write path
 * could (directly in the database), and expect the very next answer to
 * reflect the change: a served score is never stale.
 */

interface Control {
  controlId: string;
  score: number;
  weight: number;
  baseWeight: number;
  applicable: boolean;
  questions: { questionKey: string; credit: number; capped: string | null }[];
}
interface Score {
  overall: number;
  rating: string;
  ratingCappedBy: string | null;
  controls: Control[];
  coverage: { applicable: number };
}

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

/** A submitted assessment of the small template on a fresh engagement. */
async function submitted(answers: Parameters<typeof makeAssessment>[3] = completeSmallAnswers) {
  const engagementId = await makeEngagement(db, org.buyer, org.provider);
  const templateVersionId = (await makeTemplate(db, org.buyer)).versionId;
  const assessmentId = await makeAssessment(db, { engagementId, buyerOrgId: org.buyer, providerOrgId: org.provider, templateVersionId }, 'submitted', answers);
  return { engagementId, assessmentId };
}

const score = async (assessmentId: string): Promise<Score> => (await analyst.get(`/api/assessments/${assessmentId}/score`).expect(200)).body.score;
const control = (s: Score, id: string) => s.controls.find((c) => c.controlId === id)!;

/** An SoA of the provider, shared with the engagement, where `excluded` controls are not applicable (justified). */
async function shareSoa(engagementId: string, excluded: string[]) {
  const documentId = await makeDocument(db, t.deps.storage, org.provider, { kind: 'soa' });
  const soa = await db.insertInto('soas').values({ organization_id: org.provider, document_id: documentId, numbering: '2022', version: '1.0' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('soa_rows')
    .values(controlIds.map((id) => ({ soa_id: soa.id, control_id: id, applicable: !excluded.includes(id), implementation: excluded.includes(id) ? null : 'full', justification: 'Not relevant to this scope', method: 'exact' })))
    .execute();
  await shareDocument(db, engagementId, documentId);
  return { documentId, soaId: soa.id };
}

async function addFinding(engagementId: string, severity: string, fields: { status?: string; risk_expires?: string } = {}) {
  return (
    await db
      .insertInto('findings')
      .values({ engagement_id: engagementId, key: `TEST:${severity}:${Math.random()}`, code: 'SCOPE_SITE_NOT_COVERED', severity, title: 'Site not covered', explanation: 'Cebu is not in the scope', ...fields })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

describe('when something the score reads changes, then the next score shows it', () => {
  test('an answer changes', async () => {
    const { assessmentId } = await submitted();
    expect(control(await score(assessmentId), '6.3').score).toBe(1);
    await db.updateTable('answers').set({ value: JSON.stringify('never') }).where('id', '=', answerIdOf(assessmentId, 'training-frequency')).execute();
    expect(control(await score(assessmentId), '6.3').score).toBe(0);
  });

  test('the buyer rejects an answer', async () => {
    const { assessmentId } = await submitted();
    expect(control(await score(assessmentId), '6.3').score).toBe(1);
    await db.updateTable('answers').set({ verdict: 'rejected', reviewed_at: new Date() }).where('id', '=', answerIdOf(assessmentId, 'training-frequency')).execute();
    expect(control(await score(assessmentId), '6.3').score).toBe(0);
  });

  test('evidence is attached, then detached', async () => {
    const { assessmentId } = await submitted();
    expect(control(await score(assessmentId), '6.1').questions[0]).toMatchObject({ credit: 0.5, capped: 'evidence_missing' });
    const documentId = await makeDocument(db, t.deps.storage, org.provider);
    await db.insertInto('answer_evidence').values({ answer_id: answerIdOf(assessmentId, 'screening'), document_id: documentId }).execute();
    expect(control(await score(assessmentId), '6.1').questions[0]).toMatchObject({ credit: 1, capped: null });
    await db.deleteFrom('answer_evidence').where('answer_id', '=', answerIdOf(assessmentId, 'screening')).execute();
    expect(control(await score(assessmentId), '6.1').questions[0]).toMatchObject({ credit: 0.5 });
  });

  test('an SoA is shared, its rows change, then it is unshared', async () => {
    const { engagementId, assessmentId } = await submitted();
    // 5.1 is asked by the questionnaire (and not required): the SoA can take it out of the score.
    const before = (await score(assessmentId)).coverage.applicable;
    expect(control(await score(assessmentId), '5.1').applicable).toBe(true);
    const { documentId, soaId } = await shareSoa(engagementId, ['5.1']);
    expect(control(await score(assessmentId), '5.1').applicable).toBe(false);
    expect((await score(assessmentId)).coverage.applicable).toBe(before - 1);
    await db.updateTable('soa_rows').set({ applicable: true, implementation: 'full' }).where('soa_id', '=', soaId).where('control_id', '=', '5.1').execute();
    expect(control(await score(assessmentId), '5.1').applicable).toBe(true);
    await db.updateTable('soa_rows').set({ applicable: false, implementation: null }).where('soa_id', '=', soaId).where('control_id', '=', '5.1').execute();
    expect(control(await score(assessmentId), '5.1').applicable).toBe(false);
    await db.deleteFrom('document_shares').where('engagement_id', '=', engagementId).where('document_id', '=', documentId).execute();
    expect(control(await score(assessmentId), '5.1').applicable).toBe(true);
  });

  test('an open critical finding appears, its risk is accepted, and the acceptance expires', async () => {
    const { engagementId, assessmentId } = await submitted();
    // Only the answered controls weigh, and the screening evidence is there: a rating a critical finding can cap.
    await analyst.put('/api/scoring/profile').send({ weights: Object.fromEntries(controlIds.filter((id) => !['6.1', '6.3'].includes(id)).map((id) => [id, 0])) }).expect(200);
    await db.insertInto('answer_evidence').values({ answer_id: answerIdOf(assessmentId, 'screening'), document_id: await makeDocument(db, t.deps.storage, org.provider) }).execute();
    // (The profile change derived the engagement's findings: a missing certificate, a high one, may already cap it at B.)
    const uncapped = await score(assessmentId);
    expect(uncapped.rating).toMatch(/^[AB]$/);
    const findingId = await addFinding(engagementId, 'critical');
    expect(await score(assessmentId)).toMatchObject({ rating: 'C', ratingCappedBy: 'critical' });
    await db.updateTable('findings').set({ status: 'risk_accepted', risk_justification: 'Compensating controls in place', risk_approver: 'CISO', risk_expires: isoDay(30) }).where('id', '=', findingId).execute();
    expect(await score(assessmentId)).toMatchObject({ rating: uncapped.rating, ratingCappedBy: uncapped.ratingCappedBy });
    // An expired acceptance counts as open again.
    await db.updateTable('findings').set({ risk_expires: isoDay(-1) }).where('id', '=', findingId).execute();
    expect(await score(assessmentId)).toMatchObject({ rating: 'C', ratingCappedBy: 'critical' });
    await analyst.put('/api/scoring/profile').send({ weights: {} }).expect(200);
  });

  test("the buyer's scoring profile changes", async () => {
    const { assessmentId } = await submitted();
    expect(control(await score(assessmentId), '6.1').baseWeight).toBe(1);
    await analyst.put('/api/scoring/profile').send({ weights: { '6.1': 4 } }).expect(200);
    expect(control(await score(assessmentId), '6.1').baseWeight).toBe(4);
    await analyst.put('/api/scoring/profile').send({ weights: {} }).expect(200);
  });

  test("the engagement's profile changes (payment card data doubles 8.24)", async () => {
    const { engagementId, assessmentId } = await submitted();
    expect(control(await score(assessmentId), '8.24').weight).toBe(1);
    await db.updateTable('engagements').set({ data_categories: ['personal_data', 'payment_card'] }).where('id', '=', engagementId).execute();
    expect(control(await score(assessmentId), '8.24').weight).toBe(2);
  });
});

test('when a change is rolled back, then the score is what it was', async () => {
  const { engagementId, assessmentId } = await submitted();
  const before = await score(assessmentId);
  await db
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable('answers').set({ value: JSON.stringify('never') }).where('id', '=', answerIdOf(assessmentId, 'training-frequency')).execute();
      throw new Error('roll back');
    })
    .catch(() => undefined);
  expect(await score(assessmentId)).toEqual(before);
  const revision = await db.selectFrom('engagement_revisions').select('revision').where('engagement_id', '=', engagementId).executeTakeFirst();
  expect(revision).toBeDefined();
});

test('when the findings are derived again with nothing new, or an answer only gets a comment, then the score revision stays (the served score stays valid)', async () => {
  const { engagementId, assessmentId } = await submitted();
  const revision = async () => (await db.selectFrom('engagement_revisions').select('revision').where('engagement_id', '=', engagementId).executeTakeFirst())?.revision ?? 0;
  await analyst.get(`/api/engagements/${engagementId}/summary`).expect(200);
  const before = await revision();
  await analyst.get(`/api/engagements/${engagementId}/summary`).expect(200);
  await db.updateTable('answers').set({ comment: 'See the policy, section 4' }).where('id', '=', answerIdOf(assessmentId, 'screening')).execute();
  expect(await revision()).toBe(before);
  await db.updateTable('answers').set({ value: JSON.stringify('no') }).where('id', '=', answerIdOf(assessmentId, 'screening')).execute();
  expect(await revision()).toBeGreaterThan(before);
});
