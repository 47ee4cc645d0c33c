import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { diskStorage } from '../../server/storage/disk';
import type { Storage } from '../../server/storage/storage';
import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { fakeExecutable, filesUnder, makePdf, rawMultipart } from '../helpers/files';
import { makeOrganization, makeUser } from '../helpers/factories';

let t: TestContext;
let provider: Client;
let buyer: Client;
let pdf: Buffer;
const watched = ['documents', 'document_shares', 'audit_events'];
const filesDir = () => path.join(t.dataDir, 'files');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await createTestContext({ maxUploadBytes: 2 * 1024 * 1024 });
  const prov = await makeOrganization(t.db, 'provider', 'Acme Upload BPO');
  provider = await signedIn(t.app, (await makeUser(t.db, prov.id, 'contributor')).email);
  const b = await makeOrganization(t.db, 'buyer');
  buyer = await signedIn(t.app, (await makeUser(t.db, b.id, 'analyst')).email);
  pdf = await makePdf(['ISO/IEC 27001:2022 certificate', 'Acme BPO Philippines, Inc.']);
});
afterAll(() => t.close());

const upload = (c: Client, file: Buffer, name: string, fields: Record<string, string> = { kind: 'certificate' }) => {
  let req = c.post('/api/documents');
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, name);
};

