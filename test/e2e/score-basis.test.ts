import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { describeInBrowser, expectNoCutBadges, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('what the score and the findings rest on, in a real browser', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness();
    await seedDemo(h.t.deps);
  });
  afterAll(() => h?.close());

  test('when the analyst opens the demo engagement, then the score says which submission it is of, what it covers, and the findings say what was not checked', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, 'analyst@northwind.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Engagements' }).click();
    await page.getByRole('link', { name: 'Inbound customer support for card holders' }).click();
    const score = page.getByLabel('Score', { exact: true });
    // The score is of the 2025 submission; this year's questionnaire is still being answered and is not scored.
    await score.getByLabel('Score as of').getByText(/As of the answers to “.*2025 review.*”, submitted .*2025\./).waitFor();
    await score.getByLabel('Score as of').getByText(/A newer questionnaire, “.+”, is in progress \(\d+ of \d+ answered\): it is not scored until it is submitted\./).waitFor();
    // Coverage in words: answered of what counts, and how much of the catalog the questionnaire asks about.
    await score.getByLabel('Coverage').getByText(/^\d+ of the \d+ controls that count answered · the questionnaire asks about \d+ of the 93 controls/).waitFor();
    // The findings rest on the certificate and SoA read; the unsubmitted answers are named as not checked.
    await page.getByText(/^Rests on certificate IS 765432/).waitFor();
    await page.getByText(/^Not checked: the answers to “.+” are not checked yet: it is in progress, \d+ of \d+ answered/).waitFor();
    const artifacts = path.join(projectRoot, 'test-artifacts', 'journey');
    fs.mkdirSync(artifacts, { recursive: true });
    await score.screenshot({ path: path.join(artifacts, 'score-basis.png') });
    await expectNoHorizontalOverflow(page);
    await expectNoCutBadges(page);
  }, 90_000);
});
