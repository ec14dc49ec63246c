// Measures the classifier on labelled posts — honestly: a model is never scored on posts it was
// trained on without saying so.
//
//   npm run eval -w @policy/core                        cross-validated, by source set (the default)
//   npm run eval -w @policy/core -- --rules-only        the hand-written rules alone, on every set
//   npm run eval -w @policy/core -- <posts.jsonl> [<practice.json>]   the shipped classifier on a file
//   options: --errors (list wrong posts; refused on a blind set), --confusion, --rules-only,
//            --prune=N (cross-validation without the patterns that fire on ≤ N posts of the sets the
//            rules were written from, protected rules aside: what pruning them would do),
//            --pool=a,b (also pools these sets alone, so an estimate can be compared with one measured
//            before a set was added)
//
// Cross-validation: for each training set (scripts/training-sets.ts) in turn, the whole training
// pipeline — fit, and thresholds chosen by an inner cross-validation — runs on the OTHER sets, and the
// held-out set is classified by classify() with that model. Folds are whole sets, because sets reword
// each other's posts; a random split would put a post and its rewording on both sides.
// Sets the rules were written from are marked: the rules fit them, so the honest pooled figure is the
// one over the sets the rules never read.
//
// A file under eval/blind/ (or in a folder holding a BLIND marker) is blind: only aggregate figures
// are printed, never a post, and --errors is refused. Measure it once, before and after a change.

import { resolve } from 'node:path';
import { buildPhraseMatcher, classifyWith } from '../src/classifier/classify.js';
import { type LearnedModel, SHIPPED_MODEL_FILE, shippedModel } from '../src/classifier/learned.js';
import type { PhraseMatcher } from '../src/classifier/phrases.js';
import { CATEGORIES, type Category, CRITICAL_CATEGORIES } from '../src/model/constants.js';
import { isBlindPath, type LoadedPost, loadPosts, loadTrainingSets } from './lib/labelled.js';
import { prepare, trainPipeline } from './lib/linear.js';
import { keepFilter, patternUsage } from './lib/rule-usage.js';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const showConfusion = args.includes('--confusion');
const rulesOnly = args.includes('--rules-only');
const pruneArg = args.find((a) => a.startsWith('--prune='));
const prune = pruneArg === undefined ? undefined : Number(pruneArg.slice('--prune='.length));
const poolArg = args.find((a) => a.startsWith('--pool='));
const pool = poolArg === undefined ? undefined : poolArg.slice('--pool='.length).split(',');
const paths = args.filter((a) => !a.startsWith('--'));

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
interface Score {
  counts: Map<Category, Tally>;
  /** confusion.get(a).get(b): posts labelled a where a was missed and b was reported though not labelled. */
  confusion: Map<Category, Map<Category, number>>;
  posts: number;
  right: number;
  errors: string[];
}

const newScore = (): Score => ({
  counts: new Map(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])),
  confusion: new Map(),
  posts: 0,
  right: 0,
  errors: [],
});

function score(
  into: Score,
  posts: readonly LoadedPost[],
  model: LearnedModel | undefined,
  keepErrors: boolean,
  matcher?: PhraseMatcher,
) {
  for (const post of posts) {
    const result = classifyWith(post.text, post.context, model, matcher);
    const predicted = new Set(result.categories.map((c) => c.id));
    const expected = new Set(post.labels);
    for (const category of CATEGORIES) {
      const count = into.counts.get(category) as Tally;
      const p = predicted.has(category);
      const e = expected.has(category);
      if (p && e) count.tp++;
      else if (p) count.fp++;
      else if (e) count.fn++;
    }
    const missing = [...expected].filter((c) => !predicted.has(c));
    const extra = [...predicted].filter((c) => !expected.has(c));
    for (const a of missing) {
      const row = into.confusion.get(a) ?? new Map<Category, number>();
      for (const b of extra) row.set(b, (row.get(b) ?? 0) + 1);
      if (extra.length === 0) row.set('(none)' as Category, (row.get('(none)' as Category) ?? 0) + 1);
      into.confusion.set(a, row);
    }
    into.posts++;
    if (missing.length + extra.length === 0) into.right++;
    else if (keepErrors) {
      const why = result.categories
        .filter((c) => extra.includes(c.id))
        .map((c) => `${c.id}←${c.evidence.map((e) => `${e.ruleId}:"${e.excerpt}"`).join(',')}`);
      into.errors.push(
        `${post.id} missing=[${missing.join(',')}] extra=[${extra.join(',')}] ${why.join(' ')}\n    ${post.text}`,
      );
    }
  }
}

