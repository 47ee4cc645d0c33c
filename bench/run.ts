// `npm run bench [name…]`: runs the benchmarks in this folder one after the
// other (each in its own process, so one does not warm the next) and lets
// them print their figures. Never part of the pass/fail test suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const wanted = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

if (benches.length === 0) {
  console.log(wanted.length ? `No benchmark matches ${wanted.join(', ')}` : 'No benchmarks yet');
  process.exit(wanted.length ? 1 : 0);
}
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const tsx = path.join(dir, '..', 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [path.join(dir, file)], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
