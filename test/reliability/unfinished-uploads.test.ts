import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { startJobs, UPLOAD_QUEUE } from '../../server/jobs/queue';
import { diskStorage } from '../../server/storage/disk';
import type { Storage } from '../../server/storage/storage';
import { reconcileUploads } from '../../server/uploads/reconcile';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeDocument, makeOrganization, makeUser } from '../helpers/factories';
import { filesUnder } from '../helpers/files';

// What a crash can leave of an upload, and what the next start removes
// (server/uploads/reconcile.ts). The crash test (crash.test.ts) shows it on
// a real killed server; these pin each case down.

let t: TestContext;
let provider: Client;
let providerOrg: string;
/** Runs once, inside the storage's next successful put: a server starting while that upload is in progress. */
let duringNextPut: (() => Promise<void>) | undefined;

const filesDir = () => path.join(t.dataDir, 'files');
const fileOf = (key: string) => path.join(filesDir(), key.slice(0, 2), key.slice(2, 4), key);
const newKey = () => crypto.randomBytes(32).toString('hex');
const pendingKeys = async () => (await t.db.selectFrom('pending_uploads').select('storage_key').execute()).map((r) => r.storage_key);

/** A stored object whose upload never got its row: the note `minutesAgo` old. */
async function unfinishedUpload(minutesAgo: number): Promise<string> {
  const key = newKey();
  await t.db
    .insertInto('pending_uploads')
    .values({ storage_key: key, started_at: sql<Date>`now() - make_interval(mins => ${minutesAgo})` })
    .execute();
  await t.deps.storage.put(key, Readable.from([Buffer.from('stored, never recorded\n')]), { contentType: 'text/plain' });
  return key;
}

/** A temporary file as a write cut off mid-way leaves it, last touched `minutesAgo`. */
function partialFile(minutesAgo: number): string {
  const file = `${fileOf(newKey())}.part-${crypto.randomBytes(6).toString('hex')}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'half a file');
  const when = new Date(Date.now() - minutesAgo * 60_000);
  fs.utimesSync(file, when, when);
  return file;
}

beforeAll(async () => {
  t = await createTestContext({}, {
    storage: (config) => {
      const disk = diskStorage(path.join(config.dataDir, 'files'));
      const storage: Storage = {
        ...disk,
        async put(key, source, meta) {
          await disk.put(key, source, meta);
          const during = duringNextPut;
          duringNextPut = undefined;
          await during?.();
        },
      };
      return storage;
    },
  });
  providerOrg = (await makeOrganization(t.db, 'provider')).id;
  provider = await signedIn(t.app, (await makeUser(t.db, providerOrg, 'contributor')).email);
});
afterAll(() => t.close());

beforeEach(async () => {
  await t.db.deleteFrom('pending_uploads').execute();
  duringNextPut = undefined;
});

const upload = (content: Buffer, fields: Record<string, string> = { kind: 'evidence' }) => {
  let req = provider.post('/api/documents');
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', content, 'evidence.txt');
};

describe('uploads leave a note until their row is committed', () => {
  test('when an upload succeeds, then its row and file exist and no pending note is left', async () => {
    const res = await upload(Buffer.from('complete evidence\n')).expect(201);
    const row = await t.db.selectFrom('documents').select('storage_key').where('id', '=', res.body.document.id).executeTakeFirstOrThrow();
    expect(fs.existsSync(fileOf(row.storage_key))).toBe(true);
    expect(await pendingKeys()).toEqual([]);
  });

  test('when an upload is refused after its bytes were stored, then neither file nor note remains', async () => {
    const before = filesUnder(filesDir()).length;
    await upload(Buffer.from('evidence of an unknown kind\n'), { kind: 'no-such-kind' }).expect(400);
    expect(filesUnder(filesDir())).toHaveLength(before);
    expect(await pendingKeys()).toEqual([]);
  });

  test('when the note cannot be written, then the upload fails as a server error before any byte is stored', async () => {
    const before = filesUnder(filesDir()).length;
    await sql`ALTER TABLE pending_uploads RENAME TO pending_uploads_away`.execute(t.db);
    try {
      const res = await upload(Buffer.from('evidence while the database misbehaves\n')).expect(500);
      expect(res.body.error.code).toBe('INTERNAL');
    } finally {
      await sql`ALTER TABLE pending_uploads_away RENAME TO pending_uploads`.execute(t.db);
    }
    expect(filesUnder(filesDir())).toHaveLength(before);
  });
});

describe('at start, unfinished uploads older than the grace period are removed', () => {
  test('when a stored object never got its row, then it and its note are removed once older than the grace period, and a younger one is kept', async () => {
    const old = await unfinishedUpload(90);
    const young = await unfinishedUpload(5);

    expect(await reconcileUploads(t.deps, 60)).toEqual({ uploads: 1, parts: 0 });

    expect(fs.existsSync(fileOf(old))).toBe(false);
    expect(fs.existsSync(fileOf(young))).toBe(true);
    expect(await pendingKeys()).toEqual([young]);
  });

  test('when the grace period is 0 (one server), then every unfinished upload is removed', async () => {
    const key = await unfinishedUpload(0);
    expect(await reconcileUploads(t.deps, 0)).toEqual({ uploads: 1, parts: 0 });
    expect(fs.existsSync(fileOf(key))).toBe(false);
    expect(await pendingKeys()).toEqual([]);
  });

  test('when a note names a key a document row uses, then the note goes and the file stays', async () => {
    const id = await makeDocument(t.db, t.deps.storage, providerOrg);
    const { storage_key: key } = await t.db.selectFrom('documents').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow();
    await t.db.insertInto('pending_uploads').values({ storage_key: key, started_at: sql<Date>`now() - interval '2 hours'` }).execute();

    expect(await reconcileUploads(t.deps, 60)).toEqual({ uploads: 0, parts: 0 });

    expect(fs.existsSync(fileOf(key))).toBe(true);
    expect(await pendingKeys()).toEqual([]);
  });

  test('when a write was cut off mid-way, then its temporary file is removed once untouched for the grace period, and a fresh one is kept', async () => {
    const stale = partialFile(61);
    const fresh = partialFile(1);

    expect(await reconcileUploads(t.deps, 60)).toEqual({ uploads: 0, parts: 1 });

    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh);
  });

  test('when a starting server takes an upload that then finishes, then the upload is refused and leaves neither row nor file', async () => {
    const documents = await t.db.selectFrom('documents').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const files = filesUnder(filesDir()).length;
    duringNextPut = async () => {
      expect(await reconcileUploads(t.deps, 0)).toEqual({ uploads: 1, parts: 0 });
    };

    const res = await upload(Buffer.from('a very slow upload\n')).expect(409);

    expect(res.body.error.message).toMatch(/upload the file again/);
    expect(await t.db.selectFrom('documents').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual(documents);
    expect(filesUnder(filesDir())).toHaveLength(files);
    expect(await pendingKeys()).toEqual([]);
  });
});

describe('the hourly pass', () => {
  const scheduled = async (graceMinutes: number) => {
    const jobs = await startJobs({ ...t.deps, config: { ...t.deps.config, uploadGraceMinutes: graceMinutes } });
    try {
      return (await jobs.boss.getSchedules()).some((s) => s.name === UPLOAD_QUEUE);
    } finally {
      await jobs.stop();
    }
  };

  test('when several servers may run (grace above 0), then an hourly job removes unfinished uploads; with a grace of 0 there is none, even if one was scheduled before', async () => {
    expect(await scheduled(60)).toBe(true);
    expect(await scheduled(0)).toBe(false);
  });
});
