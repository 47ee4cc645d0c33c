// `npm run dev`: the API with reload (tsx watch) and Vite's dev server with HMR.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../server/config';

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts'], { cwd: projectRoot, stdio: 'inherit' }),
  spawn(bin('vite'), ['--config', 'client/vite.config.mts'], { cwd: projectRoot, stdio: 'inherit' }),
];
console.log('API on http://localhost:3000, app with hot reload on http://localhost:5173');
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
