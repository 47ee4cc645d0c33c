import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { ApiSession, type Outcome, type Target } from './api-session';
import { seededRandom, seedFrom, type Random } from './random';
import { startServerProcess, type ServerProcess } from './server-process';

// The server is started as a child process, loaded by concurrent clients,
// killed with SIGKILL at random moments and restarted; after the last
// restart every write a client saw acknowledged must be there, with its
// audit event, and storage must hold exactly the files the rows name.
//
// Replay a failure with the seed it prints: CRASH_SEED=<seed>. CRASH_CYCLES
// changes the number of kills. The seed fixes each kill's delay (counted
// from the first acknowledged write after a start, so a slow start on a
// busy machine does not eat the run), the upload sizes and the questions
// and findings written; how requests interleave still varies between runs.

const SEED = seedFrom('CRASH_SEED');
const CYCLES = Number(process.env.CRASH_CYCLES ?? 6);
const QUESTIONS_PER_CLIENT = 4;
const ANSWER_CLIENTS = 4;
const UPLOAD_CLIENTS = 2;

interface Attempt {
  value: string;
  outcome?: Outcome['kind'];
}
interface Upload extends Attempt {
  sha256: string;
  size: number;
}
interface Cycle {
  stopped: boolean;
  /** Called at each acknowledged write: the kill clock starts at the first one, however slow the start was. */
  acked(): void;
}

