import crypto from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../shared/roles';
import { routeTable } from '../../server/routes';
import { insertInvitation } from '../../server/repositories/invitation';
import { createTestContext, type TestContext } from '../helpers/context';
import { tableDigest } from '../helpers/digest';
import { makeUser } from '../helpers/factories';
import { buildWorld, personaRole, personas, type Org, type Persona, type World } from './world';

/**
 * The authorization matrix: every route × every role × own or another
 * organization's object. A route added to the route table without a row
 * here fails the first test. Refused writes must change nothing.
 */

type Tenant = 'own' | 'other';
interface Req {
  path: string;
  body?: unknown;
}
type Expected = number | { own: number; other: number };

interface AuthenticatedCase {
  /** Builds the request for one persona against an object of `org` (the persona's own organization, or another one of the same kind). */
  request: (w: World, persona: Persona, org: Org) => Promise<Req>;
  /** Whether the route addresses one object, so "another tenant's" applies. */
  scoped: boolean;
  expect: Record<Persona, Expected>;
  /** Tables whose contents a refused request must leave unchanged. */
  watch?: string[];
}
type Case = { public: true } | AuthenticatedCase;

const all = (status: number) => Object.fromEntries(personas.map((p) => [p, status])) as Record<Persona, Expected>;
const adminsOnly = (allowed: Expected, refused: Expected) =>
  Object.fromEntries(personas.map((p) => [p, personaRole[p].role === 'admin' ? allowed : refused])) as Record<Persona, Expected>;

const orgOf = (w: World, persona: Persona, tenant: Tenant): Org => w[tenant][personaRole[persona].kind];
const unique = () => crypto.randomBytes(4).toString('hex');
const memberRole = (org: Org): Role => (org.kind === 'buyer' ? 'analyst' : 'contributor');

const cases: Record<string, Case> = {
  'GET /healthz': { public: true },
  'GET /readyz': { public: true },
  'GET /api/openapi.json': { public: true },
  'GET /api/auth/csrf': { public: true },
  'POST /api/auth/login': { public: true },
  'POST /api/auth/logout': { public: true },
  'POST /api/invitations/inspect': { public: true },
  'POST /api/invitations/accept': { public: true },
  'GET /api/auth/me': { scoped: false, request: async () => ({ path: '/api/auth/me' }), expect: all(200) },
  'GET /api/users': { scoped: false, request: async () => ({ path: '/api/users' }), expect: adminsOnly(200, 403) },
  'GET /api/invitations': { scoped: false, request: async () => ({ path: '/api/invitations' }), expect: adminsOnly(200, 403) },
  'GET /api/audit-events': { scoped: false, request: async () => ({ path: '/api/audit-events' }), expect: adminsOnly(200, 403) },
  'POST /api/invitations': {
    scoped: false,
    request: async (_w, persona) => ({ path: '/api/invitations', body: { email: `m-${unique()}@example.test`, role: personaRole[persona].kind === 'buyer' ? 'analyst' : 'contributor' } }),
    expect: adminsOnly(201, 403),
    watch: ['invitations', 'users'],
  },
  'PATCH /api/users/:id': {
    scoped: true,
    request: async (w, _persona, org) => {
      const target = await makeUser(w.db, org.id, memberRole(org));
      return { path: `/api/users/${target.id}`, body: { status: 'disabled' } };
    },
    expect: adminsOnly({ own: 200, other: 404 }, { own: 403, other: 404 }),
    watch: ['users'],
  },
  'DELETE /api/invitations/:id': {
    scoped: true,
    request: async (w, _persona, org) => {
      const id = await insertInvitation(w.db, { organizationId: org.id, email: `i-${unique()}@example.test`, role: memberRole(org), tokenHash: unique(), invitedBy: null, expiresAt: new Date(Date.now() + 86400000) });
      return { path: `/api/invitations/${id}` };
    },
    expect: adminsOnly({ own: 200, other: 404 }, { own: 403, other: 404 }),
    watch: ['invitations'],
  },
};

const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

let t: TestContext;
let world: World;
beforeAll(async () => {
  t = await createTestContext();
  world = await buildWorld(t.app, t.db);
});
afterAll(() => t.close());

test('when a route exists, then the matrix has a row for it (and no row for a route that does not exist)', () => {
  const routes = routeTable.map(keyOf).sort();
  expect(Object.keys(cases).sort()).toEqual(routes);
});

test('when a route is public in the matrix, then the route table says so too', () => {
  for (const r of routeTable) {
    expect({ route: keyOf(r), public: 'public' in (cases[keyOf(r)] ?? {}) }).toEqual({ route: keyOf(r), public: r.access === 'public' });
  }
});

const authenticated = Object.entries(cases).filter((e): e is [string, AuthenticatedCase] => !('public' in e[1]));
const rows = authenticated.flatMap(([key, c]) =>
  personas.flatMap((persona) => (c.scoped ? (['own', 'other'] as Tenant[]) : (['own'] as Tenant[])).map((tenant) => ({ key, persona, tenant }))),
);

test.each(authenticated.map(([key]) => [key]))('when nobody is signed in, then %s answers 401', async (key) => {
  const c = cases[key] as AuthenticatedCase;
  const method = key.split(' ')[0]!;
  const { path, body } = await c.request(world, 'buyerAdmin', world.own.buyer);
  const agent = request.agent(t.app);
  const csrf = (await agent.get('/api/auth/csrf')).body.token;
  const res = await agent[method.toLowerCase() as 'get'](path).set('X-CSRF-Token', csrf).send(body as object);
  expect(res.status).toBe(401);
});

test.each(rows)('when $persona calls $key on an object of $tenant organization', async ({ key, persona, tenant }) => {
  const c = cases[key] as AuthenticatedCase;
  const expected = c.expect[persona];
  const status = typeof expected === 'number' ? expected : expected[tenant];
  const method = key.split(' ')[0]!;
  const { path, body } = await c.request(world, persona, orgOf(world, persona, tenant));
  const before = c.watch ? await tableDigest(t.db, c.watch) : '';
  const client = world.clients[persona];
  const res = await client[method.toLowerCase() as 'get'](path).send(body as object);
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({
    status,
    code: status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : undefined,
  });
  if (c.watch && status >= 400) expect(await tableDigest(t.db, c.watch)).toBe(before);
});
