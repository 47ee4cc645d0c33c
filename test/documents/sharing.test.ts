import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makePdf } from '../helpers/files';
import { completeSmallAnswers, makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser } from '../helpers/factories';

let t: TestContext;
let provider: Client;
let otherProvider: Client;
let buyer: Client;
let otherBuyer: Client;
let engagementId: string;
let otherEngagementId: string;
let pdf: Buffer;
let providerOrg: string;
let buyerOrg: string;

beforeAll(async () => {
  t = await createTestContext();
  providerOrg = (await makeOrganization(t.db, 'provider', 'Acme Share BPO')).id;
  const rival = await makeOrganization(t.db, 'provider');
  buyerOrg = (await makeOrganization(t.db, 'buyer', 'Northwind Share Bank')).id;
  const b2 = await makeOrganization(t.db, 'buyer');
  provider = await signedIn(t.app, (await makeUser(t.db, providerOrg, 'admin')).email);
  otherProvider = await signedIn(t.app, (await makeUser(t.db, rival.id, 'admin')).email);
  buyer = await signedIn(t.app, (await makeUser(t.db, buyerOrg, 'analyst')).email);
  otherBuyer = await signedIn(t.app, (await makeUser(t.db, b2.id, 'analyst')).email);
  engagementId = await makeEngagement(t.db, buyerOrg, providerOrg);
  otherEngagementId = await makeEngagement(t.db, b2.id, providerOrg);
  pdf = await makePdf(['Certificate of registration']);
});
afterAll(() => t.close());

const uploadPdf = async (c: Client, kind = 'certificate') => (await c.post('/api/documents').field('kind', kind).attach('file', pdf, 'certificate.pdf').expect(201)).body.document;

describe('sharing documents with a buyer', () => {
  test('when the provider shares a document with an engagement, then that buyer sees and downloads it and no other buyer does', async () => {
    const doc = await uploadPdf(provider);
    await buyer.get(`/api/documents/${doc.id}`).expect(404);
    const res = await provider.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [doc.id] }).expect(200);
    expect(res.body.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect(res.body.documents[0].sharedWith).toEqual([expect.objectContaining({ engagementId, buyerName: 'Northwind Share Bank' })]);

    const seen = await buyer.get(`/api/engagements/${engagementId}/documents`).expect(200);
    expect(seen.body.documents).toHaveLength(1);
    expect(seen.body.documents[0].sharedWith).toBeNull();
    await buyer.get(`/api/documents/${doc.id}/content`).expect(200);
    expect((await buyer.get('/api/documents').expect(200)).body.documents.map((d: { id: string }) => d.id)).toContain(doc.id);

    await otherBuyer.get(`/api/documents/${doc.id}`).expect(404);
    await otherBuyer.get(`/api/documents/${doc.id}/content`).expect(404);
    await otherBuyer.get(`/api/engagements/${engagementId}/documents`).expect(404);
    expect((await otherBuyer.get('/api/documents').expect(200)).body.documents).toEqual([]);
    await otherProvider.get(`/api/documents/${doc.id}`).expect(404);
  });

  test('when sharing is withdrawn, then the buyer no longer sees the document', async () => {
    const doc = await uploadPdf(provider, 'scope_statement');
    await provider.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [doc.id] }).expect(200);
    await buyer.get(`/api/documents/${doc.id}`).expect(200);
    await provider.delete(`/api/engagements/${engagementId}/shares/${doc.id}`).expect(204);
    await buyer.get(`/api/documents/${doc.id}`).expect(404);
    await provider.delete(`/api/engagements/${engagementId}/shares/${doc.id}`).expect(404);
  });

  test("when a provider shares another provider's document or shares with an engagement it is not part of, then it is refused and nothing changes", async () => {
    const mine = await uploadPdf(provider);
    const theirs = await uploadPdf(otherProvider);
    const before = await tableDigest(t.db, ['document_shares']);
    const res = await provider.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [mine.id, theirs.id] }).expect(400);
    expect(res.body.error.details.fields).toEqual([{ path: 'documentIds.1', message: 'is not a document of your library' }]);
    await otherProvider.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [theirs.id] }).expect(404);
    await buyer.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [mine.id] }).expect(403);
    expect(await tableDigest(t.db, ['document_shares'])).toBe(before);
  });

  test('when a document is shared with one engagement, then the buyer of another engagement of the same provider does not see it', async () => {
    const doc = await uploadPdf(provider, 'audit_report');
    await provider.post(`/api/engagements/${otherEngagementId}/shares`).send({ documentIds: [doc.id] }).expect(200);
    await buyer.get(`/api/documents/${doc.id}`).expect(404);
    await otherBuyer.get(`/api/documents/${doc.id}`).expect(200);
  });
});

describe('evidence on answers', () => {
  test('when the provider attaches evidence to an answer, then the buyer sees and downloads it once the questionnaire is submitted', async () => {
    const template = await makeTemplate(t.db, buyerOrg);
    const assessmentId = await makeAssessment(t.db, { engagementId, buyerOrgId: buyerOrg, providerOrgId: providerOrg, templateVersionId: template.versionId }, 'in_progress', completeSmallAnswers);
    const doc = await uploadPdf(provider, 'evidence');

    const notMine = await uploadPdf(otherProvider, 'evidence');
    const refused = await provider.put(`/api/assessments/${assessmentId}/answers/screening`).send({ value: 'yes', evidenceIds: [notMine.id] }).expect(400);
    expect(refused.body.error.details.fields[0].path).toBe('evidenceIds.0');
    const noEvidence = await provider.put(`/api/assessments/${assessmentId}/answers/notes`).send({ value: 'x', evidenceIds: [doc.id] }).expect(400);
    expect(noEvidence.body.error.details.fields[0].path).toBe('evidenceIds');

    const saved = await provider.put(`/api/assessments/${assessmentId}/answers/screening`).send({ value: 'yes', evidenceIds: [doc.id] }).expect(200);
    expect(saved.body.answer.evidence).toEqual([expect.objectContaining({ id: doc.id, kind: 'evidence', originalName: 'certificate.pdf' })]);
    await buyer.get(`/api/documents/${doc.id}`).expect(404);

    await provider.post(`/api/assessments/${assessmentId}/submit`).expect(200);
    const seen = (await buyer.get(`/api/assessments/${assessmentId}`).expect(200)).body.assessment;
    expect(seen.answers.find((a: { questionKey: string }) => a.questionKey === 'screening').evidence[0].id).toBe(doc.id);
    await buyer.get(`/api/documents/${doc.id}/content`).expect(200);
    await otherBuyer.get(`/api/documents/${doc.id}/content`).expect(404);
  });
});
