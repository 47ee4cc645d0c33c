import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { decodeEml } from '../helpers/mail';
import { describeInBrowser, expectNoHorizontalOverflow, signInThroughForm, startHarness, type BrowserHarness } from './browser';

describeInBrowser('passwords in a real browser', () => {
  let h: BrowserHarness;
  let email: string;

  beforeAll(async () => {
    h = await startHarness();
    const org = await makeOrganization(h.t.db, 'buyer', 'Northwind Password Bank');
    email = (await makeUser(h.t.db, org.id, 'analyst', { name: 'Petra Password' })).email;
  });
  afterAll(() => h?.close());

  /** The reset link of the newest mail to `email` (sent just after the answer). */
  async function resetLink(): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const message = [...h.t.outbox()].reverse().find((m) => m.includes(`To: ${email}`));
      const match = message && /(\/reset-password#token=[A-Za-z0-9_-]+)/.exec(decodeEml(message));
      if (match) return match[1]!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no reset mail');
  }

  test('when a user forgets the password, then the emailed link sets a new one and signs in; the account page changes it again', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    const ask = page.getByRole('form', { name: 'Reset your password' });
    await ask.getByLabel('Email').fill(email);
    await ask.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText(`If ${email} has a Scopewise account`).waitFor();
    await page.goto(await resetLink());
    const set = page.getByRole('form', { name: 'Set a new password' });
    // A common password is refused next to the field, in words.
    await set.getByLabel('New password').fill('qwerty123456789');
    await set.getByRole('button', { name: 'Set the password and sign in' }).click();
    await set.getByText('is one of the most common passwords: choose another').waitFor();
    await set.getByLabel('New password').fill('a brand new passphrase');
    await set.getByRole('button', { name: 'Set the password and sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Petra Password' }).waitFor();

    await page.getByRole('link', { name: 'Your account' }).click();
    const change = page.getByRole('form', { name: 'Change your password' });
    await change.getByLabel('Current password').fill('not the password');
    await change.getByLabel('New password').fill('another new passphrase');
    await change.getByRole('button', { name: 'Change password' }).click();
    await change.getByText('is not your current password').waitFor();
    await change.getByLabel('Current password').fill('a brand new passphrase');
    await change.getByRole('button', { name: 'Change password' }).click();
    await change.getByRole('status').getByText('Password changed').waitFor();
    await expectNoHorizontalOverflow(page);

    // The new password signs in elsewhere; the first one no longer does.
    const other = await h.newPage();
    await signInThroughForm(other, email, 'another new passphrase');
    await other.getByRole('heading', { name: 'Welcome, Petra Password' }).waitFor();
    const third = await h.newPage();
    await signInThroughForm(third, email, TEST_PASSWORD);
    await third.getByText('Sign-in failed').waitFor();
  }, 90_000);
});
