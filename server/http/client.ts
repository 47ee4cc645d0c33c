import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
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

/**
 * Serves the built SPA: hashed assets cached for a year, and index.html for
 * every other GET outside /api so client-side routes survive a reload.
 */
export function mountClient(app: Express, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  app.use('/assets', express.static(path.join(distDir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
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
