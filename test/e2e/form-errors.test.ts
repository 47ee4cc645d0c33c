import type { Locator } from 'playwright-core';
import { makeEngagement, makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, signInThroughForm, startHarness, type BrowserHarness } from './browser';

/** The text of the error an input points to (aria-describedby), as a screen reader announces it next to the field. */
async function describedBy(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' | ');
}

describeInBrowser('form errors in the user’s words in a real browser', () => {
  let h: BrowserHarness;
  let email: string;
  let engagementId: string;

  beforeAll(async () => {
    h = await startHarness();
    const buyer = await makeOrganization(h.t.db, 'buyer', 'Northwind Words Bank');
    const provider = await makeOrganization(h.t.db, 'provider', 'Acme Words BPO');
    email = (await makeUser(h.t.db, buyer.id, 'analyst', { name: 'Wanda Words' })).email;
    engagementId = await makeEngagement(h.t.db, buyer.id, provider.id, { name: 'Inbound support in words' });
  });
  afterAll(() => h?.close());

  test('when the analyst sends a questionnaire without a template and with a past due date, then both problems are named in words next to their fields', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`/engagements/${engagementId}`);
    const form = page.getByRole('form', { name: 'New questionnaire' });
    const template = form.getByRole('combobox', { name: 'Template' });
    const due = form.getByLabel('Due date');
    await template.and(page.locator(':enabled')).waitFor();
    await due.fill('2020-01-31');
    await form.getByRole('button', { name: 'Create questionnaire' }).click();

    await form.getByText('Choose a template', { exact: true }).waitFor();
    await form.getByText('The due date must be today or later', { exact: true }).waitFor();
    expect(await template.getAttribute('aria-invalid')).toBe('true');
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(template)).toContain('Choose a template');
    expect(await describedBy(due)).toContain('The due date must be today or later');
    // Nothing in API terms, and no alert repeating what the fields already say.
    expect(await page.getByText(/must be a UUID|templateId|dueDate/).count()).toBe(0);
    expect(await form.getByRole('alert').count()).toBe(0);
  });
});
