import { defineConfig } from 'vite';
import { minifyLitTemplates } from './scripts/minify-lit-templates.mjs';

// The embed bundle: ONE ES module with Lit inside, what a practice loads with one script tag.
// Vite 8 (rolldown) only strips whitespace with `rolldownOptions.output.minify`; `build.minify`
// alone leaves library builds readable. Lazy-loaded extras land in content-hashed chunks/.
export default defineConfig({
  plugins: [minifyLitTemplates()],
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
