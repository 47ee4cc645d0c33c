import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { makeEngagement, makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { writeCertificateFixtures } from '../certificate/fixtures/generate';
import { chooseOption, describeInBrowser, expectNoHorizontalOverflow, signInThroughForm, startHarness, waitForChecked, waitForInputValue, type BrowserHarness } from './browser';

describeInBrowser('provider documents journey in a real browser', () => {
  let h: BrowserHarness;
  let providerEmail: string;
  let buyerEmail: string;
  let dir: string;

  beforeAll(async () => {
    h = await startHarness();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-e2e-docs-'));
    const files = await writeCertificateFixtures(dir);
    fs.copyFileSync(files['bsi-like'], path.join(dir, 'ISO27001-certificate.pdf'));
    fs.copyFileSync(path.join(__dirname, '../soa/fixtures/mangled-2022.xlsx'), path.join(dir, 'Statement of Applicability.xlsx'));
    const provider = await makeOrganization(h.t.db, 'provider', 'Acme BPO');
    const buyer = await makeOrganization(h.t.db, 'buyer', 'Northwind Bank');
    providerEmail = (await makeUser(h.t.db, provider.id, 'admin', { name: 'Maria Santos' })).email;
    buyerEmail = (await makeUser(h.t.db, buyer.id, 'analyst', { name: 'Arjun Mehta' })).email;
    await makeEngagement(h.t.db, buyer.id, provider.id, { name: 'Inbound customer support' });
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function upload(page: Page, kindLabel: string, file: string) {
    await chooseOption(page, 'Kind of document', kindLabel);
    await page.getByTestId('upload-input').setInputFiles(path.join(dir, file));
    await page.getByLabel(`Upload of ${file}`).getByText('Uploaded').waitFor();
    await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: file }).waitFor();
  }

  test('when the provider uploads its certificate and SoA, confirms the facts and shares both, then the buyer sees them', async () => {
    const page = await h.newPage();
    await signInThroughForm(page, providerEmail, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Documents' }).click();

    await upload(page, 'ISO/IEC 27001 certificate', 'ISO27001-certificate.pdf');
    await page.getByRole('link', { name: 'Certificate facts' }).click();
    await page.getByRole('button', { name: 'Read the facts from the PDF' }).click();
    await waitForInputValue(page.getByLabel('Certificate number'), 'IS 765432');
    expect(await page.getByLabel('Certification body').inputValue()).toBe('BSI');
    expect(await page.getByLabel('Expiry date').inputValue()).toBe('2027-04-04');
    await page.getByText(/read from “.*IS 765432/).first().waitFor();
    await page.getByRole('button', { name: 'Save certificate' }).click();
    await page.getByRole('heading', { name: 'Document library' }).waitFor();

    await upload(page, 'Statement of Applicability', 'Statement of Applicability.xlsx');
    await page.getByRole('link', { name: 'SoA rows' }).click();
    await page.getByRole('button', { name: 'Read the SoA file' }).click();
    await page.getByRole('table', { name: 'SoA rows' }).waitFor();
    expect(await page.getByRole('table', { name: 'SoA rows' }).locator('tbody tr').count()).toBe(93);
    await page.getByRole('button', { name: 'Save SoA' }).click();
    await page.getByRole('heading', { name: 'Document library' }).waitFor();

    for (const title of ['ISO27001-certificate', 'Statement of Applicability']) {
      await page.getByRole('button', { name: `Share ${title}` }).click();
      const box = page.getByLabel('Northwind Bank — Inbound customer support');
      await box.click();
      await waitForChecked(box);
      await page.getByRole('button', { name: 'Done' }).click();
    }
    // The provider sees where each document went.
    await page.getByRole('columnheader', { name: 'Shared with' }).waitFor();
    await page.getByRole('table', { name: 'Documents' }).getByText(/^Northwind Bank — Inbound customer support/).nth(1).waitFor();
    await expectNoHorizontalOverflow(page);

    const buyer = await h.newPage();
    await signInThroughForm(buyer, buyerEmail, TEST_PASSWORD);
    await buyer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Documents' }).click();
    await buyer.getByRole('heading', { name: 'Documents shared with you' }).waitFor();
    await buyer.getByRole('link', { name: 'ISO27001-certificate.pdf' }).waitFor();
    await buyer.getByRole('link', { name: 'Statement of Applicability.xlsx' }).waitFor();
    // Where else the provider shared them is not the buyer's business: no such column.
    expect(await buyer.getByRole('columnheader', { name: 'Shared with' }).count()).toBe(0);
    await expectNoHorizontalOverflow(buyer);
    const certs = await buyer.evaluate(async () => (await (await fetch('/api/certificates')).json()) as { certificates: { certificateNumber: string }[] });
    expect(certs.certificates.map((c) => c.certificateNumber)).toEqual(['IS 765432']);
  });
});
