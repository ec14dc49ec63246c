// The API says it runs on Node >= 20.19. Of Scalar, only @scalar/hono-api-reference (and what it
// imports) runs in Node; @scalar/api-reference, which declares node >= 22, is only read as a file
// (its browser bundle). These tests keep both facts true.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** The lowest major version of Node an `engines.node` range such as ">=20" or "^20.19 || >=22" admits. */
const lowestMajor = (range: string): number =>
  Math.min(...[...range.matchAll(/(\d+)(?:\.\d+)*/g)].map((match) => Number(match[1])));

describe('Scalar on the server’s Node version', () => {
  it('no server code imports @scalar/api-reference (its bundle is read as a file)', () => {
    const importers = sources(src).filter((file) =>
      /from\s+'@scalar\/api-reference'|import\(\s*'@scalar\/api-reference'\s*\)/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(importers).toEqual([]);
  });

  it('every Scalar package that runs in Node supports the Node the project declares', () => {
    const declared = lowestMajor(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines
        .node,
    );
    const runtime = ['@scalar/hono-api-reference', '@scalar/core', '@scalar/types'];
    for (const name of runtime) {
      const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        engines?: { node?: string };
      };
      const needs = manifest.engines?.node;
      if (needs) expect(lowestMajor(needs), `${name} needs node ${needs}`).toBeLessThanOrEqual(declared);
    }
  });
});