describe('uploading documents', () => {
  test('when a provider uploads a PDF, then it is stored under a random key with its SHA-256 and comes back byte for byte as an attachment', async () => {
    const res = await upload(provider, pdf, 'ISO 27001 certificate.pdf').expect(201);
    const d = res.body.document;
    expect(d).toMatchObject({ kind: 'certificate', title: 'ISO 27001 certificate', originalName: 'ISO 27001 certificate.pdf', mime: 'application/pdf', size: pdf.length, sha256: sha(pdf), version: 1, latestVersion: 1 });
    const stored = filesUnder(filesDir());
    expect(stored).toHaveLength(1);
    expect(path.basename(stored[0]!)).toMatch(/^[0-9a-f]{64}$/);

    const download = await provider.get(`/api/documents/${d.id}/content`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="ISO 27001 certificate.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  test('when a provider uploads an HTML page with a script, then it is kept as plain text and served so that it cannot run in the app', async () => {
    const page = Buffer.from('<!doctype html><html><body><script>fetch("/api/auth/me").then(r => r.text()).then(alert)</script></body></html>\n');
    const d = (await upload(provider, page, 'evidence.html', { kind: 'evidence' }).expect(201)).body.document;
    expect(d.mime).toBe('text/plain');
    const download = await provider.get(`/api/documents/${d.id}/content`).expect(200);
    expect(download.headers['content-type']).toMatch(/^text\/plain/);
    // Saved as text, whatever the name said: a .html on the buyer's disk would open in a browser.
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="?evidence\.html\.txt"?$/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.text).toBe(page.toString());
  });

  test('when a new version is uploaded, then the old one stays untouched and the library shows the latest', async () => {
    const first = (await upload(provider, pdf, 'policy.pdf', { kind: 'policy', title: 'Access control policy' }).expect(201)).body.document;
    const v2pdf = await makePdf(['Access control policy v2']);
    const second = (await upload(provider, v2pdf, 'policy-v2.pdf', { kind: 'policy', replaces: first.id }).expect(201)).body;
    expect(second.document).toMatchObject({ seriesId: first.seriesId, version: 2, title: 'Access control policy', sha256: sha(v2pdf) });
    expect(second.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const library = (await provider.get('/api/documents?kind=policy').expect(200)).body.documents;
    expect(library.map((d: { id: string }) => d.id)).toEqual([second.document.id]);
    expect((await provider.get(`/api/documents/${first.id}`).expect(200)).body.document.sha256).toBe(sha(pdf));
    const wrongKind = await upload(provider, v2pdf, 'x.pdf', { kind: 'evidence', replaces: first.id }).expect(400);
    expect(wrongKind.body.error.details.fields[0].path).toBe('kind');
  });

  test('when someone tries to change a stored document row, then the database refuses', async () => {
    await expect(t.db.updateTable('documents').set({ title: 'tampered' }).execute()).rejects.toThrow(/immutable/);
  });

  test.each([
    ['an executable renamed .pdf', () => fakeExecutable(), 'invoice.pdf', 415, /EXE/],
    ['an empty file', () => Buffer.alloc(0), 'empty.pdf', 400, /empty/],
    ['a UTF-16 CSV', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]), 'soa.csv', 415, /UTF-16/],
    ['a Windows-1252 CSV', () => Buffer.from('Contrôle;Applicable\n5.1;Oui\n', 'latin1'), 'soa.csv', 415, /UTF-8/],
  ])('when the upload is %s, then %s and nothing is stored', async (_what, make, name, status, message) => {
    const before = await tableDigest(t.db, watched);
    const files = filesUnder(filesDir()).length;
    const res = await upload(provider, make(), name).expect(status);
    expect(res.body.error.message).toMatch(message);
    expect(await tableDigest(t.db, watched)).toBe(before);
    expect(filesUnder(filesDir()).length).toBe(files);
  });

  test.each([
    ['a name with path traversal', '../../etc/passwd.pdf', /path separators/],
    ['a Windows path', 'C:\\Users\\me\\cert.pdf', /path separators/],
    ['a name with control characters', 'cert\u0001.pdf', /control characters|malformed/],
  ])('when the upload has %s, then 400 and nothing is stored', async (_what, name, message) => {
    const before = await tableDigest(t.db, watched);
    const files = filesUnder(filesDir()).length;
    const { body, contentType } = rawMultipart({ kind: 'certificate' }, { name, content: pdf });
    const res = await provider.post('/api/documents').set('Content-Type', contentType).send(body).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(await tableDigest(t.db, watched)).toBe(before);
    expect(filesUnder(filesDir()).length).toBe(files);
  });

  test('when the file is over the cap, then 413 and nothing is stored', async () => {
    const before = await tableDigest(t.db, watched);
    const files = filesUnder(filesDir()).length;
    const big = Buffer.concat([pdf, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const res = await upload(provider, big, 'huge.pdf').expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await tableDigest(t.db, watched)).toBe(before);
    expect(filesUnder(filesDir()).length).toBe(files);
  });

  test('when the kind is missing or unknown, then 400 names it and the file is removed', async () => {
    const files = filesUnder(filesDir()).length;
    const res = await upload(provider, pdf, 'x.pdf', { kind: 'selfie' }).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('kind');
    expect(filesUnder(filesDir()).length).toBe(files);
  });

  test('when a buyer or an anonymous visitor uploads, then it is refused before anything is stored', async () => {
    const files = filesUnder(filesDir()).length;
    await upload(buyer, pdf, 'x.pdf').expect(403);
    const visitor = await anonymous(t.app);
    await upload(visitor, pdf, 'x.pdf').expect(401);
    expect(filesUnder(filesDir()).length).toBe(files);
  });

  test('when the body is not multipart, then 415', async () => {
    const res = await provider.post('/api/documents').send({ kind: 'certificate' }).expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('when the client disconnects mid-upload, then neither a row nor a file remains', async () => {
    const before = await tableDigest(t.db, watched);
    const files = filesUnder(filesDir()).length;
    const server = http.createServer(t.app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const boundary = 'scopewise-boundary';
      const cookie = provider.agent.jar.getCookies({ path: '/', domain: '127.0.0.1', secure: false, script: false }).map((c) => `${c.name}=${c.value}`).join('; ');
      await new Promise<void>((resolve) => {
        const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/documents', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(2 * 1024 * 1024), Cookie: cookie, 'X-CSRF-Token': provider.csrf } });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncertificate\r\n`);
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
        req.write(pdf);
        req.write(Buffer.alloc(200 * 1024, 0x20));
        setTimeout(() => req.destroy(), 200);
      });
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    expect(await tableDigest(t.db, watched)).toBe(before);
    expect(filesUnder(filesDir()).length).toBe(files);
  });

  test('when the storage fails mid-write, then 500 and nothing is left behind', async () => {
    let failing: Storage | undefined;
    const broken = await createTestContext({}, {
      storage: (config) => {
        const disk = diskStorage(path.join(config.dataDir, 'files'));
        failing = {
          ...disk,
          put: (key, source, meta) => {
            let seen = 0;
            const sabotage = new Transform({
              transform(chunk: Buffer, _e, next) {
                seen += chunk.length;
                next(seen > 1024 ? new Error('disk full') : null, chunk);
              },
            });
            const out = new PassThrough();
            pipeline(source, sabotage, out).catch(() => undefined);
            return disk.put(key, out, meta);
          },
        };
        return failing;
      },
    });
    try {
      const org = await makeOrganization(broken.db, 'provider');
      const client = await signedIn(broken.app, (await makeUser(broken.db, org.id, 'admin')).email);
      const res = await upload(client, pdf, 'x.pdf').expect(500);
      expect(res.body.error.message).not.toMatch(/disk full/);
      expect(await broken.db.selectFrom('documents').select('id').execute()).toEqual([]);
      expect(filesUnder(path.join(broken.dataDir, 'files'))).toEqual([]);
    } finally {
      await broken.close();
    }
  });

  test('when a stored file was altered on disk, then the download is refused instead of serving it', async () => {
    const d = (await upload(provider, pdf, 'tamper.pdf').expect(201)).body.document;
    const row = await t.db.selectFrom('documents').select('storage_key').where('id', '=', d.id).executeTakeFirstOrThrow();
    const file = filesUnder(filesDir()).find((f) => f.endsWith(row.storage_key))!;
    fs.appendFileSync(file, 'x');
    const res = await provider.get(`/api/documents/${d.id}/content`).expect(500);
    expect(res.body.error.message).toMatch(/integrity check/);
  });
});