const textTemplate = (keys: string[]) => ({
  name: 'Crash test questionnaire',
  sections: [{ key: 'all', title: 'All', questions: keys.map((key) => ({ key, text: `Question ${key}?`, answerType: 'text', controlIds: [] })) }],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A text file of `size` bytes whose first line makes it unique, streamed in small chunks with pauses (so a kill can land mid-upload). */
function uploadBody(rnd: Random, name: string, size: number) {
  const header = `${name} ${crypto.randomUUID()}\n`;
  // Random letters, spaces and newlines: plain text (the content need not be replayable, only its size).
  const letters = Buffer.from('abcdefghijklmnopqrstuvwxyz    \n\n');
  const bytes = crypto.randomBytes(Math.max(size, header.length));
  for (let i = 0; i < bytes.length; i++) bytes[i] = letters[bytes[i]! & 31]!;
  bytes.write(header, 'latin1');
  const boundary = `----crash${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nevidence\r\n` + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const pauses = Array.from({ length: Math.ceil(bytes.length / 32768) }, () => rnd.int(0, 6));
  async function* chunks() {
    yield head;
    for (let i = 0, n = 0; i < bytes.length; i += 32768, n++) {
      yield bytes.subarray(i, i + 32768);
      await sleep(pauses[n]!);
    }
    yield tail;
  }
  return {
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    contentType: `multipart/form-data; boundary=${boundary}`,
    stream: () => Readable.toWeb(Readable.from(chunks())) as unknown as ReadableStream<Uint8Array>,
  };
}

/** Every file under the storage root, relative to it. */
function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => !e.isDirectory()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const fileSha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The values a field may hold after a crash: the last acknowledged write or any later one (sent, outcome unknown); with none acknowledged, also its initial value. */
function allowedFinal(attempts: Attempt[], initial: string | null): (string | null)[] {
  const last = attempts.findLastIndex((a) => a.outcome === 'acked');
  return last < 0 ? [initial, ...attempts.map((a) => a.value)] : attempts.slice(last).map((a) => a.value);
}

type Db = TestDatabase['db'];

/** Each answer holds its last acknowledged value, or a later one whose outcome the client never learnt. */
async function answerProblems(db: Db, answers: Map<string, Attempt[]>): Promise<string[]> {
  const rows = await db.selectFrom('answers').select(['assessment_id', 'question_key', 'value']).execute();
  const stored = new Map(rows.map((r) => [`${r.assessment_id}/${r.question_key}`, r.value as string | null]));
  const problems: string[] = [];
  for (const [key, attempts] of answers) {
    const allowed = allowedFinal(attempts, null);
    const value = stored.get(key) ?? null;
    if (!allowed.includes(value)) problems.push(`answer ${key} is ${JSON.stringify(value)}, expected one of ${JSON.stringify(allowed)}`);
  }
  return problems;
}

/** The same for each finding's field; every acknowledged decision, and the stored one, has its audit event; no audit event for a decision never sent. */
async function findingProblems(db: Db, writes: Map<string, { column: 'remediation_plan' | 'provider_response'; attempts: Attempt[] }>): Promise<string[]> {
  const rows = await db.selectFrom('findings').select(['id', 'remediation_plan', 'provider_response']).where('id', 'in', [...writes.keys()]).execute();
  const audits = await db.selectFrom('audit_events').select(['action', 'target_id', 'details']).where('target_type', '=', 'finding').execute();
  const problems: string[] = [];
  for (const f of rows) {
    const { column, attempts } = writes.get(f.id)!;
    const value = f[column];
    const allowed = allowedFinal(attempts, null);
    if (!allowed.includes(value)) problems.push(`finding ${f.id} ${column} is ${JSON.stringify(value)}, expected one of ${JSON.stringify(allowed)}`);
    const [action, field] = column === 'remediation_plan' ? ['finding.plan_remediation', 'plan'] : ['finding.respond', 'response'];
    const audited = new Set(audits.filter((e) => e.target_id === f.id && e.action === action).map((e) => String((e.details as Record<string, unknown>)[field])));
    for (const a of attempts) if (a.outcome === 'acked' && !audited.has(a.value)) problems.push(`finding ${f.id}: acknowledged "${a.value}" has no audit event`);
    if (value !== null && !audited.has(value)) problems.push(`finding ${f.id}: stored "${value}" has no audit event`);
    const attempted = new Set(attempts.map((a) => a.value));
    for (const v of audited) if (!attempted.has(v)) problems.push(`finding ${f.id}: audit event for "${v}", never sent`);
  }
  return problems;
}

/**
 * Every acknowledged upload has its row; every row has its file (same
 * SHA-256 and size) and its audit event; every file has its row; no
 * temporary file and no pending note is left.
 */
async function storageProblems(db: Db, root: string, providerId: string, uploads: Upload[]): Promise<string[]> {
  const documents = await db.selectFrom('documents').select(['id', 'sha256', 'size_bytes', 'storage_key']).where('organization_id', '=', providerId).execute();
  const audited = new Set((await db.selectFrom('audit_events').select('target_id').where('action', '=', 'document.uploaded').execute()).map((e) => e.target_id));
  const problems: string[] = [];
  const stored = new Set(documents.map((d) => d.sha256));
  for (const u of uploads) if (u.outcome === 'acked' && !stored.has(u.sha256)) problems.push(`acknowledged upload ${u.sha256} has no documents row`);
  const sent = new Set(uploads.map((u) => u.sha256));
  for (const d of documents) {
    const file = path.join(root, d.storage_key.slice(0, 2), d.storage_key.slice(2, 4), d.storage_key);
    if (!sent.has(d.sha256)) problems.push(`document ${d.id} was never uploaded`);
    if (!fs.existsSync(file)) problems.push(`document ${d.id} has no file`);
    else if (fileSha256(file) !== d.sha256 || fs.statSync(file).size !== Number(d.size_bytes)) problems.push(`document ${d.id}: the file does not match its SHA-256 or size`);
    if (!audited.has(d.id)) problems.push(`document ${d.id} has no audit event`);
  }
  const keys = new Set(documents.map((d) => d.storage_key));
  for (const f of listFiles(root)) if (!keys.has(path.basename(f))) problems.push(`file ${f} has no documents row (orphan or temporary file)`);
  const pending = await db.selectFrom('pending_uploads').select('storage_key').execute();
  if (pending.length) problems.push(`${pending.length} pending upload note(s) left after the start`);
  return problems;
}

/** What the starts removed, from their log lines (main.ts logs it as a warning). */
function removedAtStart(outputs: string[]) {
  const removed = { uploads: 0, parts: 0 };
  for (const m of outputs.join('\n').matchAll(/"uploads":(\d+),"parts":(\d+)/g)) {
    removed.uploads += Number(m[1]);
    removed.parts += Number(m[2]);
  }
  return removed;
}

let database: TestDatabase;
let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-crash-'));
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  test('when the server is killed at random moments under concurrent writes, then every acknowledged write survives with its audit event and storage holds no orphan', async () => {
    const started = Date.now();
    console.log(`crash test: seed ${SEED} (replay with CRASH_SEED=${SEED}), ${CYCLES} kills`);
    const plan = seededRandom(SEED);
    const db = database.db;

    // Arrange: one buyer and one provider, two engagements, a text questionnaire sent on each.
    const buyer = await makeOrganization(db, 'buyer');
    const provider = await makeOrganization(db, 'provider');
    const analyst = await makeUser(db, buyer.id, 'analyst');
    const providerUsers = await Promise.all(Array.from({ length: ANSWER_CLIENTS + UPLOAD_CLIENTS + 1 }, () => makeUser(db, provider.id, 'contributor')));
    const keysOf = (client: number) => Array.from({ length: QUESTIONS_PER_CLIENT }, (_, q) => `c${client}-q${q}`);
    const engagements: string[] = [];
    const assessments: string[] = [];
    for (let e = 0; e < 2; e++) {
      const engagementId = await makeEngagement(db, buyer.id, provider.id);
      const owners = Array.from({ length: ANSWER_CLIENTS }, (_, c) => c).filter((c) => c % 2 === e);
      const template = await makeTemplate(db, buyer.id, textTemplate(owners.flatMap(keysOf)));
      engagements.push(engagementId);
      assessments.push(await makeAssessment(db, { engagementId, buyerOrgId: buyer.id, providerOrgId: provider.id, templateVersionId: template.versionId }, 'sent'));
    }

    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      SESSION_SECRET: 'crash-test-secret-crash-test-secret-0123',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      LOGIN_RATE_LIMIT: '100000',
      CSRF_RATE_LIMIT: '100000',
      // One server only: nothing else can have an upload in flight when it starts.
      UPLOAD_GRACE_MINUTES: '0',
    };
    const target: Target = { url: '' };
    const outputs: (() => string)[] = [];
    const restart = async () => {
      server = await startServerProcess(env);
      target.url = server.url;
      outputs.push(server.output);
    };
    await restart();

    const sessionFor = async (email: string) => {
      const s = new ApiSession(target, email);
      await s.signIn(TEST_PASSWORD);
      return s;
    };
    const analystSession = await sessionFor(analyst.email);
    const findingsOf = async (engagementId: string) => {
      const res = await analystSession.send('GET', `/api/engagements/${engagementId}/findings`);
      if (res.kind !== 'acked') throw new Error(`findings: ${JSON.stringify(res)}`);
      return (res.body as { findings: { id: string }[] }).findings.map((f) => f.id);
    };
    const buyerFindings = (await findingsOf(engagements[0]!)).slice(0, 2);
    const providerFindings = (await findingsOf(engagements[1]!)).slice(0, 2);
    expect(buyerFindings).toHaveLength(2);
    expect(providerFindings).toHaveLength(2);

    // What the clients tried and saw.
    const answers = new Map<string, Attempt[]>();
    const findingWrites = new Map<string, { column: 'remediation_plan' | 'provider_response'; attempts: Attempt[] }>();
    const uploads: Upload[] = [];
    const refused: string[] = [];
    const record = (cycle: Cycle, a: Attempt, what: string, res: Outcome) => {
      a.outcome = res.kind;
      if (res.kind === 'acked') cycle.acked();
      if (res.kind === 'refused') refused.push(`${what}: ${res.status} ${res.body}`);
    };

    type Loop = (cycle: Cycle) => Promise<void>;
    const loops: Loop[] = [];
    for (let c = 0; c < ANSWER_CLIENTS; c++) {
      const session = await sessionFor(providerUsers[c]!.email);
      const rnd = seededRandom(SEED + 1000 + c);
      const assessmentId = assessments[c % 2]!;
      let n = 0;
      loops.push(async (cycle) => {
        while (!cycle.stopped) {
          const key = rnd.pick(keysOf(c));
          const attempt: Attempt = { value: `client ${c} write ${++n}` };
          const list = answers.get(`${assessmentId}/${key}`) ?? [];
          answers.set(`${assessmentId}/${key}`, list);
          list.push(attempt);
          record(cycle, attempt, `answer ${key}`, await session.send('PUT', `/api/assessments/${assessmentId}/answers/${key}`, { json: { value: attempt.value } }));
          await sleep(rnd.int(0, 10));
        }
      });
    }
    for (let c = 0; c < UPLOAD_CLIENTS; c++) {
      const session = await sessionFor(providerUsers[ANSWER_CLIENTS + c]!.email);
      const rnd = seededRandom(SEED + 2000 + c);
      let n = 0;
      loops.push(async (cycle) => {
        while (!cycle.stopped) {
          const body = uploadBody(rnd, `upload-${c}-${++n}`, rnd.int(1, 1536) * 1024);
          const attempt: Upload = { value: body.sha256, sha256: body.sha256, size: body.size };
          uploads.push(attempt);
          record(cycle, attempt, `upload ${n}`, await session.send('POST', '/api/documents', { body: body.stream(), contentType: body.contentType }));
          await sleep(rnd.int(0, 20));
        }
      });
    }
    const findingClients = [
      { session: analystSession, ids: buyerFindings, column: 'remediation_plan' as const, body: (v: string) => ({ action: 'plan_remediation', owner: 'Crash Test', dueDate: '2030-01-31', plan: v }) },
      { session: await sessionFor(providerUsers[ANSWER_CLIENTS + UPLOAD_CLIENTS]!.email), ids: providerFindings, column: 'provider_response' as const, body: (v: string) => ({ action: 'respond', response: v }) },
    ];
    findingClients.forEach((f, c) => {
      const rnd = seededRandom(SEED + 3000 + c);
      let n = 0;
      for (const id of f.ids) findingWrites.set(id, { column: f.column, attempts: [] });
      loops.push(async (cycle) => {
        while (!cycle.stopped) {
          const id = rnd.pick(f.ids);
          const attempt: Attempt = { value: `${f.column} ${c} write ${++n}` };
          findingWrites.get(id)!.attempts.push(attempt);
          record(cycle, attempt, `finding ${id}`, await f.session.send('PATCH', `/api/findings/${id}`, { json: f.body(attempt.value) }));
          await sleep(rnd.int(0, 10));
        }
      });
    });

    // Act: run the clients, kill the server at a random moment, restart it; again.
    const kills: number[] = [];
    for (let k = 0; k < CYCLES; k++) {
      if (k > 0) await restart();
      let firstAck!: () => void;
      const working = new Promise<void>((resolve) => (firstAck = resolve));
      const cycle: Cycle = { stopped: false, acked: () => firstAck() };
      const running = loops.map((loop) => loop(cycle));
      const delay = plan.int(200, 1500);
      kills.push(delay);
      const timeout = setTimeout(() => firstAck(), 60_000);
      await working;
      clearTimeout(timeout);
      await sleep(delay);
      await server!.stop('SIGKILL');
      cycle.stopped = true;
      await Promise.all(running);
    }
    await restart();

    // Assert.
    const all = [...answers.values(), ...[...findingWrites.values()].map((f) => f.attempts), uploads].flat();
    const count = (kind: Outcome['kind']) => all.filter((a) => a.outcome === kind).length;
    const removed = removedAtStart(outputs.map((o) => o()));
    console.log(
      `crash test: seed ${SEED}; killed ${kills.join(', ')} ms after the first acknowledged write; ${all.length} writes: ${count('acked')} acknowledged, ${count('lost')} cut off by a kill, ${count('refused')} refused; ` +
        `uploads: ${uploads.filter((u) => u.outcome === 'acked').length} acknowledged, ${uploads.filter((u) => u.outcome === 'lost').length} cut off; ` +
        `the restarts removed ${removed.uploads} unfinished upload(s) and ${removed.parts} partial file(s); ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect({ seed: SEED, refused }).toEqual({ seed: SEED, refused: [] });
    expect(count('acked')).toBeGreaterThanOrEqual(CYCLES);
    expect(count('lost')).toBeGreaterThan(0);

    const problems = [
      ...(await answerProblems(db, answers)),
      ...(await findingProblems(db, findingWrites)),
      ...(await storageProblems(db, path.join(dataDir, 'files'), provider.id, uploads)),
    ];
    expect({ seed: SEED, problems }).toEqual({ seed: SEED, problems: [] });
    expect(await server!.stop('SIGTERM')).toBe(0);
  }, 240_000);
});
