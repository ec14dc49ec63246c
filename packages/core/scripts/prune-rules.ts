// Removes from the rule tables (src/classifier/rules/tables/*.json) the phrase patterns that exist for
// one post: those that fire on exactly one post of the sets the rules were written from and on none of
// the sets they never read, and those that fire on no labelled post and no test sentence either
// (protected rules aside: scripts/lib/rule-usage.ts). Threat and harm patterns (the critical categories,
// where recall comes first) are removed only when they fire on no post and no test: a one-post pattern
// there ("my head is in a dark place") is kept, and counted. A pattern of at most two words and no gap
// ("opening times", "blue badge", "heartburn") is vocabulary, not a post's phrasing, and is kept too. Removing them cannot change a cross-validated
// figure on the sets the rules never read — they never fire there; it takes away rules that only
// recite a labelled post. A rule left with no pattern is removed with its examples; an example that
// needed a removed pattern fails tables.test.ts, to be rewritten or dropped by hand.
//
//   npx tsx scripts/prune-rules.ts [--dry-run] [--list]

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPhraseMatcher, readPost } from '../src/classifier/classify.js';
import type { TableRule } from '../src/classifier/rules/tables/load.js';
import { CONTEXT } from '../src/classifier/test-helpers.js';
import { loadTrainingSets, packageRoot } from './lib/labelled.js';
import { isProtected, patternUsage } from './lib/rule-usage.js';

const dryRun = process.argv.includes('--dry-run');
const list = process.argv.includes('--list');
const usage = patternUsage(loadTrainingSets());
const classifierDir = join(packageRoot, 'src/classifier');
const tablesDir = join(classifierDir, 'rules/tables');

// Every string literal of the classifier's tests (not the tables' own examples, which were written for
// the patterns they test): the sentences the rules are tested on.
const testSentences = new Set<string>();
for (const dir of [classifierDir, join(classifierDir, 'rules')])
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
  for (const hit of matcher.find(readPost(sentence, CONTEXT).doc)) tested.add(hit.pattern);

// A pattern string may serve several rules: remove it only when every use of it is to go.
const CRITICAL = ['threat.', 'harm_indication.', 'critical_backstop.', 'concern_anchor.'];
const isCritical = (ruleId: string) => CRITICAL.some((prefix) => ruleId.startsWith(prefix));
/** At most two words and no gap: a word or a fixed term, not the wording of one post. */
const isVocabulary = (pattern: string) => {
  const parts = pattern
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '$');
  return parts.length <= 2 && !parts.some((part) => part.startsWith('_'));
};
const verdict = new Map<string, boolean>();
let criticalKept = 0;
for (const u of usage) {
  const onePost = u.readFires === 1 && u.unreadFires === 0;
  const noPost = u.readFires === 0 && u.unreadFires === 0 && !tested.has(u.pattern);
  if (onePost && isCritical(u.rule.id) && !noPost) criticalKept++;
  const drop =
    !isProtected(u.rule.id) && !isVocabulary(u.pattern) && ((onePost && !isCritical(u.rule.id)) || noPost);
  verdict.set(u.pattern, (verdict.get(u.pattern) ?? true) && drop);
}
const toDrop = new Set([...verdict].filter(([, drop]) => drop).map(([pattern]) => pattern));

let removed = 0;
let rulesRemoved = 0;
for (const name of readdirSync(tablesDir).filter((f) => f.endsWith('.json'))) {
  const path = join(tablesDir, name);
  const table = JSON.parse(readFileSync(path, 'utf8')) as { rules: TableRule[] };
  const rules: TableRule[] = [];
  for (const rule of table.rules) {
    const patterns = rule.patterns.filter((pattern) => !toDrop.has(pattern));
    removed += rule.patterns.length - patterns.length;
    if (list)
      for (const p of rule.patterns.filter((x) => toDrop.has(x))) console.log(`${name}\t${rule.id}\t${p}`);
    if (patterns.length === 0) rulesRemoved++;
    else rules.push({ ...rule, patterns });
  }
  if (!dryRun) writeFileSync(path, `${JSON.stringify({ ...table, rules }, null, 2)}\n`);
}
console.log(
  `${usage.length} patterns; ${toDrop.size} fire on one post of the sets the rules were written from and none they never read, or on no post and no test sentence (protected rules and two-word vocabulary aside); ${criticalKept} one-post threat and harm patterns kept; ${removed} removed from the tables, ${rulesRemoved} rules left with no pattern removed${dryRun ? ' (dry run)' : ''}`,
);
