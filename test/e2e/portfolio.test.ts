import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { refreshEngagements } from '../../server/findings/summary';
import { completeSmallAnswers, makeAssessment, makeTemplate } from '../helpers/factories';
import { chooseOption, describeInBrowser, expectNoCutBadges, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('buyer risk view in a real browser', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness();
    await seedDemo(h.t.deps);
    const e = await h.t.db.selectFrom('engagements').selectAll().executeTakeFirstOrThrow();
    const template = await makeTemplate(h.t.db, e.buyer_org_id);
    await makeAssessment(h.t.db, { engagementId: e.id, buyerOrgId: e.buyer_org_id, providerOrgId: e.provider_org_id, templateVersionId: template.versionId }, 'submitted', { ...completeSmallAnswers, 'training-frequency': { value: 'never' } });
    await refreshEngagements(h.t.deps, [e.id]);
  });
  afterAll(() => h?.close());

  test('when the analyst opens the portfolio, then the Cebu engagement shows its critical finding, and the control grid leads to the answers behind a control', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, 'analyst@northwind.demo.test', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Portfolio' }).click();
    const table = page.getByRole('table', { name: 'Portfolio' });
    await table.getByText(/critical/).first().waitFor();
    // The rating and score are read in full, not cut to "D · 2…".
    await table.getByText(/^[A-D] · \d+\.\d$/).waitFor();
    await expectNoCutBadges(page);
    await expectNoHorizontalOverflow(page);
    await table.getByRole('link', { name: 'Inbound customer support for card holders' }).click();

    await page.getByLabel('Finding SCOPE_SITE_NOT_COVERED').getByText(/Cebu/).first().waitFor();
    await expectNoCutBadges(page);
    await expectNoHorizontalOverflow(page);
    // Dozens of findings: the analyst narrows them to one rule, then to a severity with none of that rule.
    const findings = page.locator('[aria-label^="Finding "]');
    const total = await findings.count();
    expect(total).toBeGreaterThan(2);
    await chooseOption(page, 'Rule', /^SCOPE_SITE_NOT_COVERED \(1\)$/);
    await page.getByText(`Showing 1 of ${total}`).waitFor();
    expect(await findings.count()).toBe(1);
    await chooseOption(page, 'Severity', /^medium \(\d+\)$/);
    await page.getByText(`Showing 0 of ${total}: no finding matches these filters.`).waitFor();
    // Choosing the same option again takes the filter away.
    await chooseOption(page, 'Severity', /^medium \(\d+\)$/);
    await chooseOption(page, 'Rule', /^SCOPE_SITE_NOT_COVERED \(1\)$/);
    await page.getByText(/^Showing \d+ of/).waitFor({ state: 'detached' });
    expect(await findings.count()).toBe(total);
    await page.getByRole('table', { name: 'Contracted sites and services' }).getByText('not covered').waitFor();
    await page.getByLabel('Rating').waitFor();
    await page.getByRole('gridcell', { name: 'Control 6.3' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('How often do agents complete security awareness training?').waitFor();
    await dialog.getByText(/^SoA: applicable, implementation full/).waitFor();
  }, 60_000);
});
