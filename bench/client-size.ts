// What the sign-in page makes a browser download before it can draw: the
// HTML, the entry script, the scripts it preloads and the style sheets,
// fetched through the server's own static handler with each Accept-Encoding
// a browser sends. Target (issue 13): initial JS under 200 KB gzip.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { projectRoot } from '../server/config';
import { mountClient } from '../server/http/client';
import { buildIfStale, clientInputs } from '../scripts/lib/build';

/** Bytes on the wire for one GET, undecoded, and the encoding the server chose. */
function fetchRaw(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
        });
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  buildIfStale(projectRoot, 'build:client', 'client/dist/index.html', clientInputs);
  const app = express();
  mountClient(app, path.join(projectRoot, 'client', 'dist'));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const html = (await fetchRaw(`${base}/login`, 'identity')).body.toString();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
    console.log(`sign-in page: ${scripts.length} initial script(s), ${styles.length} style sheet(s)`);
    console.log('accept-encoding        html KB   initial JS KB   CSS KB   total KB   encodings');
    let gzipJs = 0;
    for (const accept of ['identity', 'gzip, deflate', 'gzip, deflate, br']) {
      const page = await fetchRaw(`${base}/login`, accept);
      const js = await Promise.all(scripts.map((s) => fetchRaw(base + s, accept)));
      const css = await Promise.all(styles.map((s) => fetchRaw(base + s, accept)));
      const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
      const jsBytes = js.reduce((a, r) => a + r.bytes, 0);
      const cssBytes = css.reduce((a, r) => a + r.bytes, 0);
      if (accept === 'gzip, deflate') gzipJs = jsBytes;
      const used = [...new Set([...js, ...css].map((r) => r.encoding))].join('+');
      console.log(`${accept.padEnd(20)} ${kb(page.bytes)}   ${kb(jsBytes)}      ${kb(cssBytes)} ${kb(page.bytes + jsBytes + cssBytes)}   ${used}`);
    }
    console.log(`initial JS, gzip: ${(gzipJs / 1024).toFixed(1)} KB (target < 200 KB): ${gzipJs < 200 * 1024 ? 'met' : 'MISSED'}`);
  } finally {
    server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
