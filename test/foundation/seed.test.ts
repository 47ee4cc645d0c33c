import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn } from '../helpers/agent';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

describe('the demo data', () => {
  test('when seeded, then the buyer analyst sees the Cebu engagement with the certificate and SoA the provider shared', async () => {
    const analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
    const engagements = (await analyst.get('/api/engagements').expect(200)).body.engagements;
    expect(engagements).toHaveLength(1);
    const e = engagements[0];
    expect(e).toMatchObject({ provider: { name: 'Acme BPO' }, sites: [{ city: 'Cebu City', country: 'PH' }], dataCategories: ['payment_card', 'personal_data'] });
    expect(e.risk.tier).toBe(1);

    const docs = (await analyst.get(`/api/engagements/${e.id}/documents`).expect(200)).body.documents;
    expect(docs.map((d: { kind: string }) => d.kind).sort()).toEqual(['certificate', 'soa']);
    for (const d of docs) await analyst.get(`/api/documents/${d.id}/content`).expect(200);

    const cert = (await analyst.get('/api/certificates').expect(200)).body.certificates[0];
    expect(cert).toMatchObject({ edition: '2022', legalEntity: 'Acme BPO Philippines, Inc.', sites: [{ city: 'Makati City' }], soaReference: { version: '1.1', date: '2025-05-13' } });

    const soaId = (await analyst.get('/api/soas').expect(200)).body.soas[0].id;
    const soa = (await analyst.get(`/api/soas/${soaId}`).expect(200)).body.soa;
    expect(soa.rows).toHaveLength(93);
    expect(soa).toMatchObject({ version: '1.1', date: '2025-05-13', numbering: '2022' });
    expect(soa.summary).toMatchObject({ excluded: 3, excludedWithoutJustification: 1, missing: 0 });
  });

  test('when seeded, then BPO essentials is half answered by the provider and due in two weeks', async () => {
    const provider = await signedIn(t.app, 'admin@acme.demo.test', DEMO_PASSWORD);
    const inbox = (await provider.get('/api/assessments').expect(200)).body.assessments as { id: string; status: string; progress: { answered: number; total: number } }[];
    expect(inbox.map((a) => a.status).sort()).toEqual(['completed', 'in_progress']);
    const current = inbox.find((a) => a.status === 'in_progress')!;
    expect(current).toMatchObject({ buyer: { name: 'Northwind Bank' }, template: { name: expect.stringMatching(/BPO/i) } });
    const { answered, total } = current.progress;
    expect(answered).toBeGreaterThan(total / 3);
    expect(answered).toBeLessThan(total);
    const analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
    expect((await analyst.get(`/api/assessments/${current.id}`).expect(200)).body.assessment.answers).toEqual([]);
  });

  test("when the buyer opens the demo engagement, then last year's review gives a score, a rating capped by the scope finding, and real control gaps", async () => {
    const analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
    const id = (await analyst.get('/api/engagements').expect(200)).body.engagements[0].id;
    const summary = (await analyst.get(`/api/engagements/${id}/summary`).expect(200)).body.summary;
    expect(summary.rating).toMatch(/[CD]/);
    expect(summary.findings.critical).toBeGreaterThanOrEqual(1);
    const codes = (await analyst.get(`/api/engagements/${id}/findings`).expect(200)).body.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['SCOPE_SITE_NOT_COVERED', 'CONTROL_GAP', 'CLAIM_WITHOUT_EVIDENCE']));
  });

  test('when the provider reads its demo certificate PDF, then the extraction finds the Makati scope', async () => {
    const provider = await signedIn(t.app, 'admin@acme.demo.test', DEMO_PASSWORD);
    const cert = (await provider.get('/api/documents?kind=certificate').expect(200)).body.documents[0];
    const proposal = (await provider.post(`/api/documents/${cert.id}/extract-certificate`).expect(200)).body;
    expect(proposal.fields.certificateNumber.value).toBe('IS 765432');
    expect(proposal.fields.expiryDate.value).toBe('2028-04-04');
    expect(proposal.fields.scopeText.value).toContain('Makati City');
  });
});
