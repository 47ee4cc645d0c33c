import request from 'supertest';
import { createTestContext, type TestContext } from './helpers/context';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('health', () => {
  test('when the process is up, then /healthz answers ok', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('when the database answers, then /readyz is ready', async () => {
    await request(t.app).get('/readyz').expect(200, { status: 'ready' });
  });

  test('when a request carries no id, then the response gets a generated X-Request-Id', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await request(t.app).get('/healthz').set('X-Request-Id', 'trace-123');
    expect(echoed.headers['x-request-id']).toBe('trace-123');
  });
});
