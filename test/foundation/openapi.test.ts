import request from 'supertest';
import { routeTable } from '../../server/routes';
import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous } from '../helpers/agent';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  test('when it is fetched, then it is OpenAPI 3.1 and documents every route of the route table', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    for (const r of routeTable) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect({ route: `${r.method} ${path}`, documented: Boolean(res.body.paths[path]?.[r.method]) }).toEqual({ route: `${r.method} ${path}`, documented: true });
    }
  });

  test('when a route takes a body, then its schema comes from the same zod schema that validates it', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    const login = res.body.paths['/api/auth/login'].post;
    const ref = login.requestBody.content['application/json'].schema.$ref as string;
    const schema = res.body.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(schema.additionalProperties).toBe(false);
    expect(res.body.components.securitySchemes).toBeDefined();
  });

  test('when the docs page is opened, then it loads Swagger UI without inline scripts', async () => {
    const res = await request(t.app).get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
    expect(res.text).not.toMatch(/<script>[^<]/);
  });
});

describe('cookies behind TLS', () => {
  test('when TRUST_PROXY is on and the proxy says https, then the session cookie is Secure', async () => {
    const tls = await createTestContext({ trustProxy: true, cookieSecure: true });
    try {
      const org = await makeOrganization(tls.db, 'buyer');
      const user = await makeUser(tls.db, org.id, 'admin');
      const csrf = await request(tls.app).get('/api/auth/csrf').set('X-Forwarded-Proto', 'https');
      const first = ([] as string[]).concat(csrf.headers['set-cookie'] ?? []).find((c) => c.startsWith('scopewise.sid='));
      expect(first).toMatch(/; Secure/i);
      // The proxy terminates TLS; supertest speaks http, so the cookie is passed by hand as a browser would over https.
      const res = await request(tls.app)
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', first!.split(';')[0]!)
        .set('X-CSRF-Token', csrf.body.token)
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('scopewise.sid='));
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await tls.close();
    }
  });

  test('when TLS is off (local use), then the cookie is not Secure so the login works over http', async () => {
    const client = await anonymous(t.app);
    const org = await makeOrganization(t.db, 'buyer');
    const user = await makeUser(t.db, org.id, 'admin');
    const res = await client.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('scopewise.sid='));
    expect(cookie).not.toMatch(/; Secure/i);
  });
});
