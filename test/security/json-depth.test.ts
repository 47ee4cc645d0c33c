import request from 'supertest';
import { nestsDeeperThan } from '../../server/middleware/json-depth';
import { anonymous, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';

/** Deeply nested JSON is refused by a scan of the raw body, before it is parsed and before anyone is known. */

const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan', () => {
  test.each([
    ['a flat object', '{"a":1,"b":[1,2]}', false],
    ['exactly the limit', nested(4), false],
    ['one level more', nested(5), true],
    ['objects and arrays mixed', '{"a":[{"b":[{"c":1}]}]}', true],
    ['brackets inside a string', `{"a":"${'['.repeat(100)}"}`, false],
    ['an escaped quote that does not end the string', `{"a":"\\"${'{'.repeat(100)}"}`, false],
    ['an escaped backslash that does', `{"a":"\\\\",${'"b":'}${nested(5)}}`, true],
    ['siblings that are each shallow', `[${Array(1000).fill(nested(3)).join(',')}]`, false],
  ] as const)('when the text is %s, then it is found deeper than 4 levels or not as expected', (_what, text, deeper) => {
    expect(nestsDeeperThan(bytes(text), 4)).toBe(deeper);
  });
});

describe('the API', () => {
  let t: TestContext;
  let visitor: Client;
  beforeAll(async () => {
    t = await createTestContext();
    visitor = await anonymous(t.app);
  });
  afterAll(() => t.close());

  const deepLogin = (depth: number) => `{"email":${nested(depth, '"x@example.test"')},"password":"x"}`;

  test('when a body nests deeper than 32 levels, then 400 naming the nesting, before the CSRF check or authentication', async () => {
    for (const res of [
      await visitor.post('/api/auth/login').set('Content-Type', 'application/json').send(deepLogin(32)),
      await request(t.app).post('/api/invitations').set('Content-Type', 'application/json').send(`{"email":"x@example.test","role":${nested(10_000, '"analyst"')}}`),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.details.fields).toEqual([{ path: '', message: 'the JSON body nests arrays and objects deeper than 32 levels' }]);
    }
  });

  test('when a body nests 32 levels or hides brackets in strings, then it is parsed and validated as usual', async () => {
    const res = await visitor.post('/api/auth/login').set('Content-Type', 'application/json').send(deepLogin(31));
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['email']);
    const inString = await visitor.post('/api/auth/login').send({ email: 'nobody@example.test', password: '['.repeat(200) });
    expect(inString.status).toBe(401);
  });

  test('when a deep body is sent as UTF-16, then it is refused the same way; a charset the scan cannot read is 415', async () => {
    const utf16 = await visitor.post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-16le').serialize((raw) => raw).send(Buffer.from(deepLogin(40), 'utf16le'));
    expect(utf16.status).toBe(400);
    expect(utf16.body.error.details.fields[0].message).toMatch(/deeper than 32/);
    const utf7 = await visitor.post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-7').send('{}');
    expect(utf7.status).toBe(415);
  });
});
