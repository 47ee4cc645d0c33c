import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseS3Url, s3Storage } from '../../server/storage/s3';
import { StorageNotFoundError, type Storage } from '../../server/storage/storage';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn } from '../helpers/agent';
import { makePdf } from '../helpers/files';
import { makeOrganization, makeUser } from '../helpers/factories';

// s3rver: a real S3-compatible HTTP server (from the npm registry) that the AWS SDK talks to as it would to AWS or MinIO.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: object) => { run(): Promise<AddressInfo>; close(): Promise<void> };

let server: InstanceType<typeof S3rver>;
let dir: string;
let endpoint: string;
const client = () => ({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
const key = () => crypto.randomBytes(32).toString('hex');
const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'evidence' }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('S3-compatible storage', () => {
  test('when STORAGE_URL is parsed, then bucket and prefix come out; anything else is refused', () => {
    expect(parseS3Url('s3://evidence/scopewise/prod/')).toEqual({ bucket: 'evidence', prefix: 'scopewise/prod' });
    expect(parseS3Url('s3://evidence')).toEqual({ bucket: 'evidence', prefix: '' });
    expect(() => parseS3Url('https://evidence/x')).toThrow(/s3:\/\/bucket/);
  });

  test('when an object is put, read, checked and deleted, then the bytes survive the round trip under the prefix', async () => {
    const storage: Storage = s3Storage({ bucket: 'evidence', prefix: 'tenant-files' }, client());
    const k = key();
    const content = crypto.randomBytes(300 * 1024);
    await storage.put(k, Readable.from([content]), { contentType: 'application/pdf' });
    expect(await storage.exists(k)).toBe(true);
    expect(Buffer.compare(await read(await storage.get(k)), content)).toBe(0);
    await storage.delete(k);
    expect(await storage.exists(k)).toBe(false);
    await expect(storage.get(k)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.delete(k);
  });

  test('when a large object streams in several parts, then it arrives whole', async () => {
    const storage = s3Storage({ bucket: 'evidence', prefix: '' }, client());
    const k = key();
    const content = crypto.randomBytes(20 * 1024 * 1024);
    const chunks = Array.from({ length: 20 }, (_v, i) => content.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    await storage.put(k, Readable.from(chunks), { contentType: 'application/pdf' });
    const back = await read(await storage.get(k));
    expect(crypto.createHash('sha256').update(back).digest('hex')).toBe(crypto.createHash('sha256').update(content).digest('hex'));
  });

  test('when the source stream fails mid-upload, then nothing is left under the key', async () => {
    const storage = s3Storage({ bucket: 'evidence', prefix: '' }, client());
    const k = key();
    const failing = Readable.from(
      (async function* () {
        yield crypto.randomBytes(64 * 1024);
        throw new Error('client went away');
      })(),
    );
    await expect(storage.put(k, failing, { contentType: 'application/pdf' })).rejects.toThrow();
    expect(await storage.exists(k)).toBe(false);
  });

  test('when the app stores uploads in S3, then upload and verified download work through the API', async () => {
    let t: TestContext | undefined;
    try {
      t = await createTestContext({}, { storage: () => s3Storage({ bucket: 'evidence', prefix: 'app' }, client()) });
      const org = await makeOrganization(t.db, 'provider');
      const provider = await signedIn(t.app, (await makeUser(t.db, org.id, 'admin')).email);
      const pdf = await makePdf(['Stored in S3']);
      const doc = (await provider.post('/api/documents').field('kind', 'policy').attach('file', pdf, 'policy.pdf').expect(201)).body.document;
      const res = await provider.get(`/api/documents/${doc.id}/content`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
    } finally {
      await t?.close();
    }
  });
});
