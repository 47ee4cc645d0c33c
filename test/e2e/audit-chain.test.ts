import { sql } from 'kysely';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('the audit chain in a real browser', () => {
  let h: BrowserHarness;
  let email: string;
  let orgId: string;

  beforeAll(async () => {
    h = await startHarness();
    orgId = (await makeOrganization(h.t.db, 'buyer', 'Northwind Audit Bank')).id;
    email = (await makeUser(h.t.db, orgId, 'admin', { name: 'Ava Auditor' })).email;
  });
  afterAll(() => h?.close());

  test('when the administrator verifies the trail, then it holds; after a superuser rewrites an event, the check names where it breaks', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome, Ava Auditor' }).waitFor();
    // Something to audit: an invitation.
    await page.goto('/users');
    const invite = page.getByRole('form', { name: 'Invite a user' });
    await invite.getByLabel('Email').fill('new.analyst@example.test');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to new.analyst@example.test').waitFor();
    await page.goto('/audit');
    const chain = page.getByLabel('Audit chain');
    await chain.getByRole('button', { name: 'Verify the audit trail' }).click();
    await chain.getByText('The chain holds').waitFor();
    expect(await chain.getByRole('link', { name: /Export for an auditor/ }).getAttribute('href')).toBe('/api/audit/export');
    await expectNoHorizontalOverflow(page);
    // History rewritten the way only a superuser can (append-only triggers off).
    await h.t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE audit_events SET details = '{"email":"someone.else@example.test"}'::jsonb WHERE organization_id = ${orgId} AND action = 'invitation.created'`.execute(trx);
    });
    await chain.getByRole('button', { name: 'Verify the audit trail' }).click();
    await chain.getByText(/The chain breaks at event \d+/).waitFor();
  }, 90_000);
});
