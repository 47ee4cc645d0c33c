import type { Page } from 'playwright-core';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { chooseOption, describeInBrowser, expectNoCutBadges, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('questionnaire journey in a real browser', () => {
  let h: BrowserHarness;
  let analystEmail: string;
  let providerEmail: string;

  beforeAll(async () => {
    h = await startHarness();
    const buyer = await makeOrganization(h.t.db, 'buyer', 'Northwind Bank');
    const provider = await h.t.db.insertInto('organizations').values({ kind: 'provider', name: 'Acme BPO', aliases: [] }).returning('id').executeTakeFirstOrThrow();
    analystEmail = (await makeUser(h.t.db, buyer.id, 'analyst', { name: 'Arjun Mehta' })).email;
    providerEmail = (await makeUser(h.t.db, provider.id, 'admin', { name: 'Maria Santos' })).email;
  });
  afterAll(() => h?.close());

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name }).click();

  test('when the buyer sends BPO essentials, then the provider answers and submits, and the buyer accepts an answer', async () => {
    const buyer = await h.newPage();
    await signInThroughForm(buyer, analystEmail, TEST_PASSWORD);
    await nav(buyer, 'Engagements');
    await buyer.getByRole('link', { name: 'New engagement' }).click();
    const form = buyer.getByRole('form', { name: 'New engagement' });
    await form.getByLabel('Engagement name').fill('Inbound customer support');
    await form.getByLabel('Provider', { exact: true }).fill('Acme');
    await buyer.getByRole('option', { name: 'Acme BPO' }).click();
    await form.getByLabel('Contracting legal entity').fill('Acme BPO Philippines, Inc.');
    await form.getByLabel('Service 1', { exact: true }).fill('Inbound customer support (voice and chat)');
    await form.getByLabel('Site name').fill('Cebu delivery centre');
    await form.getByLabel('City').fill('Cebu City');
    await form.getByLabel('Country').fill('PH');
    await form.getByLabel('Payment card data').check();
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await buyer.getByRole('heading', { name: 'Inbound customer support' }).waitFor();
    await buyer.getByLabel('Risk tier').getByText(/Tier 2/).waitFor();

    await chooseOption(buyer, 'Template', /BPO essentials/i);
    await buyer.getByRole('button', { name: 'Create questionnaire' }).click();
    await buyer.getByRole('button', { name: 'Send to provider' }).click();
    await buyer.getByRole('table', { name: 'Questionnaires' }).getByText('Sent', { exact: true }).waitFor();

    const provider = await h.newPage();
    await signInThroughForm(provider, providerEmail, TEST_PASSWORD);
    await nav(provider, 'Inbox');
    await provider.getByRole('table', { name: 'Inbox' }).getByRole('link', { name: /BPO essentials/i }).click();
    await provider.getByRole('button', { name: 'Submit questionnaire' }).waitFor();

    // Answer every question shown, the way a person would: the first choice, a date, a number, some text.
    for (let round = 0; round < 3; round++) {
      const groups = provider.getByRole('radiogroup');
      const count = await groups.count();
      for (let i = 0; i < count; i++) {
        const group = groups.nth(i);
        if ((await group.getByRole('radio', { checked: true }).count()) > 0) continue;
        await group.getByRole('radio').first().check();
        await provider.waitForTimeout(50);
      }
    }
    // An option meaning "not applicable" needs a justification, as a person would give it.
    const justifications = provider.locator('textarea[aria-label^="Justification for"]');
    for (let i = 0; i < (await justifications.count()); i++) await justifications.nth(i).fill('Agents never work from home on this account.');
    const texts = provider.locator('textarea[aria-label]:not([aria-label^="Comment"]):not([aria-label^="Reply"]):not([aria-label^="Justification"])');
    for (let i = 0; i < (await texts.count()); i++) if (!(await texts.nth(i).inputValue())) await texts.nth(i).fill('Documented in our ISMS manual.');
    const dates = provider.locator('input[type="date"]');
    for (let i = 0; i < (await dates.count()); i++) await dates.nth(i).fill('2026-06-30');
    await provider.waitForTimeout(1500);
    await provider.getByRole('button', { name: 'Submit questionnaire' }).click();
    await provider.getByRole('button', { name: 'Submit now' }).click();
    await provider.getByLabel('Status').getByText('Submitted', { exact: true }).waitFor();

    await buyer.reload();
    await buyer.getByRole('table', { name: 'Questionnaires' }).getByRole('link', { name: /BPO essentials/i }).click();
    await buyer.getByLabel('Status').getByText('Submitted', { exact: true }).waitFor();
    const first = buyer.getByRole('region', { name: 'Question 1' }).or(buyer.getByLabel('Question 1', { exact: true }));
    // Each question's control ids and "evidence required" are read whole beside the question text.
    await first.getByText('evidence required').waitFor();
    await expectNoCutBadges(buyer);
    await expectNoHorizontalOverflow(buyer);
    await first.getByRole('button', { name: 'Accept' }).click();
    await first.getByText(/^Accepted/).waitFor();
  }, 120_000);
});
