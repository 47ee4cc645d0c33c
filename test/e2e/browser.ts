import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { projectRoot } from '../../server/config';
import { createTestContext, type TestContext } from '../helpers/context';

/** Debian's Chromium, or CHROMIUM_PATH. Browser journeys are skipped (loudly) when it is absent. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = fs.existsSync(chromiumPath) && fs.existsSync(path.join(projectRoot, 'client', 'dist', 'index.html'));

/** Harnesses of the running journey file: their pages report CSP violations and uncaught errors here. */
const running = new Set<BrowserHarness>();

/** Fails the test that just ran if any page of a running harness broke the CSP or threw. */
function assertPagesClean(): void {
  const problems = [...running].flatMap((h) => h.problems.splice(0));
  if (problems.length) throw new Error(`The browser reported ${problems.length} problem${problems.length > 1 ? 's' : ''} during this journey:\n- ${problems.join('\n- ')}`);
}

/**
 * `describe` when Chromium and the built client are present, else a skipped
 * block that says why. Every journey fails when a page reports a
 * Content-Security-Policy violation or an uncaught error.
 */
export const describeInBrowser: jest.Describe = browserAvailable
  ? (((name: string, fn: () => void) =>
      describe(name, () => {
        afterEach(assertPagesClean);
        fn();
      })) as jest.Describe)
  : (((name: string, fn: () => void) => {
      // eslint-disable-next-line no-console
      console.warn(`SKIPPED browser journey "${name}": Chromium not found at ${chromiumPath} or client not built (npm test builds it when Chromium is installed).`);
      describe.skip(name, fn);
    }) as jest.Describe);

export interface BrowserHarness {
  t: TestContext;
  baseUrl: string;
  browser: Browser;
  /** CSP violations and uncaught page errors not yet reported (describeInBrowser fails the test on any). */
  problems: string[];
  /** A new page in a fresh browser context (its own cookies), watched for CSP violations and uncaught errors. */
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
  const problems: string[] = [];
  const harness: BrowserHarness = {
    t,
    baseUrl,
    browser,
    problems,
    newPage: async () => {
      const context = await browser.newContext({ baseURL: baseUrl });
      await watchForProblems(context, (p) => problems.push(p));
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      return page;
    },
    close: async () => {
      running.delete(harness);
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
  running.add(harness);
  return harness;
}

/**
 * Reports every CSP violation (the page's securitypolicyviolation events and
 * Chromium's console errors about the policy) and every uncaught error of the
 * context's pages. The listener is an init script: the browser injects it
 * itself, so the app's CSP (no inline scripts, no eval) does not block it.
 */
async function watchForProblems(context: BrowserContext, report: (problem: string) => void): Promise<void> {
  await context.exposeBinding('__scopewiseReportCspViolation', ({ page }, v: { directive: string; blocked: string; source: string }) => {
    report(`CSP violation on ${page.url()}: ${v.directive} blocked ${v.blocked || '(inline)'}${v.source ? ` at ${v.source}` : ''}`);
  });
  await context.addInitScript(() => {
    // The test project has no DOM types: the little this script touches, typed by hand.
    type Violation = { effectiveDirective: string; blockedURI: string; sourceFile: string; lineNumber: number };
    const page = globalThis as unknown as { document: { addEventListener(type: 'securitypolicyviolation', listener: (e: Violation) => void): void }; __scopewiseReportCspViolation?: (v: object) => void };
    page.document.addEventListener('securitypolicyviolation', (e) => {
      page.__scopewiseReportCspViolation?.({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '' });
    });
  });
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) report(`CSP console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => report(`Uncaught error on ${page.url()}: ${err.stack ?? err.message}`));
  };
  context.on('page', watch);
}

/** Fails when the text of a visible badge is cut short (an ellipsis, or squeezed to nothing): badges here are short labels, read whole. */
export async function expectNoCutBadges(page: Page): Promise<void> {
  const cut = await page.locator('.mantine-Badge-label:visible').evaluateAll((labels) =>
    labels.map((l) => l as unknown as { scrollWidth: number; clientWidth: number; textContent: string | null }).filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent),
  );
  expect(cut).toEqual([]);
}

/** Fails when the page is wider than the window (a horizontal scroll bar): tables and long names must wrap or scroll in their own box. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const root = await page.locator('html').evaluate((el) => {
    const e = el as unknown as { scrollWidth: number; clientWidth: number };
    return { scrollWidth: e.scrollWidth, clientWidth: e.clientWidth };
  });
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
}

/**
 * Opens a select and picks an option. A page that is still filling its panels can move the select between
 * Playwright's aim and its click, so an open that shows no option is tried again (as a person would click again).
 */
export async function chooseOption(page: Page, combobox: string, option: RegExp | string): Promise<void> {
  const target = page.getByRole('option', { name: option });
  for (let attempt = 1; ; attempt++) {
    await page.getByRole('combobox', { name: combobox }).click();
    try {
      await target.first().waitFor({ timeout: 3000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await target.first().click();
}

/** Signs in through the login form; resolves with the login page's document response (its headers carry the CSP). */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<Response | null> {
  const response = await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return response;
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
