import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/** Starts `server/main.ts` as `npm start` would (minus the build), against a given database. */
function startServer(databaseUrl: string, dataDir: string) {
  // Node itself (tsx as a loader, no tsx process in between): signals reach the server as they do under npm start.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', SEED_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45000);
    child.stdout!.on('data', () => {
      const m = /Scopewise is running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // Killed rather than exited: say by what, with the end of its output, so a failure explains itself.
      if (code === null) console.log(`server killed by ${signal}:\n${output.slice(-3000)}`);
      resolve(code);
    }),
  );
  return { child, ready, exited, output: () => output };
}

// A start and a graceful stop take a few seconds alone, but several times that when the whole suite loads both cores.
jest.setTimeout(90_000);

let database: TestDatabase;
let dataDir: string;
let running: ChildProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-start-'));
});
afterAll(async () => {
  running?.kill('SIGKILL');
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start against an existing PostgreSQL', () => {
  test('when started on an empty database, then it seeds the demo, prints the URL and logins, serves, and stops cleanly on SIGTERM', async () => {
    const server = startServer(database.url, dataDir);
    running = server.child;
    const url = await server.ready;
    expect(server.output()).toContain('admin@northwind.demo.test');
    expect(server.output()).toContain('demo-password');
    expect(server.output()).toContain('demo data seeded');

    expect((await fetch(`${url.replace('localhost', '127.0.0.1')}/readyz`)).status).toBe(200);
    const csrfRes = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/auth/csrf`);
    const cookie = csrfRes.headers.get('set-cookie')!.split(';')[0]!;
    const { token } = (await csrfRes.json()) as { token: string };
    const login = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': token },
      body: JSON.stringify({ email: 'analyst@northwind.demo.test', password: 'demo-password' }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { organization: { name: string } } }).user.organization.name).toBe('Northwind Bank');

    // Twice at once, as one Ctrl-C arrives from the terminal and from npm start's launcher: still one graceful stop.
    server.child.kill('SIGTERM');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped');
    expect(server.output()).not.toContain('again');
  });

  test('when started again on the same database, then it reuses the data and seeds nothing', async () => {
    const before = await database.db.selectFrom('users').select('id').execute();
    const server = startServer(database.url, dataDir);
    running = server.child;
    await server.ready;
    expect(server.output()).not.toContain('demo data seeded');
    expect(server.output()).toContain('admin@northwind.demo.test');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    const orgs = await database.db.selectFrom('organizations').select(['name', 'kind']).orderBy('name').execute();
    expect(orgs).toEqual([
      { name: 'Acme BPO', kind: 'provider' },
      { name: 'Northwind Bank', kind: 'buyer' },
    ]);
  });

  test('when a request is still in flight at SIGTERM and a second SIGTERM follows, then it exits at once with code 1', async () => {
    const server = startServer(database.url, dataDir);
    running = server.child;
    const url = new URL(await server.ready);
    // A login whose body never finishes: a graceful shutdown waits for it (up to 10 s).
    const socket = net.connect(Number(url.port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    socket.on('error', () => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      server.child.kill('SIGTERM');
      while (!server.output().includes('SIGTERM: shutting down')) await new Promise((resolve) => setTimeout(resolve, 50));
      // A second signal a moment later (not the same Ctrl-C arriving twice).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('SIGTERM again: exiting without waiting for the shutdown to finish');
      expect(server.output()).not.toContain('"msg":"stopped"');
    } finally {
      socket.destroy();
    }
  });
});
