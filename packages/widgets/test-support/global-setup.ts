// Builds the embed bundle once per test run into a temporary folder, so browser tests load exactly
// what practices load, without depending on a previous `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundle } from './build-bundle.js';

declare module 'vitest' {
  export interface ProvidedContext {
    bundleDir: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'policy-widgets-'));
  await buildBundle(outDir);
  project.provide('bundleDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
