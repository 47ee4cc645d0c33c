import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../server/config';
import { createTestContext, type TestContext } from '../helpers/context';

/** Debian's Chromium, or CHROMIUM_PATH. Browser journeys are skipped (loudly) when it is absent. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = fs.existsSync(chromiumPath) && fs.existsSync(path.join(projectRoot, 'client', 'dist', 'index.html'));

/** `describe` when Chromium and the built client are present, else a skipped block that says why. */
export const describeInBrowser: jest.Describe = browserAvailable
  ? describe
  : (((name: string, fn: () => void) => {
      // eslint-disable-next-line no-console
      console.warn(`SKIPPED browser journey "${name}": Chromium not found at ${chromiumPath} or client not built (npm test builds it when Chromium is installed).`);
      describe.skip(name, fn);
    }) as jest.Describe);

export interface BrowserHarness {
  t: TestContext;
  baseUrl: string;
  browser: Browser;
  /** A new page in a fresh browser context (its own cookies). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The real app on a free port with its own database, and a headless Chromium. */
export async function startHarness(): Promise<BrowserHarness> {
  const t = await createTestContext();
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    t,
    baseUrl,
    browser,
    newPage: async () => {
      const context = await browser.newContext({ baseURL: baseUrl });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      return page;
    },
    close: async () => {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

/** Signs in through the login form. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until an input shows `value` (polling from the test side: the app's CSP forbids evaluating strings in the page). */
export async function waitForInputValue(locator: import('playwright-core').Locator, value: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue().catch(() => '');
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`input still shows "${last}", expected "${value}"`);
}

/** Waits until a checkbox is checked (its state may follow a server round trip). */
export async function waitForChecked(locator: import('playwright-core').Locator, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await locator.isChecked().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('checkbox never became checked');
}
