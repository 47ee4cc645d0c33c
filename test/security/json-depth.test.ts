import request from 'supertest';
import { tooDeepAt } from '../../server/middleware/json-depth';
import { anonymous, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';

/** Deeply nested JSON is refused by a scan of the raw body, before it is parsed and before anyone is known. */

const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('tooDeepAt', () => {
  test.each([
    ['a flat object', '{"a":1,"b":[1,2]}', undefined],
    ['exactly the limit', nested(4), undefined],
    ['one level more', nested(5), [0, 0, 0, 0]],
    ['objects and arrays mixed', '{"a":[{"b":[{"c":1}]}]}', ['a', 0, 'b', 0]],
    ['brackets inside a string', `{"a":"${'['.repeat(100)}"}`, undefined],
    ['brackets inside a key', `{"${'{'.repeat(100)}":1}`, undefined],
    ['an escaped quote that does not end the string', `{"a":"\\"${'{'.repeat(100)}"}`, undefined],
    ['an escaped backslash that does', `{"a":"\\\\","b":${nested(5)}}`, ['b', 0, 0, 0]],
    ['the third element of a list, under an escaped key', `{"x":[1,"[",${nested(4)}],"k\\u00e9":1}`, ['x', 2, 0, 0]],
    ['a key with an escape', `{"caf\\u00e9":${nested(4)}}`, ['café', 0, 0, 0]],
    ['siblings that are each shallow', `[${Array(1000).fill(nested(3)).join(',')}]`, undefined],
  ] as const)('when the text is %s, then the path where it is too deep (over 4 levels) is found, or none', (_what, text, at) => {
    expect(tooDeepAt(bytes(text), 4)).toEqual(at);
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

  test('when a body nests deeper than 32 levels, then 400 naming the field, before the CSRF check or authentication', async () => {
    for (const res of [
      await visitor.post('/api/auth/login').set('Content-Type', 'application/json').send(deepLogin(32)),
      await request(t.app).post('/api/invitations').set('Content-Type', 'application/json').send(`{"email":"x@example.test","role":${nested(10_000, '"analyst"')}}`),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.details.fields).toEqual([{ path: expect.stringMatching(/^(email|role)(\.0){31}$/), message: 'nests arrays and objects deeper than 32 levels' }]);
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
    expect(utf16.body.error.details.fields[0]).toEqual({ path: expect.stringMatching(/^email\./), message: 'nests arrays and objects deeper than 32 levels' });
    const utf7 = await visitor.post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-7').send('{}');
    expect(utf7.status).toBe(415);
  });
});
