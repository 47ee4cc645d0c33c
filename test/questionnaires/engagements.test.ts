import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { engagementInput, makeOrganization, makeUser } from '../helpers/factories';
import { invitationTokenFor } from '../helpers/mail';
import { engagementListDto } from '../../shared/schemas/engagement';

let t: TestContext;
let analyst: Client;
let legal: Client;
let otherBuyer: Client;
let providerAdmin: Client;
let providerId: string;
let buyerId: string;
const watched = ['engagements', 'organizations', 'invitations'];

beforeAll(async () => {
  t = await createTestContext();
  const buyer = await makeOrganization(t.db, 'buyer', 'Northwind Test Bank');
  buyerId = buyer.id;
  const provider = await t.db.insertInto('organizations').values({ kind: 'provider', name: 'Acme BPO', aliases: ['Acme Business Process Outsourcing'] }).returningAll().executeTakeFirstOrThrow();
  providerId = provider.id;
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst')).email);
  legal = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'legal')).email);
  providerAdmin = await signedIn(t.app, (await makeUser(t.db, provider.id, 'admin')).email);
  const other = await makeOrganization(t.db, 'buyer');
  otherBuyer = await signedIn(t.app, (await makeUser(t.db, other.id, 'admin')).email);
});
afterAll(() => t.close());

