import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Writes a brotli and a gzip copy beside every text asset of the build, so
 * the server sends compressed bytes without compressing at each request.
 */
function precompress(): Plugin {
  return {
    name: 'scopewise-precompress',
    apply: 'build',
    writeBundle(options) {
      const assets = path.join(options.dir!, 'assets');
      for (const name of fs.readdirSync(assets)) {
        if (!/\.(js|css|svg|json|txt)$/.test(name)) continue;
        const file = path.join(assets, name);
        const bytes = fs.readFileSync(file);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}`, '/healthz': `http://localhost:${process.env.PORT ?? 3000}` },
    fs: { allow: [path.join(root, '..')] },
  },
});
