// Vite build of the renderer into dist/renderer (scripts/build.mjs runs it). No dev server is
// involved in the app: the host serves the built files with a strict CSP.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  // JSX through Vite's built-in transform (no plugin needed for the automatic runtime).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // One page, loaded from 127.0.0.1: fewer, larger chunks start faster than many small ones.
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
});
