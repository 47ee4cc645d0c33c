import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser, TEST_PASSWORD } from '../helpers/factories';

let t: TestContext;
let analyst: Client;
let provider: Client;
let legal: Client;
let engagementId: string;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.deps);
  analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
  legal = await signedIn(t.app, 'legal@northwind.demo.test', DEMO_PASSWORD);
  provider = await signedIn(t.app, 'admin@acme.demo.test', DEMO_PASSWORD);
  engagementId = (await analyst.get('/api/engagements').expect(200)).body.engagements[0].id;
});
afterAll(() => t.close());

type Finding = { id: string; code: string; severity: string; explanation: string; status: string; key?: string };
const findings = async (c: Client = analyst) => (await c.get(`/api/engagements/${engagementId}/findings`).expect(200)).body.findings as Finding[];

describe('findings on the demo engagement', () => {
  test('when the buyer opens the findings, then the Cebu site outside the Makati-only certificate is a critical finding that names both cities', async () => {
    const list = await findings();
    const site = list.find((f) => f.code === 'SCOPE_SITE_NOT_COVERED');
    expect(site).toBeDefined();
    expect(site!.severity).toBe('critical');
    expect(site!.explanation).toMatch(/Cebu/);
    expect(site!.explanation).toMatch(/Makati/);
    expect(list[0]!.severity).toBe('critical');
    // The SoA shared excludes 7.12 without a justification; the certificate cites the shared SoA correctly.
    expect(list.some((f) => f.code === 'SOA_EXCLUSION_UNJUSTIFIED' && /7\.12/.test(f.explanation))).toBe(true);
    expect(list.some((f) => f.code === 'SOA_REFERENCE_MISMATCH')).toBe(false);
    expect(list.some((f) => f.code === 'CERT_MISSING' || f.code === 'SOA_MISSING')).toBe(false);
  });

  test('when the findings are read, then they name what they rest on: each certificate shared, the SoA and the questionnaire whose answers were checked', async () => {
    for (const c of [analyst, provider]) {
      const { basis } = (await c.get(`/api/engagements/${engagementId}/findings`).expect(200)).body;
      const cert = await t.db.selectFrom('certificates').select(['certificate_number', 'certification_body', 'expiry_date']).executeTakeFirstOrThrow();
      expect(basis.certificates).toEqual([expect.objectContaining({ certificateNumber: cert.certificate_number, certificationBody: cert.certification_body, expiryDate: cert.expiry_date })]);
      expect(basis.soa).toEqual(expect.objectContaining({ documentTitle: expect.any(String) }));
      // The 2025 review was submitted; this year's questionnaire is still in progress, so its answers are not what was checked.
      expect(basis.answers).toMatchObject({ title: expect.stringMatching(/2025 review/), submittedAt: '2025-12-10T16:30:00.000Z' });
    }
  });

  test('when nothing has been submitted yet, then the basis says no answers were checked', async () => {
    const buyer = await makeOrganization(t.db, 'buyer');
    const other = await makeOrganization(t.db, 'provider');
    const email = (await makeUser(t.db, buyer.id, 'analyst')).email;
    const id = await makeEngagement(t.db, buyer.id, other.id);
    const template = await makeTemplate(t.db, buyer.id);
    await makeAssessment(t.db, { engagementId: id, buyerOrgId: buyer.id, providerOrgId: other.id, templateVersionId: template.versionId }, 'in_progress', { screening: { value: 'yes' } });
    const c = await signedIn(t.app, email, TEST_PASSWORD);
    const { basis, findings: list } = (await c.get(`/api/engagements/${id}/findings`).expect(200)).body;
    expect(basis).toEqual({ certificates: [], soa: null, answers: null });
    expect(list.map((f: Finding) => f.code)).toEqual(expect.arrayContaining(['CERT_MISSING']));
  });

  test('when a finding moves through its workflow, then the state survives recomputation and every step is audited', async () => {
    const site = (await findings()).find((f) => f.code === 'SCOPE_SITE_NOT_COVERED')!;
    const planned = await provider.patch(`/api/findings/${site.id}`).send({ action: 'plan_remediation', owner: 'Maria Santos', dueDate: '2027-03-31', plan: 'Extend the certificate scope to the Cebu site at the next surveillance audit.' }).expect(200);
    expect(planned.body.finding).toMatchObject({ status: 'remediation_planned', remediation: { owner: 'Maria Santos', dueDate: '2027-03-31' } });
    await provider.patch(`/api/findings/${site.id}`).send({ action: 'respond', response: 'Cebu joins the scope in March.' }).expect(200);

    const again = (await findings()).find((f) => f.id === site.id)!;
    expect(again.status).toBe('remediation_planned');

    const before = await tableDigest(t.db, ['findings']);
    await provider.patch(`/api/findings/${site.id}`).send({ action: 'resolve' }).expect(403);
    await legal.patch(`/api/findings/${site.id}`).send({ action: 'dismiss', reason: 'not relevant for us' }).expect(403);
    const noJustification = await analyst.patch(`/api/findings/${site.id}`).send({ action: 'accept_risk', approver: 'CISO', expiresAt: '2027-06-30' }).expect(400);
    expect(noJustification.body.error.details.fields.map((f: { path: string }) => f.path)).toContain('justification');
    const past = await analyst.patch(`/api/findings/${site.id}`).send({ action: 'accept_risk', justification: 'Temporary, while the scope is extended', approver: 'CISO', expiresAt: '2020-01-01' }).expect(400);
    expect(past.body.error.details.fields[0].path).toBe('expiresAt');
    expect(await tableDigest(t.db, ['findings'])).toBe(before);

    const accepted = await analyst.patch(`/api/findings/${site.id}`).send({ action: 'accept_risk', justification: 'Temporary, while the scope is extended to Cebu', approver: 'Nadia Okafor, CISO', expiresAt: '2027-06-30' }).expect(200);
    expect(accepted.body.finding).toMatchObject({ status: 'risk_accepted', riskAcceptance: { approver: 'Nadia Okafor, CISO', expiresAt: '2027-06-30' } });
    await analyst.patch(`/api/findings/${site.id}`).send({ action: 'resolve' }).expect(409);
    await analyst.patch(`/api/findings/${site.id}`).send({ action: 'reopen' }).expect(200);
    const actions = (await t.db.selectFrom('audit_events').select('action').where('target_id', '=', site.id).orderBy('id').execute()).map((e) => e.action);
    expect(actions).toEqual(['finding.plan_remediation', 'finding.respond', 'finding.accept_risk', 'finding.reopen']);
  });

  test('when the body names an unknown action, then 400 names it', async () => {
    const site = (await findings()).find((f) => f.code === 'SCOPE_SITE_NOT_COVERED')!;
    const res = await analyst.patch(`/api/findings/${site.id}`).send({ action: 'delete' }).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('action');
  });

  test('when another buyer asks, then 404', async () => {
    const other = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'buyer')).id, 'admin')).email);
    await other.get(`/api/engagements/${engagementId}/findings`).expect(404);
    const site = (await findings()).find((f) => f.code === 'SCOPE_SITE_NOT_COVERED')!;
    await other.patch(`/api/findings/${site.id}`).send({ action: 'reopen' }).expect(404);
  });
});

describe('summary and portfolio', () => {
  test('when the buyer opens the portfolio, then the demo engagement shows its open critical finding and certificate, sorted by risk, in one page', async () => {
    const summary = (await analyst.get(`/api/engagements/${engagementId}/summary`).expect(200)).body.summary;
    expect(summary.findings.critical).toBeGreaterThanOrEqual(1);
    expect(summary.certificate).toEqual({ expiryDate: '2028-04-04', edition: '2022' });
    expect(summary.soaVersion).toBe('1.1');
    expect(summary.inherentTier).toBe(1);
    const page = (await analyst.get('/api/portfolio?sort=risk&pageSize=10').expect(200)).body;
    expect(page.total).toBe(1);
    expect(page.rows[0].engagement.id).toBe(engagementId);
    await analyst.get('/api/portfolio?sort=colour').expect(400);
    await provider.get('/api/portfolio').expect(403);
    await provider.get(`/api/engagements/${engagementId}/summary`).expect(403);
  });
});
