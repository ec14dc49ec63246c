import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the package's own vite config (the embed bundle) into `outDir`. */
export async function buildBundle(outDir: string): Promise<void> {
  await build({
    root: packageDir,
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}
