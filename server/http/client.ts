import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import swaggerUiDist from 'swagger-ui-dist';

/** The API reference page: Swagger UI from the package's files, no inline script (the CSP forbids it). */
export function mountApiDocs(app: Express): void {
  app.use('/api/docs/assets', express.static(swaggerUiDist.getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  app.get('/api/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(
      `window.addEventListener('load', function () {\n` +
        `  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, withCredentials: true });\n` +
        `});\n`,
    );
  });
  app.get('/api/docs', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Scopewise API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`);
  });
}

const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The encoding to send among the copies on disk: the highest q the browser
 * gives, ties to brotli (browsers list gzip first but decode both).
 */
function preferredEncoding(header: string | undefined, file: string): (typeof encodings)[number] | undefined {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const weightOf = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  let best: (typeof encodings)[number] | undefined;
  for (const e of encodings) {
    if (weightOf(e.name) > 0 && weightOf(e.name) > (best ? weightOf(best.name) : 0) && fs.existsSync(file + e.suffix)) best = e;
  }
  return best;
}

/**
 * Hashed assets in the encoding the browser prefers among the copies the
 * build wrote beside them (brotli, gzip), else as they are.
 */
function precompressedAssets(dir: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Vary', 'Accept-Encoding');
    let file: string;
    try {
      // Rooted and normalised first, so no '..' can climb out of the assets folder.
      file = path.join(dir, path.posix.normalize(`/${decodeURIComponent(req.path)}`));
    } catch {
      return next();
    }
    if (!file.startsWith(dir + path.sep) || file.includes('\0')) return next();
    const encoding = preferredEncoding(req.headers['accept-encoding'], file);
    if (!encoding) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    res.sendFile(file + encoding.suffix, { immutable: true, maxAge: '365d' }, (err) => err && next(err));
  };
}

/**
 * Serves the built SPA: hashed assets cached for a year and sent compressed,
 * and index.html for every other GET outside /api so client-side routes
 * survive a reload.
 */
export function mountClient(app: Express, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  const assets = path.join(distDir, 'assets');
  app.use('/assets', precompressedAssets(assets));
  app.use('/assets', express.static(assets, { index: false, immutable: true, maxAge: '365d' }));
  // A missing asset (an old hash after a deploy, a probe) is a plain 404, never the SPA page nor an error.
  app.use('/assets', (_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  app.use(express.static(distDir, { index: false }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text').send('The web client is not built yet: run "npm run build" (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
