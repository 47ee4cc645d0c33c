import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('buyer tools in a real browser', () => {
  let h: BrowserHarness;
  let email: string;

  beforeAll(async () => {
    h = await startHarness();
    const org = await makeOrganization(h.t.db, 'buyer', 'Northwind Tools Bank');
    email = (await makeUser(h.t.db, org.id, 'analyst', { name: 'Tara Tools' })).email;
  });
  afterAll(() => h?.close());

  test('when the analyst filters the catalog for preventive identity controls, then exactly those are listed', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome, Tara Tools' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Control catalog' }).click();
    await page.getByText('93 of 93 controls').waitFor();
    // Two chips clicked in one task, before React renders the first change: neither may be lost.
    // The chips come first in the page, before the badges of the listed controls.
    const chips = [await page.getByText('Preventive', { exact: true }).first().elementHandle(), await page.getByText('Identity and access management', { exact: true }).first().elementHandle()];
    await page.evaluate((labels) => labels.forEach((label) => (label as unknown as { click(): void }).click()), chips);
    await page.getByText(/^\d+ of 93 controls$/).filter({ hasNotText: '93 of 93' }).waitFor();
    const query = new URL(page.url()).searchParams;
    expect(query.getAll('controlType')).toEqual(['Preventive']);
    expect(query.getAll('capability')).toEqual(['Identity_and_access_management']);
    await page.getByText('5.15 Access control').waitFor();
    await expectNoHorizontalOverflow(page);
    await page.getByText(/^\d+ of 93 controls$/).filter({ hasNotText: '93 of 93' }).waitFor();
    // Clicking a chosen chip again takes it away; the other filter stays.
    await page.getByText('Preventive', { exact: true }).first().click();
    await page.waitForURL((url) => !url.searchParams.has('controlType'));
    expect(new URL(page.url()).searchParams.getAll('capability')).toEqual(['Identity_and_access_management']);
  });

  test('when the analyst builds a template with the builder, then it is saved as version 1 and previewed', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome, Tara Tools' }).waitFor();
    await page.goto('/templates/new');
    const form = page.getByRole('form', { name: 'Template builder' });
    await form.getByLabel('Template name').fill('Call recording check');
    await form.getByLabel('Section title').fill('Recordings');
    await form.getByLabel('Question', { exact: true }).fill('Are call recordings with card data paused or masked?');
    await form.getByLabel('ISO/IEC 27002:2022 controls this question evidences').click();
    await page.getByRole('option', { name: /^8\.11 Data masking/ }).click();
    await page.keyboard.press('Escape');
    // The attribute picker: preventive identity controls, then 5.15 added to the question.
    await form.getByRole('button', { name: 'Browse by attribute' }).click();
    const picker = page.getByRole('dialog', { name: 'Pick controls' });
    await picker.getByText('Preventive', { exact: true }).first().click();
    await picker.getByText('Identity and access management', { exact: true }).first().click();
    await picker.getByRole('button', { name: /^5\.15 Access control/ }).click();
    await picker.getByText('2 selected · click a control to add or remove it').waitFor();
    expect(await picker.getByRole('button', { name: /^8\.11 Data masking/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await form.getByRole('tab', { name: 'Preview' }).click();
    await form.getByText('1. Are call recordings with card data paused or masked?').waitFor();
    await form.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('heading', { name: 'Call recording check' }).waitFor();
    await page.getByText('v1', { exact: true }).waitFor();
    await page.getByText(/^1 question covering 2 of the 93 controls/).waitFor();
  });

  test('when the analyst opens the scoring method, then the tables and the profile editor are shown', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scoring method' }).click();
    await page.getByRole('table', { name: 'Multipliers' }).getByText('Payment card data').waitFor();
    await page.getByRole('table', { name: 'Residual risk' }).waitFor();
    await page.getByRole('button', { name: 'Save profile' }).waitFor();
    await expectNoHorizontalOverflow(page);
  });
});
