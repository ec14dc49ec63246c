// No rule may be copied from a labelled post: no pattern, example or meaning shares a run of six words
// with any line of the labelled sets (eval/**/*.jsonl and ../shared/eval). A rule written from one
// post recites that post; it scores on it and on nothing else. The blind sets are never opened here
// (folders named `blind` or holding a BLIND marker are skipped): nothing may be checked against them.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_TABLES } from './index.js';

const RUN = 6;
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const roots = [join(packageRoot, 'eval'), resolve(packageRoot, '../../../shared/eval')];

const isBlind = (dir: string) => dir.endsWith('/blind') || existsSync(join(dir, 'BLIND'));
function labelledFiles(dir: string): string[] {
  if (!existsSync(dir) || isBlind(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return labelledFiles(path);
    return name.endsWith('.jsonl') ? [path] : [];
  });
}

/** Words as the check compares them: lower case, apostrophes dropped, split on anything else. */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

const files = roots.flatMap(labelledFiles);
/** Every run of six words in a labelled post, and the runs by their first word (for patterns). */
const runs = new Set<string>();
const runsByFirst = new Map<string, string[][]>();
for (const file of files)
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const text = (JSON.parse(line) as { text?: unknown }).text;
    const words = wordsOf(typeof text === 'string' ? text : line);
    for (let i = 0; i + RUN <= words.length; i++) {
      const run = words.slice(i, i + RUN);
      const key = run.join(' ');
      if (runs.has(key)) continue;
      runs.add(key);
      const list = runsByFirst.get(run[0] as string) ?? [];
      list.push(run);
      runsByFirst.set(run[0] as string, list);
    }
  }

/** A text's first six-word run that a labelled post also has, if any. */
const copiedRun = (text: string): string | undefined => {
  const words = wordsOf(text);
  for (let i = 0; i + RUN <= words.length; i++) {
    const key = words.slice(i, i + RUN).join(' ');
    if (runs.has(key)) return key;
  }
  return undefined;
};

/**
 * A pattern's literal elements (plain words or alternatives of plain words; optional ones included)
 * in runs between gaps, lists, prefixes and sentence ends; a run of six that a post has word for word.
 */
export function copiedPatternRun(
  pattern: string,
  postRuns: ReadonlyMap<string, string[][]>,
): string | undefined {
  const segments: Set<string>[][] = [[]];
  for (const part of pattern.trim().split(/\s+/)) {
    const body = part.endsWith('?') ? part.slice(0, -1) : part;
    const alternatives = body.split('|');
    const literal =
      !part.startsWith('_') && part !== '$' && alternatives.every((a) => /^[\p{L}\p{N}]+$/u.test(a));
    if (literal) (segments[segments.length - 1] as Set<string>[]).push(new Set(alternatives));
    else segments.push([]);
  }
  for (const segment of segments)
    for (let i = 0; i + RUN <= segment.length; i++) {
      const window = segment.slice(i, i + RUN);
      for (const first of window[0] as Set<string>)
        for (const run of postRuns.get(first) ?? [])
          if (run.every((word, k) => (window[k] as Set<string>).has(word))) return run.join(' ');
    }
  return undefined;
}

describe('rule tables are not copied from labelled posts', () => {
  it('reads the labelled sets (and no blind set)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.includes('/blind/'))).toBe(false);
  });

  it('finds a copied pattern or sentence (the check can fail)', () => {
    const [post] = runsByFirst.values();
    const run = (post as string[][])[0] as string[];
    expect(copiedRun(`Well, ${run.join(' ')}!`)).toBe(run.join(' '));
    expect(copiedPatternRun(`${run[0]}|zzz ${run.slice(1).join(' ')} _2 end`, runsByFirst)).toBe(
      run.join(' '),
    );
    expect(copiedPatternRun(`${run.slice(0, 3).join(' ')} _1 ${run.slice(3).join(' ')}`, runsByFirst)).toBe(
      undefined,
    );
  });

  for (const table of RULE_TABLES)
    it(`${table.family}: no pattern, example or meaning shares ${RUN} words in a row with a labelled post`, () => {
      const copied: string[] = [];
      for (const rule of table.rules) {
        for (const pattern of rule.patterns) {
          const run = copiedPatternRun(pattern, runsByFirst);
          if (run) copied.push(`${rule.id} pattern "${pattern}" ~ "${run}"`);
        }
        for (const text of [rule.meaning, ...rule.examples.match, ...rule.examples.noMatch]) {
          const run = copiedRun(text);
          if (run) copied.push(`${rule.id} "${text}" ~ "${run}"`);
        }
      }
      expect(copied).toEqual([]);
    });
});
