import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, signInThroughForm, startHarness, type BrowserHarness } from './browser';

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
    // The chips come first in the page, before the badges of the listed controls.
    await page.getByText('Preventive', { exact: true }).first().click();
    await page.getByText('Identity and access management', { exact: true }).first().click();
    await page.getByText(/^\d+ of 93 controls$/).filter({ hasNotText: '93 of 93' }).waitFor();
    expect(page.url()).toContain('controlType=Preventive');
    await page.getByText('5.15 Access control').waitFor();
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
    await form.getByRole('tab', { name: 'Preview' }).click();
    await form.getByText('1. Are call recordings with card data paused or masked?').waitFor();
    await form.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('heading', { name: 'Call recording check' }).waitFor();
    await page.getByText('v1', { exact: true }).waitFor();
  });

  test('when the analyst opens the scoring method, then the tables and the profile editor are shown', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scoring method' }).click();
    await page.getByRole('table', { name: 'Multipliers' }).getByText('Payment card data').waitFor();
    await page.getByRole('table', { name: 'Residual risk' }).waitFor();
    await page.getByRole('button', { name: 'Save profile' }).waitFor();
  });
});
