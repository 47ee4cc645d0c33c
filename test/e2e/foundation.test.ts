import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { invitationTokenFor } from '../helpers/mail';
import { describeInBrowser, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('foundation journey in a real browser', () => {
  let h: BrowserHarness;
  let adminEmail: string;
  let analystEmail: string;

  beforeAll(async () => {
    h = await startHarness();
    const org = await makeOrganization(h.t.db, 'buyer', 'Northwind E2E Bank');
    adminEmail = (await makeUser(h.t.db, org.id, 'admin', { name: 'Erin Admin' })).email;
    analystEmail = (await makeUser(h.t.db, org.id, 'analyst', { name: 'Ana Analyst' })).email;
  });
  afterAll(() => h?.close());

  test('when the password is wrong, then the form says so and stays on the login page', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, adminEmail, 'not the password');
    await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  test('when an admin signs in and invites a colleague, then the colleague accepts the emailed link and lands signed in', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, adminEmail, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome, Erin Admin' }).waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('cell', { name: analystEmail }).waitFor();
    const form = page.getByRole('form', { name: 'Invite a user' });
    await form.getByLabel('Email').fill('new.colleague@northwind.example.test');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('cell', { name: 'new.colleague@northwind.example.test' }).first().waitFor();

    const token = invitationTokenFor(h.t.outbox(), 'new.colleague@northwind.example.test');
    const invited = await h.newPage();
    await invited.goto(`/invitations/accept#token=${token}`);
    await invited.getByLabel('Your name').fill('Nia Newcomer');
    await invited.getByLabel('Password', { exact: true }).fill('a long enough password');
    await invited.getByLabel('Repeat the password').fill('a long enough password');
    await invited.getByRole('button', { name: 'Create my account' }).click();
    await invited.getByRole('heading', { name: 'Welcome, Nia Newcomer' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  test('when an analyst signs in, then the admin pages are not in the navigation and the server refuses them', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, analystEmail, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome, Ana Analyst' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
  });
});

describeInBrowser('the API reference in a real browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  // The harness fails the test on any CSP violation or page error: Swagger UI must work under the app's policy.
  test('when the API reference is opened, then Swagger UI lists the routes under the CSP', async () => {
    const page = await h.newPage();
    await page.goto('/api/docs');
    await page.getByText('/api/assessments/{id}/score').first().waitFor();
  });
});
