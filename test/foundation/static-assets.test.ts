import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { createTestContext, type TestContext } from '../helpers/context';

/**
 * The built client's hashed assets go out compressed (brotli or gzip, from
 * the copies the build writes beside them), cached for a year, with the
 * right type; a browser that accepts neither gets the plain file.
 */

let t: TestContext;
let dist: string;
const js = `export const greeting = ${JSON.stringify('Scopewise '.repeat(500))};\n`;
const binary = (res: request.Response) => res.body as Buffer;
const raw = (r: request.Test) => r.buffer(true).parse((res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
});

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Scopewise</title><script type="module" src="/assets/app-abc123.js"></script>');
  const file = path.join(dist, 'assets', 'app-abc123.js');
  fs.writeFileSync(file, js);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(js));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(js));
  fs.writeFileSync(path.join(dist, 'secret.txt'), 'outside the assets folder');
  t = await createTestContext({ clientDist: dist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

test.each([
  ['gzip, deflate, br, zstd', 'br'],
  ['br;q=0.8, gzip;q=0.8', 'br'],
  ['*', 'br'],
  ['br;q=0, gzip', 'gzip'],
  ['gzip, deflate', 'gzip'],
  ['gzip;q=1, br;q=0.5', 'gzip'],
])('when a browser accepts "%s", then the asset comes as %s with its JavaScript type, a year of immutable cache and Vary', async (accept, encoding) => {
  const res = await raw(request(t.app).get('/assets/app-abc123.js').set('Accept-Encoding', accept));
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBe(encoding);
  expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
  expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  expect(res.headers.vary).toMatch(/Accept-Encoding/);
  // What crossed the wire (Content-Length) is the compressed copy; the client library decodes it back to the file.
  expect(Number(res.headers['content-length'])).toBeLessThan(js.length / 5);
  expect(binary(res).toString()).toBe(js);
});

test('when a browser accepts no compression, then the asset comes as it is', async () => {
  const res = await raw(request(t.app).get('/assets/app-abc123.js').set('Accept-Encoding', 'identity'));
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBeUndefined();
  expect(binary(res).toString()).toBe(js);
});

test.each(['/assets/..%2Fsecret.txt', '/assets/%2e%2e/secret.txt', '/assets/%E0%A4%A', '/assets/missing.js'])('when %s is asked for, then nothing outside the assets folder is sent', async (url) => {
  const res = await request(t.app).get(url).set('Accept-Encoding', 'br, gzip');
  expect([400, 404]).toContain(res.status);
  expect(res.text ?? '').not.toContain('outside the assets folder');
});
