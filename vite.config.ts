import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a .gz and a .br beside every script, stylesheet and data file of the build, once, so the
 * server sends them as they are (serveStatic's precompressed option) instead of compressing a
 * megabyte of MapLibre again on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'greenline-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|mjs|css|json|geojson|svg|html)$/.test(name)) continue;
        const path = join(outDir, name);
        const bytes = readFileSync(path);
        if (bytes.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }
    },
  };
}

// The web app lives in web/ and builds to dist/web, which the Hono server serves. In development
// (npm run dev) Vite proxies the API to a server started with npm start.
//
// Three entries: the planner and ledger app (index.html), and the public embed and its table view,
// small scripts of their own that share no code with the app beyond the pure domain modules. The
// server finds the embed's files through the manifest, to render embed pages and static exports.
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    manifest: true,
    rollupOptions: {
      input: {
        main: 'web/index.html',
        embed: 'web/src/embed/embed.ts',
        'embed-table': 'web/src/embed/table.ts',
      },
    },
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` },
  },
});
