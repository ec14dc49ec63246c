// Trains the classifier's learned layer and writes its weights to src/classifier/learned-model.json.
//
//   npm run train -w @policy/core
//
// Training data: every set in scripts/training-sets.ts, each post with its own practice's roster, so
// staff names are abstracted the way classify() will see them. Never eval/blind/.
// 1. Thresholds: each set is scored by a model trained on the other sets (folds by source set), and
//    each category's threshold is chosen on those out-of-fold scores together with what the rules find
//    (scripts/lib/linear.ts: recall first for threat and harm, with a precision floor; best F1 else).
// 2. Weights: one model on every set, pruned to each category's strongest weights.
// Deterministic: the same posts give the same file. The file records each set's digest; learned.test.ts
// fails while the weights are older than the posts.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES } from '../src/model/constants.js';
import { loadTrainingSets, packageRoot } from './lib/labelled.js';
import { prepare, trainPipeline } from './lib/linear.js';

const started = performance.now();
const sets = loadTrainingSets();
const { prepared, buckets } = prepare(sets);
const { file } = trainPipeline(prepared, buckets.length, buckets);
const out = join(packageRoot, 'src/classifier/learned-model.json');
writeFileSync(out, `${JSON.stringify(file)}\n`);

const posts = prepared.reduce((n, set) => n + set.examples.length, 0);
for (const [c, category] of CATEGORIES.entries()) {
  const positives = prepared.reduce((n, set) => n + set.examples.filter((e) => e.labels[c] === 1).length, 0);
  const threshold = file.thresholds[c];
  console.log(
    `${category.padEnd(22)} ${String(positives).padStart(4)} posts  threshold ${threshold === null ? 'never' : threshold?.toFixed(2)}${file.modelOnly?.includes(category) ? ' (model alone)' : ''}  ${file.weights[c]?.[0]?.length ?? 0} weights`,
  );
}
console.log(
  `${posts} posts from ${sets.map((s) => s.name).join(', ')}; ${buckets.length} distinct features → ${out} (version ${file.version}, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
