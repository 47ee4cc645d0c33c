import crypto from 'node:crypto';
import { routeTable } from '../../server/routes';
import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { publicTables } from '../helpers/snapshot';
import { tableDigest } from '../helpers/digest';
import { makeOrganization, makeUser } from '../helpers/factories';

/**
 * Every state-changing route of the route table, for a signed-in user and for
 * a visitor: without the session's CSRF token, or with another session's,
 * the request is refused before anything else happens and the database is
 * exactly as it was.
 */

let t: TestContext;
let buyer: Client;
let provider: Client;
let visitor: Client;
let stranger: Client;
let digestBefore: string;
let tables: string[];

const writes = routeTable.filter((r) => r.method !== 'get');
const concretePath = (path: string) => path.replace(/:(\w+)/g, () => crypto.randomUUID());

beforeAll(async () => {
  t = await createTestContext();
  const b = await makeOrganization(t.db, 'buyer');
  const p = await makeOrganization(t.db, 'provider');
  buyer = await signedIn(t.app, (await makeUser(t.db, b.id, 'admin')).email);
  provider = await signedIn(t.app, (await makeUser(t.db, p.id, 'admin')).email);
  visitor = await anonymous(t.app);
  stranger = await anonymous(t.app);
  // Sessions change with every request (rolling expiry, CSRF tokens); everything else must not.
  tables = (await publicTables(t.db)).filter((name) => name !== 'session');
  digestBefore = await tableDigest(t.db, tables);
});
afterAll(() => t.close());

test('when the route table has state-changing routes, then this suite sees them all', () => {
  expect(writes.length).toBeGreaterThan(30);
  expect(writes.every((r) => r.path.startsWith('/api/'))).toBe(true);
});

const cases = writes.flatMap((r) =>
  (['buyer', 'provider', 'visitor'] as const).flatMap((who) =>
    (['no token', "another session's token", 'a forged token'] as const).map((token) => ({ route: `${r.method.toUpperCase()} ${r.path}`, method: r.method, path: r.path, who, token })),
  ),
);

test.each(cases)('when $who sends $route with $token, then 403 CSRF_INVALID', async ({ method, path, who, token }) => {
  const client = { buyer, provider, visitor }[who];
  let call = client.agent[method as 'post'](concretePath(path));
  if (token === "another session's token") call = call.set('X-CSRF-Token', stranger.csrf);
  if (token === 'a forged token') call = call.set('X-CSRF-Token', client.csrf.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')));
  const res = await call.send({ email: 'someone@example.test', password: 'correct horse battery staple' });
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 403, code: 'CSRF_INVALID' });
});

test.each(['buyer', 'visitor'] as const)('when %s sends a non-ASCII token as long as the real one, then 403 CSRF_INVALID, not a 500', async (who) => {
  const client = { buyer, visitor }[who];
  const res = await client.agent.post('/api/auth/logout').set('X-CSRF-Token', client.csrf.replace(/.$/, 'é'));
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 403, code: 'CSRF_INVALID' });
});

test('when every refused request has been sent, then no table changed', async () => {
  expect(await tableDigest(t.db, tables)).toBe(digestBefore);
});
