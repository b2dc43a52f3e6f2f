/**
 * Vite config of the renderer (web mode and the renderer bundle): builds renderer/ into dist-web/ (web mode,
 * `npm run web`). Relative base so the same build loads from the Electron app
 * protocol and from any static host.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    // WEB_OUT_DIR lets two e2e runs on one machine build side by side (dist-web-<name>).
    outDir: fileURLToPath(new URL(`./${process.env.WEB_OUT_DIR ?? 'dist-web'}`, import.meta.url)),
    emptyOutDir: true,
    // Keep the worker and its chunks as files: CSP allows worker-src 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
