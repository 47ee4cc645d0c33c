import type { AnyRoute } from '../../server/http/route';
import { routeTable } from '../../server/routes';
import type { Client } from '../helpers/agent';
import { asSent, keyOf, securityContext, type SecurityContext } from './context';
import { describeExpect, variantsFor, type ValidRequest } from './malformed';
import { expectRefused, expectSuccess, send } from './send';
import { snapshot } from './snapshot';
import { writeRequests, type Refs } from './write-requests';

/**
 * Bad input on every write route: each malformed variant of a valid request
 * gets a 4xx in the error format naming the problem (the field, where there
 * is one), never a 500, and changes nothing: every table (but the session
 * store), the stored files and the outbox are the same afterwards.
 */

const writeRoutes = routeTable.filter((r) => r.method !== 'get');

let s: SecurityContext;
beforeAll(async () => {
  s = await securityContext();
});
afterAll(() => s.close());

test('when a write route exists, then the suite has a valid request for it (and none for a route that does not exist)', () => {
  expect(Object.keys(writeRequests).sort()).toEqual(writeRoutes.map(keyOf).sort());
});

/** The state before a request: the previous refusal's "after" while nothing else ran in between. */
let baseline: string | undefined;
const state = () => snapshot(s.t.db, s.t.dataDir);

const exercised = new Set<unknown>();
describe.each(writeRoutes.filter((r) => writeRequests[keyOf(r)]).map((r) => [keyOf(r), r] as [string, AnyRoute]))('%s', (key, route) => {
  const c = writeRequests[key]!;
  const variants = variantsFor(route, c, exercised).map((v) => ({ ...v, title: `when ${key} gets ${v.name}, then ${describeExpect(v.expect)}` }));
  let valid: ValidRequest;
  let other: Refs | undefined;
  let client: Client;

  beforeAll(async () => {
    valid = await s.validRequest(c, 'own');
    other = c.setup ? await c.setup(s.world, 'other') : undefined;
    client = await s.clientFor(c);
    baseline = undefined;
  });

  test(`when ${key} gets a valid request, then it succeeds`, async () => {
    const request = await s.validRequest(c, 'own');
    const res = await send(await s.clientFor(c), route.method, asSent(route, request));
    expectSuccess(res);
    await c.settled?.(request.refs, () => s.t.outbox());
    baseline = undefined;
  });

  test.each(variants)('$title', async (v) => {
    const before = baseline ?? (await state());
    baseline = undefined;
    const res = await send(client, route.method, v.make(valid, other));
    const after = await state();
    baseline = after;
    expectRefused(res, v.expect);
    expect(after).toBe(before);
    expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
