import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyLitTemplates } from './scripts/minify-lit-templates.mjs';

// tsc writes its unbundled modules to dist/ too (emptyOutDir: false), so only the previous build's
// chunks are removed: a stale chunk would otherwise be served and counted by the size bench.
function cleanChunks(): Plugin {
  let chunkDir = '';
  return {
    name: 'policy:clean-chunks',
    configResolved(config) {
      // In-memory builds (the size bench) write nothing, so they must not delete anything either.
      chunkDir = config.build.write ? resolve(config.root, config.build.outDir, 'chunks') : '';
    },
    buildStart() {
      if (chunkDir) rmSync(chunkDir, { recursive: true, force: true });
    },
  };
}

// The embed bundle: ONE ES module with Lit inside, what a practice loads with one script tag.
// Vite 8 (rolldown) only strips whitespace with `rolldownOptions.output.minify`; `build.minify`
// alone leaves library builds readable. Lazy-loaded extras land in content-hashed chunks/.
export default defineConfig({
  plugins: [minifyLitTemplates(), cleanChunks()],
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'policy-widgets.js' },
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
