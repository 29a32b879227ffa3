import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for both ways of running: the Electron shell (main, preloads) and
 * the pages (console, output) that Electron loads from disk and the headless
 * server serves over HTTP. Pages use relative asset paths so both work.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/shell/index.ts'),
          // Its own entry, beside index.js: the server starts it as a worker thread (main/server/big-input.ts).
          'big-input-worker': resolve(import.meta.dirname, 'main/server/big-input-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be CommonJS with nothing but `electron` required.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          console: resolve(import.meta.dirname, 'main/shell/preload-console.ts'),
          output: resolve(import.meta.dirname, 'main/shell/preload-output.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: import.meta.dirname,
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: {
          console: resolve(import.meta.dirname, 'renderer/index.html'),
          output: resolve(import.meta.dirname, 'overlays/output.html'),
          gallery: resolve(import.meta.dirname, 'overlays/gallery.html'),
          producer: resolve(import.meta.dirname, 'renderer/producer.html'),
        },
      },
    },
  },
});
