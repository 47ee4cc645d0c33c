import { insertInvitation } from '../../server/repositories/invitation';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, signInThroughForm, startHarness, type BrowserHarness } from './browser';

// Issue 14 item 3 in the browser: two "Acme BPO" are told apart in the picker, and inviting a namesake asks first.
describeInBrowser('provider picker in a real browser', () => {
  let h: BrowserHarness;
  let analystEmail: string;
  let realId: string;
  let hiddenId: string;

  beforeAll(async () => {
    h = await startHarness();
    const buyer = await makeOrganization(h.t.db, 'buyer', 'Northwind Bank');
    analystEmail = (await makeUser(h.t.db, buyer.id, 'analyst', { name: 'Arjun Mehta' })).email;
    const real = await makeOrganization(h.t.db, 'provider', 'Acme BPO');
    realId = real.id;
    await makeUser(h.t.db, real.id, 'admin', { email: 'ciso@acme.example.test' });
    const namesake = await makeOrganization(h.t.db, 'provider', 'Acme BPO');
    await makeUser(h.t.db, namesake.id, 'admin', { email: 'ops@acme-bpo.example.test' });
    // Invited by another buyer and never joined: invisible to Northwind.
    const other = await makeOrganization(h.t.db, 'buyer', 'Mallory Bank');
    const mallory = await makeUser(h.t.db, other.id, 'analyst');
    const hidden = await makeOrganization(h.t.db, 'provider', 'Acme BPO');
    hiddenId = hidden.id;
    await insertInvitation(h.t.db, { organizationId: hidden.id, email: 'x@acme-fake.example.test', role: 'admin', tokenHash: 'unused', invitedBy: mallory.id, expiresAt: new Date(Date.now() + 86400000) });
  });
  afterAll(() => h?.close());

  test('when two providers are called Acme BPO, then the picker shows their verified domains and the engagement goes to the one picked', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, analystEmail, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Engagements' }).click();
    await page.getByRole('link', { name: 'New engagement' }).click();
    const form = page.getByRole('form', { name: 'New engagement' });
    await form.getByLabel('Engagement name').fill('Inbound customer support');
    await form.getByLabel('Provider', { exact: true }).fill('Acme');
    await page.getByRole('option', { name: /acme-bpo\.example\.test/ }).waitFor();
    expect(await page.getByRole('option', { name: /Acme BPO/ }).count()).toBe(2);
    await page.getByRole('option', { name: /verified acme\.example\.test/ }).click();

    // Inviting "ACME BPO, Inc." instead is stopped: it reads like a provider already listed.
    await form.getByText('Invite a provider not on Scopewise').click();
    await form.getByLabel('Provider organization').fill('ACME BPO, Inc.');
    await form.getByLabel('Administrator email').fill('someone@acme-group.example.test');
    await form.getByLabel('Contracting legal entity').fill('Acme BPO Philippines, Inc.');
    await form.getByLabel('Service 1', { exact: true }).fill('Inbound customer support (voice and chat)');
    await form.getByLabel('Site name').fill('Cebu delivery centre');
    await form.getByLabel('City').fill('Cebu City');
    await form.getByLabel('Country').fill('PH');
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await form.getByText('A provider with this name is already on Scopewise').waitFor();
    await form.getByRole('checkbox', { name: 'This is another organization: create it anyway' }).waitFor();
    const rows = await h.t.db.selectFrom('organizations').select('id').where('name', 'ilike', 'acme%').execute();
    expect(rows).toHaveLength(3);

    // "Use this provider" on the real one goes back to the picker with it chosen.
    await form.getByText('verified acme.example.test', { exact: false }).waitFor();
    const useButtons = form.getByRole('button', { name: 'Use this provider' });
    expect(await useButtons.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const row = useButtons.nth(i).locator('xpath=..');
      if ((await row.innerText()).includes('verified acme.example.test')) {
        await useButtons.nth(i).click();
        break;
      }
    }
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Inbound customer support' }).waitFor();
    const e = await h.t.db.selectFrom('engagements').select('provider_org_id').executeTakeFirstOrThrow();
    expect(e.provider_org_id).toBe(realId);
    expect(e.provider_org_id).not.toBe(hiddenId);
  });
});