describe('engagements', () => {
  test('when an analyst creates an engagement with a provider, then its inherent risk tier comes with the reasons that add up to it', async () => {
    const res = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId })).expect(201);
    const e = res.body.engagement;
    expect(e).toMatchObject({ name: 'Inbound customer support', provider: { id: providerId, name: 'Acme BPO' }, sites: [{ city: 'Cebu City', country: 'PH' }] });
    // payment card 3 + personal data 2 + cloud 1 = 6 points: critical.
    expect(e.risk).toMatchObject({ tier: 1, computedTier: 1, points: 6, override: null });
    expect(e.risk.reasons.map((r: { factor: string }) => r.factor)).toEqual(expect.arrayContaining(['Handles payment card data', 'Handles personal data', 'Uses cloud services']));
    expect(e.abilities).toEqual({ update: true, overrideRisk: true, createAssessment: true, createSchedule: false });
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'engagement.created').where('target_id', '=', e.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ riskTier: 1 });
  });

  test('when the provider opens the engagement, then it sees the work but not how the buyer rates its risk', async () => {
    const created = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId, name: 'Back office' })).expect(201);
    const res = await providerAdmin.get(`/api/engagements/${created.body.engagement.id}`).expect(200);
    expect(res.body.engagement.risk).toBeNull();
    expect(res.body.engagement.abilities).toEqual({ update: false, overrideRisk: false, createAssessment: false, createSchedule: false });
    const before = await tableDigest(t.db, watched);
    await providerAdmin.patch(`/api/engagements/${created.body.engagement.id}`).send({ name: 'Renamed by provider' }).expect(403);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when the risk tier is overridden, then a reason is required, the override is audited, and clearing it returns to the computed tier', async () => {
    const created = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId, dataCategories: [], usesCloud: false })).expect(201);
    const id = created.body.engagement.id;
    expect(created.body.engagement.risk.tier).toBe(4);
    const short = await analyst.patch(`/api/engagements/${id}`).send({ riskOverride: { tier: 2, reason: 'because' } }).expect(400);
    expect(short.body.error.details.fields[0].path).toBe('riskOverride.reason');
    const res = await analyst.patch(`/api/engagements/${id}`).send({ riskOverride: { tier: 2, reason: 'Handles VIP customer escalations' } }).expect(200);
    expect(res.body.engagement.risk).toMatchObject({ tier: 2, computedTier: 4, override: { tier: 2, reason: 'Handles VIP customer escalations' } });
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'engagement.risk_overridden').where('target_id', '=', id).executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ from: null, to: 2, reason: 'Handles VIP customer escalations' });
    const cleared = await analyst.patch(`/api/engagements/${id}`).send({ riskOverride: null }).expect(200);
    expect(cleared.body.engagement.risk).toMatchObject({ tier: 4, override: null });
  });

  test('when the profile changes, then the computed tier follows', async () => {
    const created = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId, dataCategories: ['customer_confidential'], usesCloud: false })).expect(201);
    expect(created.body.engagement.risk.tier).toBe(4);
    const res = await analyst.patch(`/api/engagements/${created.body.engagement.id}`).send({ dataCategories: ['health'] }).expect(200);
    expect(res.body.engagement.risk.tier).toBe(2);
  });

  test('when a buyer invites a provider that is not on Scopewise, then its organization is created and its admin accepts by email and sees the engagement', async () => {
    const res = await analyst
      .post('/api/engagements')
      .send(engagementInput({ newProvider: { organizationName: 'Visayas Voice Solutions', adminEmail: 'ciso@visayas.example.test', adminName: 'Vic Reyes' } }))
      .expect(201);
    expect(res.body.engagement.provider.name).toBe('Visayas Voice Solutions');
    const token = invitationTokenFor(t.outbox(), 'ciso@visayas.example.test');
    const visitor = await anonymous(t.app);
    const accepted = await visitor.post('/api/invitations/accept').send({ token, name: 'Vic Reyes', password: 'a long enough password' }).expect(201);
    expect(accepted.body.user).toMatchObject({ role: 'admin', organization: { name: 'Visayas Voice Solutions', kind: 'provider' } });
    await visitor.refreshCsrf();
    const list = await visitor.get('/api/engagements').expect(200);
    expect(list.body.engagements.map((e: { id: string }) => e.id)).toEqual([res.body.engagement.id]);
  });

  test('when the invited provider admin already has an account, then the answer is 201 as for a new email and the owner gets a notice without a link', async () => {
    const before = t.outbox().length;
    await analyst.post('/api/engagements').send(engagementInput({ newProvider: { organizationName: 'Again', adminEmail: 'ciso@visayas.example.test' } })).expect(201);
    const mails = t.outbox().slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/already has a Scopewise account/);
    expect(mails[0]).not.toMatch(/#token=/);
  });

  test.each([
    ['no provider', engagementInput(), 'providerOrganizationId'],
    ['no services', engagementInput({ providerOrganizationId: 'x', services: [] }), 'services'],
    ['no site', engagementInput({ sites: [] }), 'sites'],
    ['a site without city', engagementInput({ sites: [{ name: 'A', address: '', city: '', country: 'PH' }] }), 'sites.0.city'],
    ['an unknown data category', engagementInput({ dataCategories: ['gossip'] }), 'dataCategories.0'],
    ['a repeated data category', engagementInput({ dataCategories: ['health', 'health'] }), 'dataCategories'],
    ['cloud as a string', engagementInput({ usesCloud: 'yes' }), 'usesCloud'],
  ])('when the body has %s, then 400 names %s and nothing is created', async (_what, body, field) => {
    const before = await tableDigest(t.db, watched);
    const res = await analyst.post('/api/engagements').send(body).expect(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when the provider id is a buyer organization, then 400 names providerOrganizationId', async () => {
    const buyerOrg = await makeOrganization(t.db, 'buyer');
    const res = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: buyerOrg.id })).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('providerOrganizationId');
  });

  test('when legal tries to create an engagement, then 403 and nothing changes', async () => {
    const before = await tableDigest(t.db, watched);
    await legal.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId })).expect(403);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when each role lists and opens engagements, then the abilities say who may start one (not legal) and who may draw up the security schedule (legal and administrators)', async () => {
    const buyerAdmin = await signedIn(t.app, (await makeUser(t.db, buyerId, 'admin')).email);
    const id = (await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId, name: 'Abilities' })).expect(201)).body.engagement.id;
    const seen = async (c: Client) => {
      const list = engagementListDto.parse((await c.get('/api/engagements').expect(200)).body);
      const one = (await c.get(`/api/engagements/${id}`).expect(200)).body.engagement;
      return { create: list.abilities.create, createSchedule: one.abilities.createSchedule };
    };
    expect(await seen(analyst)).toEqual({ create: true, createSchedule: false });
    expect(await seen(buyerAdmin)).toEqual({ create: true, createSchedule: true });
    expect(await seen(legal)).toEqual({ create: false, createSchedule: true });
    expect(await seen(providerAdmin)).toEqual({ create: false, createSchedule: false });
  });

  test("when another buyer asks for the engagement, then 404 as if it did not exist", async () => {
    const created = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: providerId })).expect(201);
    const res = await otherBuyer.get(`/api/engagements/${created.body.engagement.id}`).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await otherBuyer.get('/api/engagements').expect(200)).body.engagements).toEqual([]);
  });

  test('when a buyer searches providers by name or alias, then they are found; a provider may not search', async () => {
    const acme = { id: providerId, name: 'Acme BPO', adminAccepted: true, verifiedDomains: ['example.test'], invitedBy: null };
    expect((await analyst.get('/api/providers?q=acme').expect(200)).body.providers).toEqual([acme]);
    expect((await analyst.get('/api/providers?q=Business Process').expect(200)).body.providers).toEqual([acme]);
    expect((await analyst.get('/api/providers?q=100%25').expect(200)).body.providers).toEqual([]);
    await providerAdmin.get('/api/providers?q=acme').expect(403);
  });
});
