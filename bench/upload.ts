// Evidence upload of 1 GiB through the real API (multipart, streamed to disk
// storage with SHA-256): peak memory growth of the process, and throughput
// against a plain file copy of the same file on the same disk, same run.
// Targets (SPEC): growth under 64 MiB; throughput at least half the copy's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { benchSession, startBenchApp } from './lib/app';

const SIZE = Number(process.env.BENCH_UPLOAD_MB ?? 1024) * 1024 * 1024;
const mib = (n: number) => (n / 1024 / 1024).toFixed(1);

async function writeSource(file: string): Promise<void> {
  const block = crypto.randomBytes(4 * 1024 * 1024);
  block.write('%PDF-1.7\n', 0, 'latin1');
  const out = fs.createWriteStream(file);
  for (let written = 0; written < SIZE; written += block.length) {
    const chunk = written === 0 ? block : Buffer.from(block.subarray(0, Math.min(block.length, SIZE - written)));
    if (written > 0) chunk[0] = 0x20;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

async function main() {
  const app = await startBenchApp({ maxUploadBytes: SIZE + 1024 * 1024 });
  const source = path.join(app.dataDir, 'source.pdf');
  try {
    await writeSource(source);
    // The baseline: a plain copy of the same file on the same disk.
    let start = process.hrtime.bigint();
    await fs.promises.copyFile(source, path.join(app.dataDir, 'copy.pdf'));
    const copySeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const durableStart = process.hrtime.bigint();
    await fs.promises.copyFile(source, path.join(app.dataDir, 'copy-sync.pdf'));
    const handle = await fs.promises.open(path.join(app.dataDir, 'copy-sync.pdf'), 'r');
    await handle.sync();
    await handle.close();
    const durableCopySeconds = Number(process.hrtime.bigint() - durableStart) / 1e9;
    fs.rmSync(path.join(app.dataDir, 'copy.pdf'));
    fs.rmSync(path.join(app.dataDir, 'copy-sync.pdf'));
    let streamStart = process.hrtime.bigint();
    await pipeline(fs.createReadStream(source), fs.createWriteStream(path.join(app.dataDir, 'copy2.pdf')));
    const streamCopySeconds = Number(process.hrtime.bigint() - streamStart) / 1e9;
    fs.rmSync(path.join(app.dataDir, 'copy2.pdf'));

    const { cookie, csrf } = await benchSession(app.url, app.users.provider);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    // The client is curl in its own process, as a browser would be: the server's cost is what is measured.
    start = process.hrtime.bigint();
    const status = await new Promise<number>((resolve, reject) => {
      const curl = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', `Cookie: ${cookie}`, '-H', `X-CSRF-Token: ${csrf}`, '-F', 'kind=evidence', '-F', `file=@${source};type=application/pdf`, `${app.url}/api/documents`]);
      let out = '';
      curl.stdout.on('data', (d) => (out += d));
      curl.on('error', reject);
      curl.on('exit', () => resolve(Number(out)));
    });
    const uploadSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(sampler);
    if (status !== 201) throw new Error(`upload answered ${status}`);
    const growth = peak - baseline;
    const uploadRate = SIZE / uploadSeconds;
    const copyRate = SIZE / copySeconds;
    const streamRate = SIZE / streamCopySeconds;
    console.log(`upload of ${mib(SIZE)} MiB through POST /api/documents (curl client in its own process, loopback; disk storage)`);
    console.log(`  memory: baseline RSS ${mib(baseline)} MiB, peak ${mib(peak)} MiB, growth ${mib(growth)} MiB (target < 64 MiB) ${growth < 64 * 1024 * 1024 ? 'OK' : 'OVER'}`);
    console.log(`  upload: ${uploadSeconds.toFixed(2)} s = ${mib(uploadRate)} MiB/s (includes SHA-256 and fsync)`);
    console.log(`  plain copy (copyFile): ${copySeconds.toFixed(2)} s = ${mib(copyRate)} MiB/s; streamed copy: ${streamCopySeconds.toFixed(2)} s = ${mib(streamRate)} MiB/s`);
    console.log(`  durable copy (copyFile + fsync, as the upload does): ${durableCopySeconds.toFixed(2)} s = ${mib(SIZE / durableCopySeconds)} MiB/s`);
    console.log(`  ratio upload / durable copy: ${(uploadRate / (SIZE / durableCopySeconds)).toFixed(2)} (target >= 0.5) ${uploadRate / (SIZE / durableCopySeconds) >= 0.5 ? 'OK' : 'UNDER'}`);
    console.log(`  ratio upload / copyFile: ${(uploadRate / copyRate).toFixed(2)} (target >= 0.5) ${uploadRate / copyRate >= 0.5 ? 'OK' : 'UNDER'}; upload / streamed copy: ${(uploadRate / streamRate).toFixed(2)}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
