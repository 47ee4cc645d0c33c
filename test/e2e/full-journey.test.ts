import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { projectRoot } from '../../server/config';
import { listZipEntries } from '../../server/xlsx/zip-guard';
import { dayLabel } from '../../client/src/lib/dates';
import { controls } from '../../shared/catalog';
import { writeCertificateFixtures } from '../certificate/fixtures/generate';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { makePdf } from '../helpers/files';
import { chooseOption, describeInBrowser, expectNoCutBadges, expectNoHorizontalOverflow, signInThroughForm, startHarness, waitForChecked, waitForInputValue, type BrowserHarness } from './browser';

const ENGAGEMENT = 'Inbound customer support for card holders';
const SCREENSHOTS = path.join(projectRoot, 'test-artifacts', 'journey');

/** The provider's SoA as a real workbook: 2022 numbering, the version and date the certificate cites, two justified exclusions. */
async function soaWorkbook(): Promise<Buffer> {
  const excluded: Record<string, string> = { '8.28': 'Not applicable: no software development in scope', '8.30': 'Not applicable: development is not outsourced' };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SoA');
  ws.addRow(['Acme BPO Philippines Inc. - Statement of Applicability']);
  ws.addRow(['Version 1.1', 'Date: 13 May 2024']);
  ws.addRow([]);
  ws.addRow(['Control', 'Control title', 'Applicable (Y/N)', 'Implementation status', 'Justification']);
  for (const c of controls) {
    const reason = excluded[c.id];
    ws.addRow([c.id, c.title, reason ? 'N' : 'Y', reason ? '' : 'Implemented', reason ?? 'Required to protect client data']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The text of word/document.xml in a DOCX, paragraphs on their own lines. */
function docxText(docx: Buffer): string {
  const entry = listZipEntries(docx).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('the download has no word/document.xml: not a DOCX');
  const at = entry.localHeaderOffset;
  const start = at + 30 + docx.readUInt16LE(at + 26) + docx.readUInt16LE(at + 28);
  const data = docx.subarray(start, start + entry.compressedSize);
  const xml = (entry.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describeInBrowser('the whole due-diligence journey in a real browser', () => {
  let h: BrowserHarness;
  let dir: string;
  let analystEmail: string;
  let legalEmail: string;
  let providerEmail: string;
  let shot = 0;

  /** One full-page screenshot per step, kept as a test artifact; no badge on the page may be cut short, nor the page overflow the window. */
  async function screenshot(page: Page, step: string): Promise<void> {
    shot += 1;
    const file = path.join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${step}.png`);
    // eslint-disable-next-line no-console
    await page.screenshot({ path: file, fullPage: true }).catch((err: Error) => console.warn(`screenshot ${file} not written: ${err.message}`));
    // Checked after the screenshot, so that a failure comes with its picture.
    await expectNoCutBadges(page);
    await expectNoHorizontalOverflow(page);
  }

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name }).click();

  /** Chooses a file through the page's own file picker, as a person would. */
  async function chooseFile(page: Page, opener: Locator, file: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), opener.click()]);
    await chooser.setFiles(path.join(dir, file));
  }

  async function uploadToLibrary(page: Page, kindLabel: string, file: string): Promise<void> {
    await chooseOption(page, 'Kind of document', kindLabel);
    await chooseFile(page, page.getByRole('button', { name: 'Drop files here or choose files to upload' }), file);
    await page.getByLabel(`Upload of ${file}`).getByText('Uploaded').waitFor();
    await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: file }).waitFor();
  }

  /** Answers what is still open the way a person would: the first choice, a justification where it asks for one, some text, a date. */
  async function answerOpenQuestions(page: Page): Promise<void> {
    const groups = page.getByRole('radiogroup');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      if ((await group.getByRole('radio', { checked: true }).count()) === 0) await group.getByRole('radio').first().check();
    }
    const justifications = page.locator('textarea[aria-label^="Justification for"]');
    for (let i = 0; i < (await justifications.count()); i++) if (!(await justifications.nth(i).inputValue())) await justifications.nth(i).fill('Agents never work from home on this account.');
    const texts = page.locator('textarea[aria-label]:not([aria-label^="Comment"]):not([aria-label^="Reply"]):not([aria-label^="Justification"])');
    for (let i = 0; i < (await texts.count()); i++) if (!(await texts.nth(i).inputValue())) await texts.nth(i).fill('Documented in our ISMS manual.');
    const dates = page.locator('input[type="date"]');
    for (let i = 0; i < (await dates.count()); i++) if (!(await dates.nth(i).inputValue())) await dates.nth(i).fill('2026-06-30');
  }

  beforeAll(async () => {
    h = await startHarness();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-journey-'));
    const certificates = await writeCertificateFixtures(dir);
    // BSI-like certificate of Acme BPO Philippines Inc.: its only site is in Makati City.
    fs.copyFileSync(certificates['bsi-like'], path.join(dir, 'Acme ISO 27001 certificate.pdf'));
    fs.writeFileSync(path.join(dir, 'Acme SoA v1.1.xlsx'), await soaWorkbook());
    fs.writeFileSync(
      path.join(dir, 'Floor access control report.pdf'),
      await makePdf(['Acme BPO - Cebu delivery centre', 'Access control system report, production floor, Q1', 'Zones: lobby, production floor, server room', 'Entry log retention: 180 days', 'Last zone access review: 2026-01-15']),
    );
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });

    const buyer = await makeOrganization(h.t.db, 'buyer', 'Northwind Bank');
    const provider = await makeOrganization(h.t.db, 'provider', 'Acme BPO');
    analystEmail = (await makeUser(h.t.db, buyer.id, 'analyst', { name: 'Arjun Mehta' })).email;
    legalEmail = (await makeUser(h.t.db, buyer.id, 'legal', { name: 'Lena Fischer' })).email;
    providerEmail = (await makeUser(h.t.db, provider.id, 'admin', { name: 'Maria Santos' })).email;
  });
  afterAll(async () => {
    await h?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when the buyer sends BPO essentials and the provider answers with its certificate, SoA and evidence, then the buyer sees the score and the Cebu scope gap, accepts a risk, and legal downloads the schedule', async () => {
    // The buyer's analyst signs in; the app is served under a CSP that forbids inline scripts and eval.
    const buyer = await h.newPage();
    const login = await signInThroughForm(buyer, analystEmail, TEST_PASSWORD);
    const csp = (await login!.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    // 1. The engagement: card-holder support delivered from Cebu City.
    await nav(buyer, 'Engagements');
    await buyer.getByRole('link', { name: 'New engagement' }).click();
    const form = buyer.getByRole('form', { name: 'New engagement' });
    await form.getByLabel('Engagement name').fill(ENGAGEMENT);
    await form.getByLabel('Provider', { exact: true }).fill('Acme');
    await buyer.getByRole('option', { name: 'Acme BPO' }).click();
    await form.getByLabel('Contracting legal entity').fill('Acme BPO Philippines, Inc.');
    await form.getByLabel('Service 1', { exact: true }).fill('Inbound customer support (voice and chat) for card holders');
    await form.getByLabel('Site name').fill('Acme Cebu delivery centre');
    await form.getByLabel('Address').fill('5th Floor, i2 Building, Cebu IT Park, Lahug');
    await form.getByLabel('City').fill('Cebu City');
    await form.getByLabel('Country').fill('PH');
    await form.getByLabel('Payment card data').check();
    await form.getByLabel('Personal data').check();
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await buyer.getByRole('heading', { name: ENGAGEMENT }).waitFor();
    await buyer.getByLabel('Risk tier').getByText(/Tier \d/).waitFor();
    await screenshot(buyer, 'buyer-engagement-created');

    // 2. BPO essentials, sent to the provider.
    await chooseOption(buyer, 'Template', /BPO essentials/i);
    await buyer.getByRole('button', { name: 'Create questionnaire' }).click();
    await buyer.getByRole('button', { name: 'Send to provider' }).click();
    await buyer.getByRole('table', { name: 'Questionnaires' }).getByText('Sent', { exact: true }).waitFor();
    await screenshot(buyer, 'buyer-questionnaire-sent');

    // 3. The provider uploads its certificate and confirms the facts read from the PDF.
    const provider = await h.newPage();
    await signInThroughForm(provider, providerEmail, TEST_PASSWORD);
    await nav(provider, 'Documents');
    await uploadToLibrary(provider, 'ISO/IEC 27001 certificate', 'Acme ISO 27001 certificate.pdf');
    await provider.getByRole('link', { name: 'Certificate facts' }).click();
    await provider.getByRole('button', { name: 'Read the facts from the PDF' }).click();
    await waitForInputValue(provider.getByLabel('Certificate number'), 'IS 765432');
    // Each value comes with the text it was read from; ambiguous dates are pointed out for the person to check.
    await provider.getByText('read from “Certificate Number: IS 765432”').waitFor();
    await provider.getByText(/could be read day first or month first/).waitFor();
    expect(await provider.getByLabel('Certification body').inputValue()).toBe('BSI');
    expect(await provider.getByLabel('Expiry date').inputValue()).toBe('2027-04-04');
    expect(await provider.getByLabel('Certified legal entity').inputValue()).toBe('Acme BPO Philippines Inc.');
    const certificate = provider.getByRole('form', { name: 'Certificate facts' });
    expect(await certificate.getByLabel('City').first().inputValue()).toMatch(/Makati/);
    await screenshot(provider, 'provider-certificate-facts');
    await provider.getByRole('button', { name: 'Save certificate' }).click();
    await provider.getByRole('heading', { name: 'Document library' }).waitFor();

    // 4. The SoA workbook, read row by row.
    await uploadToLibrary(provider, 'Statement of Applicability', 'Acme SoA v1.1.xlsx');
    await provider.getByRole('link', { name: 'SoA rows' }).click();
    await provider.getByRole('button', { name: 'Read the SoA file' }).click();
    const soaRows = provider.getByRole('table', { name: 'SoA rows' });
    await soaRows.waitFor();
    expect(await soaRows.locator('tbody tr').count()).toBe(93);
    await provider.getByText(/numbering 2022, version 1\.1, dated (13 May 2024|May 13, 2024): 91 applicable, 2 excluded/).waitFor();
    await screenshot(provider, 'provider-soa-read');
    await provider.getByRole('button', { name: 'Save SoA' }).click();
    await provider.getByRole('heading', { name: 'Document library' }).waitFor();

    // 5. Both shared with the buyer's engagement.
    for (const title of ['Acme ISO 27001 certificate', 'Acme SoA v1.1']) {
      await provider.getByRole('button', { name: `Share ${title}` }).click();
      const box = provider.getByLabel(`Northwind Bank — ${ENGAGEMENT}`);
      await box.click();
      await waitForChecked(box);
      await provider.getByRole('button', { name: 'Done' }).click();
    }
    await screenshot(provider, 'provider-documents-shared');

    // 6. The questionnaire, answered the way a person would; evidence uploaded for floor entry.
    await nav(provider, 'Inbox');
    await provider.getByRole('table', { name: 'Inbox' }).getByRole('link', { name: /BPO essentials/i }).click();
    await provider.getByRole('button', { name: 'Submit questionnaire' }).waitFor();
    // Conditional questions appear as answers are saved: answer until every question shown is answered.
    const allAnswered = provider.getByText(/^(\d+) of \1 questions answered$/);
    const unanswered = provider.getByRole('radiogroup').filter({ hasNot: provider.getByRole('radio', { checked: true }) });
    for (let pass = 0; pass < 5 && !(await allAnswered.isVisible()); pass++) {
      await answerOpenQuestions(provider);
      await allAnswered.or(unanswered.first()).waitFor();
    }
    await allAnswered.waitFor();
    const entry = provider.getByLabel(/^Question \d+$/).filter({ hasText: 'Is entry to the production floor controlled' });
    await chooseFile(provider, entry.getByRole('button', { name: 'Upload evidence' }), 'Floor access control report.pdf');
    await entry.getByText(/^Floor access control report/).waitFor();
    await screenshot(provider, 'provider-answered-with-evidence');

    // 7. Submitted.
    await provider.getByRole('button', { name: 'Submit questionnaire' }).click();
    await provider.getByRole('button', { name: 'Submit now' }).click();
    await provider.getByLabel('Status').getByText('Submitted', { exact: true }).waitFor();
    await screenshot(provider, 'provider-submitted');

    // 8. The buyer sees the score with its rating, and the scope gap: the certificate covers Makati, the work is done in Cebu City.
    // The analyst still has the engagement open from sending the questionnaire: a reload shows the provider's work.
    await buyer.reload();
    const score = buyer.getByLabel('Score', { exact: true });
    expect(await score.getByLabel('Rating').textContent()).toMatch(/^[A-D]$/);
    await score.getByText(/^\d{1,3}\.\d \/ 100$/).waitFor();
    const scopeFinding = buyer.getByLabel('Finding SCOPE_SITE_NOT_COVERED');
    await scopeFinding.getByText(/is in Cebu City \(PH\); the certificate covers only .*Makati/).waitFor();
    await scopeFinding.getByText('critical', { exact: true }).waitFor();
    await buyer.getByRole('table', { name: 'Contracted sites and services' }).getByText('not covered').waitFor();
    await screenshot(buyer, 'buyer-score-and-findings');
    // The evidence reached the buyer with the answer: the floor-entry control shows it.
    await buyer.getByRole('gridcell', { name: 'Control 7.2' }).click();
    const control = buyer.getByRole('dialog');
    await control.getByRole('row').filter({ hasText: 'Is entry to the production floor controlled' }).getByText('1 document').waitFor();
    await buyer.keyboard.press('Escape');
    await control.waitFor({ state: 'detached' });

    // 9. The buyer accepts the risk of one unevidenced claim until the on-site audit: justification, approver and expiry are required.
    const visitors = buyer.getByLabel('Finding CLAIM_WITHOUT_EVIDENCE').filter({ hasText: 'Are visitors' });
    await visitors.getByRole('button', { name: 'Accept risk' }).click();
    const acceptance = buyer.getByRole('form', { name: 'Risk acceptance' });
    await acceptance.getByRole('button', { name: 'Accept the risk' }).click();
    await acceptance.getByText('The justification must be at least 10 characters').waitFor();
    await acceptance.getByText('The approver is required').waitFor();
    await acceptance.getByText('The expiry date of the acceptance must be a date (YYYY-MM-DD)').waitFor();
    await screenshot(buyer, 'buyer-risk-acceptance-needs-all-fields');
    await acceptance.getByLabel('Justification').fill('Visitor logs will be sampled at the on-site audit of the Cebu centre; badge and escort rules are in the floor rules we reviewed.');
    await acceptance.getByLabel('Approver').fill('Nadia Okafor, Head of Vendor Risk');
    await acceptance.getByLabel('Acceptance expires').fill('2020-01-31');
    await acceptance.getByRole('button', { name: 'Accept the risk' }).click();
    await acceptance.getByText(/The expiry date of the acceptance must be a future date/).waitFor();
    const expiry = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);
    await acceptance.getByLabel('Acceptance expires').fill(expiry);
    await acceptance.getByRole('button', { name: 'Accept the risk' }).click();
    await acceptance.waitFor({ state: 'detached' });
    await visitors.getByText('Risk accepted', { exact: true }).waitFor();
    // Shown as the browser's locale writes a day.
    const locale = await buyer.evaluate(() => (globalThis as unknown as { navigator: { language: string } }).navigator.language);
    await visitors.getByText(`Risk accepted by Nadia Okafor, Head of Vendor Risk until ${dayLabel(expiry, locale)}: Visitor logs will be sampled`, { exact: false }).waitFor();
    await scopeFinding.getByText('Open', { exact: true }).waitFor();
    await screenshot(buyer, 'buyer-risk-accepted');

    // 10. Legal generates the security schedule: the scope clause is there because of the open Cebu finding.
    const legal = await h.newPage();
    await signInThroughForm(legal, legalEmail, TEST_PASSWORD);
    await legal.getByRole('heading', { name: 'Welcome, Lena Fischer' }).waitFor();
    await nav(legal, 'Engagements');
    await legal.getByRole('link', { name: ENGAGEMENT }).click();
    // Legal reads the findings and the score first; the schedule is generated from them.
    await legal.getByLabel('Finding SCOPE_SITE_NOT_COVERED').waitFor();
    await legal.getByRole('grid', { name: 'Control grid' }).waitFor();
    const schedule = legal.getByLabel('Security schedule');
    await schedule.getByRole('button', { name: 'Generate schedule' }).click();
    await schedule.getByText('Extension of certification scope', { exact: true }).waitFor();
    // That clause's only reason; the remediation clause lists it among others.
    await schedule.getByText('Why: open finding SCOPE_SITE_NOT_COVERED', { exact: true }).waitFor();
    await screenshot(legal, 'legal-schedule-generated');

    // 11. The DOCX download is a real Word document holding the clause.
    const [download] = await Promise.all([legal.waitForEvent('download'), schedule.getByRole('link', { name: 'Download DOCX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const docx = Buffer.concat(chunks);
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const text = docxText(docx);
    expect(text).toContain('Extension of certification scope');
    expect(text).toMatch(/the Provider shall extend the certification scope to cover it within/);
    expect(text).toContain(ENGAGEMENT);
    await screenshot(legal, 'legal-schedule-downloaded');
  }, 240_000);
});
