import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { engagementInput, makeOrganization, makeUser } from '../helpers/factories';
import { invitationTokenFor } from '../helpers/mail';

// Issue 14 item 3: any buyer may invite a provider under any name; another
// buyer must not be able to pick that impostor by mistake.
let t: TestContext;
let first: Client; // invited the real Acme BPO, whose administrator accepted
let mallory: Client; // invites an impostor under the same name
let carol: Client; // a third buyer looking for Acme
let realId: string;
let impostorId: string;

async function invite(buyer: Client, organizationName: string, adminEmail: string, extra: Record<string, unknown> = {}) {
  const res = await buyer.post('/api/engagements').send(engagementInput({ newProvider: { organizationName, adminEmail, ...extra } }));
  expect(res.status).toBe(201);
  return res.body.engagement.provider.id as string;
}

async function accept(adminEmail: string) {
  const visitor = await anonymous(t.app);
  await visitor.post('/api/invitations/accept').send({ token: invitationTokenFor(t.outbox(), adminEmail), name: 'Provider Admin', password: 'a long enough password' }).expect(201);
}

interface Found {
  id: string;
  name: string;
  adminAccepted: boolean;
  verifiedDomains: string[];
  invitedBy: string | null;
}
const search = async (buyer: Client, q: string) => (await buyer.get(`/api/providers?q=${encodeURIComponent(q)}`).expect(200)).body.providers as Found[];

beforeAll(async () => {
  t = await createTestContext();
  const buyer = async (name: string) => signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'buyer', name)).id, 'analyst')).email);
  first = await buyer('First Bank');
  mallory = await buyer('Mallory Bank');
  carol = await buyer('Carol Bank');
  realId = await invite(first, 'Acme BPO', 'ciso@acme.example.test');
  await accept('ciso@acme.example.test');
  impostorId = await invite(mallory, 'Acme BPO', 'ops@acme-bpo.example.test', { confirmNewOrganization: true });
});
afterAll(() => t.close());

describe('a buyer cannot impersonate a provider', () => {
  test('when another buyer invited a provider nobody joined, then a third buyer does not find it', async () => {
    expect((await search(carol, 'acme')).map((p) => p.id)).toEqual([realId]);
  });

  test('when a buyer invited a provider nobody joined yet, then that buyer still finds it', async () => {
    expect((await search(mallory, 'acme')).map((p) => p.id).sort()).toEqual([realId, impostorId].sort());
  });

  test("when a third buyer sends its engagement to another buyer's unjoined invitee by id, then 400 names providerOrganizationId and nothing is created", async () => {
    const watched = ['engagements', 'organizations', 'invitations', 'users', 'audit_events'];
    const before = await tableDigest(t.db, watched);
    const res = await carol.post('/api/engagements').send(engagementInput({ providerOrganizationId: impostorId })).expect(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['providerOrganizationId']);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when two providers share a name, then the search tells them apart without naming the other buyer', async () => {
    const res = await mallory.get('/api/providers?q=acme').expect(200);
    const byId = Object.fromEntries((res.body.providers as Found[]).map((p) => [p.id, p]));
    expect(byId[realId]).toEqual({ id: realId, name: 'Acme BPO', adminAccepted: true, verifiedDomains: ['acme.example.test'], invitedBy: 'another_buyer' });
    expect(byId[impostorId]).toEqual({ id: impostorId, name: 'Acme BPO', adminAccepted: false, verifiedDomains: [], invitedBy: 'you' });
    expect(res.text).not.toMatch(/First Bank/);
    expect((await search(first, 'acme')).find((p) => p.id === realId)).toMatchObject({ invitedBy: 'you' });
    expect((await search(carol, 'acme'))[0]).toMatchObject({ invitedBy: 'another_buyer', verifiedDomains: ['acme.example.test'] });
  });

  test('when an administrator is disabled, then their domain no longer vouches for the provider', async () => {
    const org = await makeOrganization(t.db, 'provider', 'Borealis Support');
    const admin = await makeUser(t.db, org.id, 'admin', { email: 'admin@borealis.example.test' });
    await makeUser(t.db, org.id, 'contributor', { email: 'agent@elsewhere.example.test' });
    expect(await search(carol, 'borealis')).toEqual([{ id: org.id, name: 'Borealis Support', adminAccepted: true, verifiedDomains: ['borealis.example.test'], invitedBy: null }]);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', admin.id).execute();
    expect(await search(carol, 'borealis')).toEqual([{ id: org.id, name: 'Borealis Support', adminAccepted: false, verifiedDomains: [], invitedBy: null }]);
  });

  test.each([
    ['the same name', 'Acme BPO', undefined],
    ['another case and a legal suffix', 'ACME BPO, Inc.', undefined],
    ['punctuation and GmbH', 'Acme-B.P.O. GmbH', false],
  ])('when a buyer invites a new provider with %s as a visible one without confirming, then 400 names newProvider.confirmNewOrganization, lists it, and nothing changes', async (_what, organizationName, confirm) => {
    const watched = ['engagements', 'organizations', 'invitations', 'users', 'audit_events'];
    const before = await tableDigest(t.db, watched);
    const mails = t.outbox().length;
    const res = await carol
      .post('/api/engagements')
      .send(engagementInput({ newProvider: { organizationName, adminEmail: 'someone@acme-group.example.test', ...(confirm !== undefined && { confirmNewOrganization: confirm }) } }))
      .expect(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['newProvider.confirmNewOrganization']);
    // Only what Carol may see: Mallory's unjoined impostor is not listed.
    expect(res.body.error.details.similarProviders).toEqual([{ id: realId, name: 'Acme BPO', adminAccepted: true, verifiedDomains: ['acme.example.test'], invitedBy: 'another_buyer' }]);
    expect(await tableDigest(t.db, watched)).toBe(before);
    expect(t.outbox()).toHaveLength(mails);
  });

  test('when the buyer confirms a namesake is another organization, then it is created and the audit event names the providers it resembles', async () => {
    const id = await invite(carol, 'Acme BPO Ltd', 'it@acme-uk.example.test', { confirmNewOrganization: true });
    const event = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'provider.invited').where('target_id', '=', id).executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ confirmedDespiteSimilar: [realId] });
  });

  test('when the new name differs from every visible provider, then no confirmation is asked', async () => {
    await invite(carol, 'Acme BPO India', 'admin@acme-india.example.test');
  });

  test('when the invited administrator email already has an account, then the answer is the same, and the organization nobody can join stays hidden from other buyers and shows the inviter that no administrator joined', async () => {
    const id = await invite(mallory, 'Quasar Outsourcing', 'ciso@acme.example.test');
    expect(await search(carol, 'quasar')).toEqual([]);
    expect(await search(mallory, 'quasar')).toEqual([{ id, name: 'Quasar Outsourcing', adminAccepted: false, verifiedDomains: [], invitedBy: 'you' }]);
  });

  test('when the invited administrator accepts, then every buyer finds the provider', async () => {
    const id = await invite(mallory, 'Zenith Contact Centres', 'admin@zenith.example.test');
    expect(await search(carol, 'zenith')).toEqual([]);
    await accept('admin@zenith.example.test');
    expect((await search(carol, 'zenith')).map((p) => p.id)).toEqual([id]);
    await carol.post('/api/engagements').send(engagementInput({ providerOrganizationId: id })).expect(201);
  });
});
