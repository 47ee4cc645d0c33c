// `npm test` after the type check: a PostgreSQL for the suite (DATABASE_URL,
// else an embedded cluster), the built client for browser journeys, then jest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../server/config';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { buildIfStale, clientInputs } from './lib/build';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function main(): Promise<number> {
  let stop = async () => undefined as void;
  if (!process.env.DATABASE_URL) {
    const dataDir = path.join(projectRoot, '.data', 'pg-test');
    console.log(`DATABASE_URL is not set: starting an embedded PostgreSQL for the tests (${path.relative(projectRoot, dataDir)})`);
    const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'scopewise_test', fast: true });
    process.env.DATABASE_URL = pg.url;
    stop = pg.stop;
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium)) {
    buildIfStale(projectRoot, 'build:client', 'client/dist/index.html', clientInputs);
  } else {
    console.log(`\n*** Chromium not found at ${chromium}: the browser journeys (test/e2e) will be SKIPPED. Install it (apt-get install -y chromium) or set CHROMIUM_PATH. ***\n`);
  }
  const jest = path.join(projectRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit', env: process.env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  await stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
