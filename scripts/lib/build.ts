import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time of any file under these folders. */
function newest(root: string, dirs: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (p.endsWith('node_modules') || p.endsWith(`${path.sep}dist`)) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else max = Math.max(max, st.mtimeMs);
  };
  for (const d of dirs) walk(path.join(root, d));
  return max;
}

/** Runs `npm run <script>` unless `output` is newer than every source under `inputs`. */
export function buildIfStale(root: string, script: string, output: string, inputs: string[]): void {
  const out = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
  if (out && out.mtimeMs >= newest(root, inputs)) return;
  console.log(`> npm run ${script}`);
  const r = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
}

export const clientInputs = ['client', 'shared', 'package.json'];
export const serverInputs = ['server', 'shared', 'migrations', 'package.json', 'tsconfig.build.json', 'tsconfig.base.json'];
