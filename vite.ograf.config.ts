import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The built-in templates as OGraf graphics (overlays/ograf-export/): a library
 * build, so styles, fonts and GSAP are inside the one module and a graphic
 * fetches nothing after it loads. Written beside the pages, at out/renderer/ograf/.
 */
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer/ograf'),
    emptyOutDir: true,
    copyPublicDir: false,
    lib: { entry: resolve(import.meta.dirname, 'overlays/ograf-export/strapline-ograf.ts'), formats: ['es'], fileName: () => 'strapline-ograf.js' },
  },
});
