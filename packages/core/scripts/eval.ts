// Measures the classifier on a labelled set of posts.
//
//   npm run eval -w @policy/core [-- <posts.jsonl> [<practice.json>]] [--errors]
//
// Default set: the shared dev set (../shared/eval/posts.dev.jsonl from the repository root, found
// from this file's location). The practice file defaults to the `practice.*.json` next to the posts
// (`posts.X.jsonl` → `practice.X.json`); its staff roster is passed to classify() as context.
// Prints per-category precision, recall and F1, macro-F1 over the 14 categories, and recall on
// threat + harm_indication together. `--errors` also lists every wrong post.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/classifier/classify.js';
import { CATEGORIES, type Category, CRITICAL_CATEGORIES, type Platform } from '../src/model/constants.js';
import type { StaffMember } from '../src/model/settings.js';

interface LabelledPost {
  id: string;
  platform?: Platform;
  text: string;
  labels: Category[];
  why?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const paths = args.filter((a) => !a.startsWith('--'));
const postsPath = resolve(paths[0] ?? join(repoRoot, '../shared/eval/posts.dev.jsonl'));

function practicePathFor(posts: string): string | undefined {
  if (paths[1]) return resolve(paths[1]);
  const match = /^posts\.(.+)\.jsonl$/.exec(basename(posts));
  const candidate = join(dirname(posts), match ? `practice.${match[1]}.json` : 'practice.json');
  return existsSync(candidate) ? candidate : undefined;
}

if (!existsSync(postsPath)) {
  console.error(
    `No labelled posts at ${postsPath}. Pass a path: npm run eval -w @policy/core -- <posts.jsonl>`,
  );
  process.exit(2);
}
const practicePath = practicePathFor(postsPath);
const practice = practicePath
  ? (JSON.parse(readFileSync(practicePath, 'utf8')) as {
      practice?: { name?: string };
      staff?: StaffMember[];
    })
  : {};
const staff: StaffMember[] = practice.staff ?? [];
const practiceName = practice.practice?.name;

const posts: LabelledPost[] = readFileSync(postsPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as LabelledPost);

const counts = new Map<Category, { tp: number; fp: number; fn: number }>(
  CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]),
);
const errors: string[] = [];
for (const post of posts) {
  const result = classify(post.text, {
    staff,
    ...(practiceName ? { practiceName } : {}),
    ...(post.platform ? { platform: post.platform } : {}),
  });
  const predicted = new Set(result.categories.map((c) => c.id));
  const expected = new Set(post.labels);
  for (const category of CATEGORIES) {
    const count = counts.get(category) as { tp: number; fp: number; fn: number };
    const p = predicted.has(category);
    const e = expected.has(category);
    if (p && e) count.tp++;
    else if (p) count.fp++;
    else if (e) count.fn++;
  }
  const missing = [...expected].filter((c) => !predicted.has(c));
  const extra = [...predicted].filter((c) => !expected.has(c));
  if (missing.length + extra.length > 0) {
    const why = result.categories
      .filter((c) => extra.includes(c.id))
      .map((c) => `${c.id}←${c.evidence.map((e) => `${e.ruleId}:"${e.excerpt}"`).join(',')}`);
    errors.push(
      `${post.id} missing=[${missing.join(',')}] extra=[${extra.join(',')}] ${why.join(' ')}\n    ${post.text}`,
    );
  }
}

const pct = (x: number) => (Number.isNaN(x) ? '   - ' : `${(x * 100).toFixed(1).padStart(5)}`);
console.log(`posts: ${postsPath} (${posts.length})`);
console.log(`roster: ${practicePath ?? '(none)'} (${staff.length} staff)\n`);
console.log(
  `${'category'.padEnd(22)} ${'P%'.padStart(5)} ${'R%'.padStart(5)} ${'F1%'.padStart(5)}   tp  fp  fn`,
);
let f1Sum = 0;
for (const category of CATEGORIES) {
  const { tp, fp, fn } = counts.get(category) as { tp: number; fp: number; fn: number };
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  f1Sum += f1;
  console.log(
    `${category.padEnd(22)} ${pct(precision)} ${pct(recall)} ${pct(f1)}  ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}`,
  );
}
const critical = CRITICAL_CATEGORIES.map((c) => counts.get(c) as { tp: number; fn: number });
const criticalTp = critical.reduce((s, c) => s + c.tp, 0);
const criticalFn = critical.reduce((s, c) => s + c.fn, 0);
console.log(`\nmacro-F1 (14 categories): ${(f1Sum / CATEGORIES.length).toFixed(3)}`);
console.log(
  `critical recall (threat + harm_indication): ${(criticalTp / Math.max(1, criticalTp + criticalFn)).toFixed(3)} (${criticalTp}/${criticalTp + criticalFn})`,
);
console.log(`posts fully right: ${posts.length - errors.length}/${posts.length}`);
if (showErrors) console.log(`\n${errors.join('\n')}`);
