// The production build (`dist/server/main.js`) in a child process, as
// `npm start` runs it: built first when the sources are newer.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { buildIfStale, clientInputs, serverInputs } from '../../scripts/lib/build';

export interface ProductionServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (graceful shutdown); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Builds what is stale, then starts the compiled server with `env` on a free port and waits for its banner. */
export async function startProductionServer(env: Record<string, string>, { timeoutMs = 60_000 } = {}): Promise<ProductionServer> {
  buildIfStale(projectRoot, 'build:server', 'dist/server/main.js', serverInputs);
  buildIfStale(projectRoot, 'build:client', 'client/dist/index.html', clientInputs);
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(projectRoot, 'dist/server/main.js')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', () => {
      const m = /Scopewise is running at http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, child, output: () => output, stop };
}
