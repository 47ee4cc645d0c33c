import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('API tokens in a real browser', () => {
  let h: BrowserHarness;
  let email: string;

  beforeAll(async () => {
    h = await startHarness();
    const org = await makeOrganization(h.t.db, 'buyer', 'Northwind Token Bank');
    email = (await makeUser(h.t.db, org.id, 'admin', { name: 'Ada Admin' })).email;
  });
  afterAll(() => h?.close());

  test('when the administrator creates a read token, then a script can read with it but not write, until it is revoked', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();
    await page.goto('/users');
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('What it is for').fill('Ticketing sync');
    await form.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByLabel('New API token').textContent())!.trim();
    expect(token).toMatch(/^sw_/);
    const list = page.getByRole('table', { name: 'API tokens list' });
    await list.getByText('Ticketing sync').waitFor();
    expect(await list.textContent()).not.toContain(token);
    const call = (method: string) => fetch(`${h.baseUrl}/api/portfolio`, { method, headers: { Authorization: `Bearer ${token}` } });
    expect((await call('GET')).status).toBe(200);
    expect((await fetch(`${h.baseUrl}/api/engagements`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(403);
    await expectNoHorizontalOverflow(page);
    await list.getByRole('button', { name: 'Revoke' }).click();
    await list.getByText('revoked').waitFor();
    expect((await call('GET')).status).toBe(401);
  }, 90_000);
});
