import type { Page, Route } from 'playwright-core';
import { makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeInBrowser, signInThroughForm, startHarness, waitForInputValue, type BrowserHarness } from './browser';

const SCREENING = 'Are all agents background-checked before they access customer data?';
const SCREENING_KEY = 'screening';

describeInBrowser('autosave keeps what is typed (questionnaire, real browser)', () => {
  let h: BrowserHarness;
  let providerEmail: string;
  let assessmentId: string;
  let buyer: { id: string };
  let provider: { id: string };

  beforeAll(async () => {
    h = await startHarness();
    buyer = await makeOrganization(h.t.db, 'buyer', 'Northwind Bank');
    provider = await makeOrganization(h.t.db, 'provider', 'Acme BPO');
    providerEmail = (await makeUser(h.t.db, provider.id, 'admin', { name: 'Maria Santos' })).email;
  });
  afterAll(() => h?.close());

  // A fresh questionnaire per test, so one test's saved answer is not the next one's starting point.
  beforeEach(async () => {
    const engagementId = await makeEngagement(h.t.db, buyer.id, provider.id);
    const template = await makeTemplate(h.t.db, buyer.id);
    assessmentId = await makeAssessment(h.t.db, { engagementId, buyerOrgId: buyer.id, providerOrgId: provider.id, templateVersionId: template.versionId }, 'sent');
  });

  /** Every answer save waits this long before it reaches the server, as on a slow mobile link. */
  async function slowSaves(page: Page, ms: number): Promise<void> {
    await page.route('**/api/assessments/*/answers/*', async (route: Route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await new Promise((r) => setTimeout(r, ms));
      await route.continue();
    });
  }

  async function openQuestionnaire(page: Page): Promise<void> {
    await signInThroughForm(page, providerEmail, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.goto(`/assessments/${assessmentId}`);
    await page.getByRole('button', { name: 'Submit questionnaire' }).waitFor();
  }

  /** The first question's card (screening, yes/no). */
  const firstCard = (page: Page) => page.getByRole('region', { name: 'Question 1' }).or(page.getByLabel('Question 1', { exact: true }));

  const storedAnswer = () =>
    h.t.db.selectFrom('answers').select(['value', 'comment']).where('assessment_id', '=', assessmentId).where('question_key', '=', SCREENING_KEY).executeTakeFirst();

  test('when the provider chooses an answer and at once types a comment with pauses while saves are slow, then the box keeps every word and its focus, the server ends with the whole comment, and a reload shows it', async () => {
    const page = await h.newPage();
    await openQuestionnaire(page);
    await slowSaves(page, 1500);
    const group = firstCard(page);
    const comment = page.getByLabel(`Comment on ${SCREENING}`);
    await group.getByRole('radio', { name: 'Yes' }).check();
    await comment.click();
    // Typed in bursts: each pause is long enough for a save to start, and the saves return while typing goes on.
    for (const burst of ['Every agent is screened ', 'by our HR vendor ', 'before day one, ', 'and re-screened yearly.']) {
      await page.keyboard.type(burst, { delay: 25 });
      await page.waitForTimeout(900);
    }
    const typed = 'Every agent is screened by our HR vendor before day one, and re-screened yearly.';
    expect(await comment.inputValue()).toBe(typed);
    expect(await comment.evaluate((el) => el.matches(':focus'))).toBe(true);

    const status = page.getByRole('status').filter({ hasText: /^Saved · \d{1,2}:\d{2}/ }).first();
    await status.waitFor({ timeout: 15000 });
    expect(await comment.inputValue()).toBe(typed);
    const stored = await storedAnswer();
    expect(stored).toMatchObject({ comment: typed });
    expect(stored?.value).toBe('yes');

    await page.reload();
    await waitForInputValue(page.getByLabel(`Comment on ${SCREENING}`), typed);
    expect(await firstCard(page).getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
  });

  test('when a save fails for the network, then the card says it is not saved, offers a retry, keeps the text, and the retry saves it', async () => {
    const page = await h.newPage();
    await openQuestionnaire(page);
    let failures = 1;
    await page.route('**/api/assessments/*/answers/*', async (route: Route) => {
      if (route.request().method() === 'PUT' && failures > 0) {
        failures -= 1;
        return route.abort('internetdisconnected');
      }
      await route.continue();
    });
    await firstCard(page).getByRole('radio', { name: 'No' }).check();
    await page.getByText(/^Not saved: the connection failed/).waitFor();
    await page.getByRole('button', { name: 'Retry now' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved · / }).first().waitFor();
    expect((await storedAnswer())?.value).toBe('no');
  });

  test('when a comment is typed before any answer is chosen, then the card says it is not saved yet instead of dropping it silently', async () => {
    const page = await h.newPage();
    await openQuestionnaire(page);
    await page.getByLabel(`Comment on ${SCREENING}`).fill('We screen through a vendor.');
    await page.getByText('Not saved yet: choose an answer to save this comment').waitFor();
    await firstCard(page).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('status').filter({ hasText: /^Saved · / }).first().waitFor();
    expect(await storedAnswer()).toMatchObject({ value: 'yes', comment: 'We screen through a vendor.' });
  });
});
