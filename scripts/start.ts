// `npm start`: builds what is out of date (server, client), then runs the
// compiled server. With no DATABASE_URL the server starts its embedded PostgreSQL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../server/config';
import { buildIfStale, clientInputs, serverInputs } from './lib/build';

buildIfStale(projectRoot, 'build:server', 'dist/server/main.js', serverInputs);
buildIfStale(projectRoot, 'build:client', 'client/dist/index.html', clientInputs);

const child = spawn(process.execPath, ['--enable-source-maps', path.join(projectRoot, 'dist/server/main.js')], { cwd: projectRoot, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
