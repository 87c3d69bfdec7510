/**
 * Vite build of the web shell. Root is web/, the bundle goes to dist/web at
 * the repository root, where the server serves it with an SPA fallback under a
 * strict Content-Security-Policy (no inline scripts, no third-party origins).
 * In development, API and health calls are proxied to the local server.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.TANDEM_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  // The vocabularies the server validates with, imported as they are (src/core/vocabulary).
  resolve: {
    alias: { '@vocabulary': fileURLToPath(new URL('../src/core/vocabulary', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // MapLibre alone is ~800 kB minified; it is loaded lazily with the map page.
    chunkSizeWarningLimit: 1200,
    // Inlined assets become data: URLs; keep everything as files so the CSP stays simple.
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // The shared vocabularies are tiny and used everywhere: on their own they stay out of
        // whichever lazy chunk Rollup would otherwise put them in (MapLibre's, 1 MB).
        manualChunks: (id) => (id.includes('/src/core/vocabulary/') ? 'vocabulary' : undefined),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
      '/readyz': { target: apiTarget },
    },
  },
});
