// The subpath exports are for small bundles (the widgets): this walks each entry's imports, as a
// bundler would, and fails if one reaches the classifier, the templates or anything but pure data.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { source: string; types: string; import: string }>;
};

/** Every module an entry reaches through value imports and re-exports (`import type` is erased). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      visit(resolve(dirname(file), (match[1] as string).replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return [...seen].map((file) => relative(join(packageDir, 'src'), file));
}

const SMALL = ['./labels', './limits', './policy', './constants'];

describe('subpath exports', () => {
  it.each(SMALL)(
    '%s has source, types and import conditions that point at files of the same module',
    (name) => {
      const entry = manifest.exports[name];
      expect(typeof entry).toBe('object');
      const { source, types, import: built } = entry as { source: string; types: string; import: string };
      expect(readFileSync(join(packageDir, source), 'utf8').length).toBeGreaterThan(0);
      const stem = source.replace(/^\.\/src\//, '').replace(/\.ts$/, '');
      expect(types).toBe(`./dist/${stem}.d.ts`);
      expect(built).toBe(`./dist/${stem}.js`);
    },
  );

  it.each(SMALL)('%s reaches no classifier, template, lifecycle or monitoring code', (name) => {
    const { source } = manifest.exports[name] as { source: string };
    const modules = reachable(join(packageDir, source));
    expect(modules.length).toBeGreaterThan(0);
    const heavy = modules.filter((file) =>
      /^(classifier|templates|lifecycle|monitoring|conduct)\//.test(file),
    );
    expect(heavy).toEqual([]);
  });

  it('the walker does find heavy code when it is there (the barrel reaches the classifier)', () => {
    const modules = reachable(join(packageDir, 'src/index.ts'));
    expect(modules.some((file) => file.startsWith('classifier/'))).toBe(true);
  });
});
