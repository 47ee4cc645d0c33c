import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';

/**
 * The headers every answer carries: a Content-Security-Policy under which no
 * injected script, inline handler, eval, plugin or framing works; no MIME
 * sniffing; no referrer leaving the app; API answers never cached; HSTS
 * behind TLS. (That the built SPA works under this policy is checked in the
 * browser journeys, which fail on any CSP violation.)
 */

let t: TestContext;
let tls: TestContext;
let clientDist: string;

/** Parses a CSP header into directive → sources. */
const csp = (header: string | undefined) =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

beforeAll(async () => {
  // A stand-in for the built SPA, so the test does not depend on a client build.
  clientDist = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-dist-'));
  fs.mkdirSync(path.join(clientDist, 'assets'));
  fs.writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>Scopewise</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(clientDist, 'assets', 'app.js'), 'console.log("app")');
  t = await createTestContext({ clientDist });
  tls = await createTestContext({ clientDist, trustProxy: true, cookieSecure: true });
});
afterAll(async () => {
  await t.close();
  await tls.close();
  fs.rmSync(clientDist, { recursive: true, force: true });
});

describe.each([
  ['the SPA page', '/engagements/123'],
  ['an API answer', '/api/auth/csrf'],
  ['an API error', '/api/no-such-route'],
])('%s', (_name, url) => {
  test('when it is fetched, then its CSP allows scripts from the app only (no inline, no eval), no plugins, no framing, no foreign connections', async () => {
    const res = await request(t.app).get(url);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-eval|\*/);
  });

  test('when it is fetched, then MIME sniffing, referrers and the framework banner are off', async () => {
    const res = await request(t.app).get(url);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[\w.-]{1,64}$/);
  });
});

test('when an API answer is sent, then it is never cached, by the browser or any proxy', async () => {
  const org = await makeOrganization(t.db, 'buyer');
  const client = await signedIn(t.app, (await makeUser(t.db, org.id, 'analyst')).email);
  const res = await client.get('/api/auth/me').expect(200);
  expect(res.headers['cache-control']).toBe('no-store');
});

test('when the app runs behind TLS, then browsers are told to use https only (HSTS) and to upgrade stray http requests', async () => {
  const res = await request(tls.app).get('/api/auth/csrf').set('X-Forwarded-Proto', 'https');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
  expect(csp(res.headers['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
  const local = await request(t.app).get('/api/auth/csrf');
  expect(local.headers['strict-transport-security']).toBeUndefined();
});

test('when a caller sends an X-Request-Id, then a sane one is echoed and anything else is replaced', async () => {
  expect((await request(t.app).get('/healthz').set('X-Request-Id', 'trace-42.a_b')).headers['x-request-id']).toBe('trace-42.a_b');
  const injected = await request(t.app).get('/healthz').set('X-Request-Id', 'x'.repeat(65));
  expect(injected.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
