// Removes from the rule sources the phrase patterns that were written for one post: those that fire on
// at most one post of the sets the rules were written from, on none of the sets they never read, and
// on no sentence of the rule tests (protected rules aside: scripts/lib/rule-usage.ts). Removing them
// cannot change a cross-validated figure on the sets the rules never read — they never fire there —
// nor any rule test; it takes away rules that only recite a labelled post and that nothing exercises.
//
//   npx tsx scripts/prune-rules.ts [--dry-run]
//
// Only pattern literals that stand on a line of their own inside a `patterns: [ … ]` array (or a kind's
// array in critical-backstop.ts's CUES) are removed;
// the count of those it could not find is printed.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPhraseMatcher, readPost } from '../src/classifier/classify.js';
import { ROSTER } from '../src/classifier/test-helpers.js';
import { loadTrainingSets, packageRoot } from './lib/labelled.js';
import { isProtected, patternUsage } from './lib/rule-usage.js';

const dryRun = process.argv.includes('--dry-run');
const usage = patternUsage(loadTrainingSets());
const rulesDir = join(packageRoot, 'src/classifier/rules');
const classifierDir = join(packageRoot, 'src/classifier');

// Every string literal of the classifier's tests: the sentences the rules are tested on.
const testSentences = new Set<string>();
for (const dir of [classifierDir, rulesDir])
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const match of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g)) {
      const literal = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
      if (literal.length >= 6) testSentences.add(literal);
    }
  }
const matcher = buildPhraseMatcher();
const tested = new Set<string>();
for (const sentence of testSentences)
  for (const hit of matcher.find(
    readPost(sentence, { staff: ROSTER, practiceName: 'Millbrook Surgery' }).doc,
  ))
    tested.add(hit.pattern);
// A pattern string may serve several rules: remove it only when every use of it is to go.
const verdict = new Map<string, boolean>();
for (const u of usage) {
  const drop = !isProtected(u.rule.id) && u.readFires <= 1 && u.unreadFires === 0 && !tested.has(u.pattern);
  verdict.set(u.pattern, (verdict.get(u.pattern) ?? true) && drop);
}
const toDrop = new Set([...verdict].filter(([, drop]) => drop).map(([pattern]) => pattern));

let removed = 0;
const found = new Set<string>();
for (const name of readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
  const path = join(rulesDir, name);
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: string[] = [];
  let depth = 0; // bracket depth inside a patterns array (0: outside)
  let inCues = false; // critical-backstop.ts keeps its cue patterns in `const CUES = { kind: [ … ] }`
  for (const line of lines) {
    if (/^const CUES\b/.test(line)) inCues = true;
    else if (inCues && /^};/.test(line)) inCues = false;
    const opensArray = /\bpatterns:\s*\[/.test(line) || (inCues && /^\s*\w+:\s*\[/.test(line));
    if (depth === 0 && opensArray) {
      depth = 1 + (line.split('[').length - 2) - (line.split(']').length - 1);
      out.push(line);
      continue;
    }
    if (depth > 0) {
      const literal = /^\s*(['"])(.*)\1,?\s*$/.exec(line);
      if (literal && depth === 1 && toDrop.has(literal[2] as string)) {
        found.add(literal[2] as string);
        removed++;
        continue;
      }
      depth += line.split('[').length - 1 - (line.split(']').length - 1);
      if (depth < 0) depth = 0;
    }
    out.push(line);
  }
  if (!dryRun) writeFileSync(path, out.join('\n'));
}
console.log(
  `${usage.length} patterns; ${toDrop.size} fire on ≤ 1 post of the sets the rules were written from, on none they never read and on none of the ${testSentences.size} test sentences (protected rules aside); ${removed} lines removed${dryRun ? ' (dry run)' : ''}; ${toDrop.size - found.size} not found as a line of their own`,
);
