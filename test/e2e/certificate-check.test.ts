import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { makePdf } from '../helpers/files';
import { describeInBrowser, expectNoCutBadges, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('checking a certificate in a public directory, in a real browser', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness();
    await seedDemo(h.t.deps);
  });
  afterAll(() => h?.close());

  test('when the analyst records that the demo certificate was found in the directory, with a screenshot, then the finding asking for it goes and the check is shown with who and when', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, 'analyst@northwind.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Engagements' }).click();
    await page.getByRole('link', { name: 'Inbound customer support for card holders' }).click();
    await page.getByLabel('Finding SCOPE_SITE_NOT_COVERED').waitFor();
    await page.getByLabel('Finding CERT_UNVERIFIED').waitFor();
    const check = page.getByLabel('Scope check').getByLabel('Directory check');
    await check.getByText('not checked in a directory').waitFor();
    // The link goes to the directory proposed for the certificate's bodies, and to IAF CertSearch.
    const links = await check.getByRole('link').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    expect(links).toContain('https://www.iafcertsearch.org/');
    await check.getByRole('button', { name: 'Record a directory check' }).click();
    const form = page.getByRole('form', { name: 'Record a directory check' });
    // A not-found check without a note is refused next to the field.
    await form.getByLabel('What the directory showed').click();
    await page.getByRole('option', { name: 'Not found' }).click();
    await form.getByRole('button', { name: 'Record the check' }).click();
    await form.getByText('say what the directory showed (not found, or which facts differ)').waitFor();
    await form.getByLabel('What the directory showed').click();
    await page.getByRole('option', { name: 'Found, and its facts match the certificate' }).click();
    await form.getByLabel('Directory page checked').fill('https://www.iafcertsearch.org/certification/IS-765432');
    await form.getByLabel('Note').fill('Listed as valid, scope as on the PDF');
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-check-')), 'certsearch.pdf');
    fs.writeFileSync(shot, await makePdf(['IAF CertSearch', 'Certificate IS 765432: valid']));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), form.getByLabel('Screenshot (optional)').click()]);
    await chooser.setFiles(shot);
    await form.getByText('certsearch.pdf').waitFor();
    await form.getByRole('button', { name: 'Record the check' }).click();
    await check.getByText('checked in directory').waitFor();
    await check.getByText(/Last check: found, facts match on \d{4}-\d{2}-\d{2} by .+ in IAF CertSearch/).waitFor();
    await check.getByRole('link', { name: 'screenshot' }).waitFor();
    await page.getByLabel('Finding CERT_UNVERIFIED').waitFor({ state: 'detached' });
    // The Cebu mismatch still stands: a verified certificate still covers only Makati.
    await page.getByLabel('Finding SCOPE_SITE_NOT_COVERED').waitFor();
    const artifacts = path.join(projectRoot, 'test-artifacts', 'journey');
    fs.mkdirSync(artifacts, { recursive: true });
    await page.getByLabel('Scope check').screenshot({ path: path.join(artifacts, 'certificate-check.png') });
    await expectNoHorizontalOverflow(page);
    await expectNoCutBadges(page);
    const row = await h.t.db.selectFrom('certificate_verifications').select(['outcome', 'evidence_mime', 'note']).executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: 'verified', evidence_mime: 'application/pdf', note: 'Listed as valid, scope as on the PDF' });
  }, 90_000);
});