function merge(into: Score, from: Score) {
  for (const category of CATEGORIES) {
    const a = into.counts.get(category) as Tally;
    const b = from.counts.get(category) as Tally;
    a.tp += b.tp;
    a.fp += b.fp;
    a.fn += b.fn;
  }
  for (const [a, row] of from.confusion) {
    const target = into.confusion.get(a) ?? new Map<Category, number>();
    for (const [b, n] of row) target.set(b, (target.get(b) ?? 0) + n);
    into.confusion.set(a, target);
  }
  into.posts += from.posts;
  into.right += from.right;
  into.errors.push(...from.errors);
}

const prf = ({ tp, fp, fn }: Tally) => {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};
const macroF1 = (s: Score) =>
  CATEGORIES.reduce((sum, c) => sum + prf(s.counts.get(c) as Tally).f1, 0) / CATEGORIES.length;
function critical(s: Score) {
  const tallies = CRITICAL_CATEGORIES.map((c) => s.counts.get(c) as Tally);
  const tp = tallies.reduce((n, t) => n + t.tp, 0);
  const fn = tallies.reduce((n, t) => n + t.fn, 0);
  return { recall: tp / Math.max(1, tp + fn), tp, total: tp + fn };
}
const summary = (s: Score) => {
  const crit = critical(s);
  return `macro-F1 ${macroF1(s).toFixed(3)}  threat+harm recall ${crit.recall.toFixed(3)} (${crit.tp}/${crit.total})  fully right ${s.right}/${s.posts}`;
};

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}`;
function printTable(title: string, s: Score) {
  console.log(`\n${title}`);
  console.log(
    `${'category'.padEnd(22)} ${'P%'.padStart(5)} ${'R%'.padStart(5)} ${'F1%'.padStart(5)}   tp   fp   fn`,
  );
  for (const category of CATEGORIES) {
    const tally = s.counts.get(category) as Tally;
    const { precision, recall, f1 } = prf(tally);
    console.log(
      `${category.padEnd(22)} ${pct(precision)} ${pct(recall)} ${pct(f1)}  ${String(tally.tp).padStart(4)} ${String(tally.fp).padStart(4)} ${String(tally.fn).padStart(4)}`,
    );
  }
  console.log(summary(s));
}
function printConfusion(s: Score) {
  console.log(
    '\nconfusion: for each label missed, what was reported instead (post counts; "(none)" = nothing extra)',
  );
  for (const category of CATEGORIES) {
    const row = s.confusion.get(category);
    if (!row || row.size === 0) continue;
    const cells = [...row].sort((x, y) => y[1] - x[1]).map(([b, n]) => `${b} ${n}`);
    console.log(`  ${category.padEnd(22)} → ${cells.join(', ')}`);
  }
}

function evaluateFile() {
  const postsPath = resolve(paths[0] as string);
  const blind = isBlindPath(postsPath);
  if (blind && showErrors) {
    console.error(`${postsPath} is a blind set: only aggregate figures are shown (--errors refused).`);
    process.exit(2);
  }
  const explicit = paths[1] ? resolve(paths[1]) : undefined;
  const guess = postsPath.replace(/posts\.([^/]+)\.jsonl$/, 'practice.$1.json');
  const { posts } = loadPosts(postsPath, {
    file: explicit ?? (guess !== postsPath ? guess : undefined),
    folder: explicit ? undefined : resolve(postsPath, '..'),
  });
  const seen = Object.keys(SHIPPED_MODEL_FILE.trainedOn).filter((name) =>
    loadTrainingSets().some((set) => set.name === name && set.postsPath === postsPath),
  );
  const s = newScore();
  score(s, posts, rulesOnly ? undefined : shippedModel(), showErrors && !blind);
  console.log(`posts: ${postsPath} (${posts.length})${blind ? '  [BLIND: aggregate figures only]' : ''}`);
  console.log(
    `classifier: ${rulesOnly ? 'rules only' : `rules + shipped model ${SHIPPED_MODEL_FILE.version}`}`,
  );
  if (seen.length > 0 && !rulesOnly)
    console.log(
      `WARNING: the shipped model was TRAINED on this set (${seen.join(', ')}): a fit, not an estimate.`,
    );
  printTable('figures', s);
  if (showConfusion && !blind) printConfusion(s);
  if (showErrors) console.log(`\n${s.errors.join('\n')}`);
}

function crossValidate() {
  const sets = loadTrainingSets();
  const started = performance.now();
  let matcher: PhraseMatcher | undefined;
  if (prune !== undefined) {
    const usage = patternUsage(sets);
    const keep = keepFilter(usage, prune);
    matcher = buildPhraseMatcher(keep);
    const kept = usage.filter((u) => keep(u.rule, u.pattern)).length;
    console.log(
      `Pruned: ${usage.length - kept} of ${usage.length} patterns fire on ≤ ${prune} posts of the sets the rules were written from (protected rules kept).`,
    );
  }
  const { prepared, buckets } = prepare(sets, matcher);
  const honest = newScore();
  const all = newScore();
  const rulesHonest = newScore();
  const pooled = newScore();
  const rulesAll = newScore();
  const shippedSeen = new Set(Object.keys(SHIPPED_MODEL_FILE.trainedOn));
  console.log(
    rulesOnly
      ? 'The rules alone on each training set (no model).'
      : `Cross-validated by source set: each set is classified with a model trained (and its thresholds chosen by inner cross-validation) on the other ${sets.length - 1}.`,
  );
  console.log(
    '"rules read it": the rules were written while reading that set, so its figures flatter them.\n',
  );
  for (const [h, held] of prepared.entries()) {
    const s = newScore();
    const r = newScore();
    score(r, held.set.posts, undefined, false, matcher);
    if (!rulesOnly) {
      const { model } = trainPipeline(
        prepared.filter((_, k) => k !== h),
        buckets.length,
        buckets,
      );
      score(s, held.set.posts, model, showErrors, matcher);
    }
    const marks = [
      held.set.rulesReadIt ? 'rules read it' : 'rules never read it',
      shippedSeen.has(held.set.name) ? 'shipped model trained on it' : 'shipped model never saw it',
    ].join('; ');
    console.log(`${held.set.name.padEnd(10)} ${String(held.set.posts.length).padStart(4)} posts  [${marks}]`);
    console.log(`    rules only:          ${summary(r)}`);
    if (!rulesOnly) console.log(`    rules + CV model:    ${summary(s)}`);
    merge(all, s);
    merge(rulesAll, r);
    if (pool?.includes(held.set.name)) merge(pooled, s);
    if (!held.set.rulesReadIt) {
      merge(honest, s);
      merge(rulesHonest, r);
    }
  }
  const honestNames = sets
    .filter((s) => !s.rulesReadIt)
    .map((s) => s.name)
    .join(', ');
  if (rulesOnly) {
    printTable(`rules only, sets the rules never read (${honestNames})`, rulesHonest);
    printTable('rules only, all sets', rulesAll);
    if (showConfusion) printConfusion(rulesHonest);
  } else {
    printTable(`CROSS-VALIDATED, sets the rules never read (${honestNames}) — the estimate`, honest);
    printTable('cross-validated, all sets (the rules fit some of them)', all);
    if (pool) {
      printTable(`cross-validated, pooled over ${pool.join(', ')} only`, pooled);
      if (showConfusion) printConfusion(pooled);
    }
    console.log(`\nrules alone on the sets the rules never read: ${summary(rulesHonest)}`);
    if (showConfusion) printConfusion(honest);
    if (showErrors) console.log(`\n${all.errors.join('\n')}`);
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

if (paths.length > 0) evaluateFile();
else crossValidate();
