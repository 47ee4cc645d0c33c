import { securityContext, type SecurityContext } from './context';
import { expectRefused, expectSuccess } from './send';
import { snapshot } from './snapshot';
import { writeRequests } from './write-requests';

/**
 * One focused test per server bug the bad-input suite found: each answered
 * 500, named no field (or the wrong one), or changed something.
 */

let s: SecurityContext;
beforeAll(async () => {
  s = await securityContext();
});
afterAll(() => s.close());

const state = () => snapshot(s.t.db, s.t.dataDir);
const setupOf = async (key: string) => s.validRequest(writeRequests[key]!, 'own');

describe('a route that takes no body', () => {
  test('when a draft is sent with a text/plain body, then 400 and it stays a draft', async () => {
    const { refs } = await setupOf('POST /api/assessments/:id/send');
    const before = await state();
    const res = await s.world.clients.buyerAnalyst.post(`/api/assessments/${String(refs.id)}/send`).set('Content-Type', 'text/plain').send('now');
    expectRefused(res, { status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.error.message).toMatch(/takes no body/);
    expect(await state()).toBe(before);
  });

  test('when it is sent without a body or with an empty JSON object, then it works as before', async () => {
    const first = await setupOf('POST /api/assessments/:id/send');
    expectSuccess(await s.world.clients.buyerAnalyst.post(`/api/assessments/${String(first.refs.id)}/send`));
    const second = await setupOf('POST /api/assessments/:id/send');
    expectSuccess(await s.world.clients.buyerAnalyst.post(`/api/assessments/${String(second.refs.id)}/send`).send({}));
  });
});

