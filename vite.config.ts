import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and builds to dist/web, which the Hono server serves. In development
// (npm run dev) Vite proxies the API to a server started with npm start.
//
// Three entries: the planner and ledger app (index.html), and the public embed and its table view,
// small scripts of their own that share no code with the app beyond the pure domain modules. The
// server finds the embed's files through the manifest, to render embed pages and static exports.
export default defineConfig({
  root: 'web',
  plugins: [react()],
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
