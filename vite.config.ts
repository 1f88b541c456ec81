import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every script, style sheet and page of
 * the build, once at build time, so a server can send them as they are (@fastify/static
 * `preCompressed`) instead of compressing every answer, or sending 1.3 MB uncompressed.
 */
function precompress(): Plugin {
  return {
    name: 'mantelkring:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir as string;
      for (const name of new Set([...Object.keys(bundle), 'index.html'])) {
        if (!/\.(js|css|html|svg)$/.test(name)) continue;
        const file = path.join(dir, name);
        if (!fs.existsSync(file)) continue;
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  // The manifest lets `npm run bench:web` tell which chunks each route loads (bench/web-report.ts).
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/fhir': 'http://localhost:3000' } },
});
