import { defineConfig } from 'vite';

// The desk is an app, not a library: index.html is the entry, served by the API under /desk/.
// Each screen is its own lazily loaded chunk, so the first load is the shell, the router and Lit.
// Vite 8 (rolldown) only strips whitespace with `rolldownOptions.output.minify`.
export default defineConfig({
  base: '/desk/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // .vite/manifest.json: which chunks each screen needs, for the size bench (never served).
    manifest: true,
    rolldownOptions: { output: { minify: true } },
  },
});
