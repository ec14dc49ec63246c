// Training the learned layer: one logistic regression per category over the hashed features of
// src/classifier/features.ts, and per-category thresholds chosen on posts the model did not see.
//
// Deterministic: stochastic gradient descent over the posts in an order shuffled by a fixed seed, from
// zero weights, each post's features weighing 1/√(feature count) — the same posts and settings always give the same weights.

import { createHash } from 'node:crypto';
import { classifyWith, readPost, ruleFindings } from '../../src/classifier/classify.js';
import { FEATURE_BUCKETS, postFeatures } from '../../src/classifier/features.js';
import {
  compileModel,
  LEARNED_FORMAT,
  type LearnedModel,
  type LearnedModelFile,
} from '../../src/classifier/learned.js';
import type { PhraseMatcher } from '../../src/classifier/phrases.js';
import { CATEGORIES, type Category, CRITICAL_CATEGORIES } from '../../src/model/constants.js';
import type { LoadedPost, LoadedSet } from './labelled.js';

const C = CATEGORIES.length;

export const SETTINGS = {
  /** What src/classifier/features.ts extracts: part of the version, so a feature change shows in the file. */
  features: 'word, word pair, character 3-5-grams, question',
  epochs: 15,
  /** SGD learning rate of the first epoch; epoch e uses learningRate / (1 + e). */
  learningRate: 3,
  /** L2 penalty, applied to a weight each time its feature is seen. */
  l2: 3e-4,
  /** Positives of a rare category weigh up to this much more than negatives. */
  maxPositiveWeight: 4,
  /** Non-zero weights kept per category (largest first): bounds the file a browser loads. */
  keepPerCategory: 10000,
  /** Weights are stored as integers of 1/scale. */
  scale: 1000,
  seed: 20261206,
  /** threat and harm_indication: the lowest threshold whose precision (rules + model) stays at or above this. */
  criticalPrecisionFloor: 0.55,
  /** Thresholds are not tried outside this range: the extremes fit a handful of posts. */
  minThreshold: 0.05,
  maxThreshold: 0.95,
  /** Categories the model may decide alone (never threat or harm, never what rules do best). */
  modelOnlyFor: [
    'complaint',
    'enquiry',
    'feedback',
    'appointment_request',
    'clinical_disclosure',
    'defamatory',
    'misinformation',
  ],
  modelOnlyMargin: 0.01,
  /** Naive-Bayes feature scaling (NBSVM, Wang & Manning 2012): 0 off, else the smoothing alpha. */
  nbAlpha: 0.5,
} as const;

/** One post as the trainer sees it: feature ids, labels, and what the rules said (fixed per post). */
export interface Example {
  features: Int32Array;
  labels: Uint8Array;
  /** 1: the rules found the category; 2: the rules matched it and vetoed it; 0: silent. */
  rules: Uint8Array;
}

export interface PreparedSet {
  set: LoadedSet;
  examples: Example[];
}

/** Features and rule findings of every post, once. Feature ids are compact: `buckets[id]` is the hash bucket. */
export function prepare(
  sets: readonly LoadedSet[],
  matcher?: PhraseMatcher,
): { prepared: PreparedSet[]; buckets: Int32Array } {
  const idOf = new Map<number, number>();
  const buckets: number[] = [];
  const prepared = sets.map((set) => ({
    set,
    examples: set.posts.map((post) => prepareOne(post, idOf, buckets, matcher)),
  }));
  return { prepared, buckets: Int32Array.from(buckets) };
}

function prepareOne(
  post: LoadedPost,
  idOf: Map<number, number>,
  buckets: number[],
  matcher: PhraseMatcher | undefined,
): Example {
  const read = readPost(post.text, post.context);
  const { found, ruledOut } = ruleFindings(read, post.context, matcher);
  const { buckets: raw, count } = postFeatures(read.doc, read.staff, read.practiceWords);
  const features = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const bucket = raw[i] as number;
    let id = idOf.get(bucket);
    if (id === undefined) {
      id = buckets.length;
      idOf.set(bucket, id);
      buckets.push(bucket);
    }
    features[i] = id;
  }
  const labels = new Uint8Array(C);
  const rules = new Uint8Array(C);
  for (const [c, category] of CATEGORIES.entries()) {
    labels[c] = post.labels.includes(category) ? 1 : 0;
    rules[c] = found.has(category) ? 1 : ruledOut.has(category) ? 2 : 0;
  }
  return { features, labels, rules };
}

export interface Fitted {
  bias: Float64Array;
  /** Feature id f, category c: weights[f * C + c] (already pruned to keepPerCategory and rounded). */
  weights: Float32Array;
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fit(examples: readonly Example[], featureCount: number, settings = SETTINGS): Fitted {
  const weights = new Float32Array(featureCount * C);
  const bias = new Float64Array(C);
  const positiveWeight = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const positives = examples.reduce((n, e) => n + (e.labels[c] as number), 0);
    positiveWeight[c] =
      positives === 0
        ? 1
        : Math.min(Math.sqrt((examples.length - positives) / positives), settings.maxPositiveWeight);
    positiveWeight[c] = Math.max(1, positiveWeight[c] as number);
  }
  // Naive-Bayes log-count ratios per feature and category: features that tell a category apart start
  // with more say. 1 everywhere when nbAlpha is 0. The final weights fold the ratio in (w·r).
  const ratio = new Float32Array(featureCount * C).fill(1);
  if (settings.nbAlpha > 0) {
    const positive = new Float64Array(featureCount * C);
    const negative = new Float64Array(featureCount * C);
    for (const example of examples)
      for (let k = 0; k < example.features.length; k++) {
        const base = (example.features[k] as number) * C;
        for (let c = 0; c < C; c++) {
          if (example.labels[c] === 1) positive[base + c] = (positive[base + c] as number) + 1;
          else negative[base + c] = (negative[base + c] as number) + 1;
        }
      }
    for (let c = 0; c < C; c++) {
      let pSum = 0;
      let nSum = 0;
      for (let f = 0; f < featureCount; f++) {
        pSum += (positive[f * C + c] as number) + settings.nbAlpha;
        nSum += (negative[f * C + c] as number) + settings.nbAlpha;
      }
      for (let f = 0; f < featureCount; f++) {
        const r = Math.log(
          ((positive[f * C + c] as number) + settings.nbAlpha) /
            pSum /
            (((negative[f * C + c] as number) + settings.nbAlpha) / nSum),
        );
        ratio[f * C + c] = Math.abs(r);
      }
    }
  }
  const order = examples.map((_, i) => i);
  const next = random(settings.seed);
  const error = new Float64Array(C);
  const { l2 } = settings;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const rate = settings.learningRate / (1 + epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = examples[index] as Example;
      const features = example.features;
      const x = featureValue(features.length);
      for (let c = 0; c < C; c++) {
        let sum = 0;
        for (let k = 0; k < features.length; k++) {
          const at = (features[k] as number) * C + c;
          sum += (weights[at] as number) * (ratio[at] as number);
        }
        const z = (bias[c] as number) + sum * x;
        const label = example.labels[c] as number;
        error[c] = (1 / (1 + Math.exp(-z)) - label) * (label ? (positiveWeight[c] as number) : 1);
        bias[c] = (bias[c] as number) - rate * (error[c] as number) * 0.1;
      }
      for (let k = 0; k < features.length; k++) {
        const base = (features[k] as number) * C;
        for (let c = 0; c < C; c++) {
          const w = weights[base + c] as number;
          weights[base + c] = w - rate * ((error[c] as number) * x * (ratio[base + c] as number) + l2 * w);
        }
      }
    }
  }
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * (ratio[i] as number);
  // Keep each category's strongest weights, rounded as they will be stored.
  for (let c = 0; c < C; c++) {
    const magnitudes: number[] = [];
    for (let f = 0; f < featureCount; f++) {
      const w = Math.round((weights[f * C + c] as number) * settings.scale) / settings.scale;
      weights[f * C + c] = w;
      if (w !== 0) magnitudes.push(Math.abs(w));
    }
    if (magnitudes.length > settings.keepPerCategory) {
      magnitudes.sort((x, y) => y - x);
      const floor = magnitudes[settings.keepPerCategory - 1] as number;
      // How many weights exactly at the floor fit in the budget (the first ones, in feature order).
      const ties = settings.keepPerCategory - magnitudes.filter((m) => m > floor).length;
      let kept = 0;
      for (let f = 0; f < featureCount; f++) {
        const w = weights[f * C + c] as number;
        if (w === 0) continue;
        if (Math.abs(w) > floor) continue;
        if (Math.abs(w) < floor || kept >= ties) weights[f * C + c] = 0;
        else kept++;
      }
    }
    bias[c] = Math.round((bias[c] as number) * settings.scale) / settings.scale;
  }
  return { bias, weights };
}

/** Probability per category of one example. */
export function probabilities(fitted: Fitted, example: Example): Float64Array {
  const p = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let z = fitted.bias[c] as number;
    let sum = 0;
    for (let k = 0; k < example.features.length; k++)
      sum += fitted.weights[(example.features[k] as number) * C + c] as number;
    z += sum * featureValue(example.features.length);
    p[c] = 1 / (1 + Math.exp(-z));
  }
  return p;
}

/** Every feature of a post weighs 1/√(its feature count): a long post is not surer for being long. */
export const featureValue = (count: number): number => (count === 0 ? 0 : 1 / Math.sqrt(count));

export interface Scored {
  example: Example;
  p: Float64Array;
}

/** Out-of-fold probabilities: each set scored by a model trained on all the other sets. */
export function outOfFold(
  prepared: readonly PreparedSet[],
  featureCount: number,
  settings = SETTINGS,
): Scored[][] {
  return prepared.map((held, h) => {
    const training = prepared.filter((_, k) => k !== h).flatMap((set) => set.examples);
    const fitted = fit(training, featureCount, settings);
    return held.examples.map((example) => ({ example, p: probabilities(fitted, example) }));
  });
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
export const f1Of = ({ tp, fp, fn }: Tally) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

/**
 * Per category, the threshold that does best on posts the model had not seen, counting what the rules
 * add (a post the rules found is found whatever the model says; one they vetoed stays out):
 * - threat and harm_indication: the lowest threshold keeping precision ≥ criticalPrecisionFloor
 *   (recall first), the best F1 if none does;
 * - the rest: the best F1; null (never add) when no threshold beats the rules alone.
 */
export interface Decision {
  threshold: number | null;
  /** 'either': the rules or the model; 'model': the model alone decides (the rules' findings are dropped). */
  mode: 'either' | 'model';
}

/**
 * Whether a category is reported for a post, as classify() decides it: the rules' finding (1) stands,
 * a rules veto (2) stays out, else the model's score must pass the threshold; with mode 'model' the
 * score alone decides; with no threshold the rules alone.
 */
export const predicts = (
  rules: number,
  score: number,
  threshold: number | null,
  mode: Decision['mode'],
): boolean =>
  threshold === null
    ? rules === 1
    : mode === 'model'
      ? score > threshold
      : rules === 1 || (rules === 0 && score > threshold);

export function chooseThresholds(scored: readonly Scored[], settings = SETTINGS): Decision[] {
  return CATEGORIES.map((category, c): Decision => {
    const critical = (CRITICAL_CATEGORIES as readonly Category[]).includes(category);
    const tallyAt = (t: number, mode: Decision['mode'] = 'either'): Tally => {
      const tally = { tp: 0, fp: 0, fn: 0 };
      for (const { example, p } of scored) {
        const predicted = predicts(example.rules[c] as number, p[c] as number, t, mode);
        const label = example.labels[c] === 1;
        if (predicted && label) tally.tp++;
        else if (predicted) tally.fp++;
        else if (label) tally.fn++;
      }
      return tally;
    };
    const candidates = [...new Set(scored.map(({ p }) => Math.round((p[c] as number) * 100) / 100))]
      .filter((t) => t >= settings.minThreshold && t <= settings.maxThreshold)
      .sort((x, y) => y - x);
    const rulesAlone = tallyAt(2);
    let best: { t: number | null; f1: number; mode: Decision['mode'] } = {
      t: null,
      f1: f1Of(rulesAlone),
      mode: 'either',
    };
    let bestRecall: { t: number; recall: number } | undefined;
    for (const t of candidates) {
      const tally = tallyAt(t);
      const f1 = f1Of(tally);
      if (f1 > best.f1 + 1e-9) best = { t, f1, mode: 'either' };
      // The fuzzy categories may be left to the model alone when that does better than rules + model
      // by a margin (the rules' exact words are then not needed as evidence).
      if (!critical && (settings.modelOnlyFor as readonly string[]).includes(category)) {
        const alone = f1Of(tallyAt(t, 'model'));
        if (alone > best.f1 + settings.modelOnlyMargin) best = { t, f1: alone, mode: 'model' };
      }
      if (critical) {
        const precision = tally.tp / Math.max(1, tally.tp + tally.fp);
        const recall = tally.tp / Math.max(1, tally.tp + tally.fn);
        if (
          precision >= settings.criticalPrecisionFloor &&
          (!bestRecall || recall > bestRecall.recall + 1e-9)
        )
          bestRecall = { t, recall };
      }
    }
    return critical && bestRecall
      ? { threshold: bestRecall.t, mode: 'either' }
      : { threshold: best.t, mode: best.mode };
  });
}

/** The weights file for a fitted model. */
export function modelFile(
  fitted: Fitted,
  buckets: Int32Array,
  decisions: readonly Decision[],
  trainedOn: Record<string, string>,
  settings = SETTINGS,
): LearnedModelFile {
  const weights = CATEGORIES.map((_, c): [number[], number[]] => {
    const entries: [number, number][] = [];
    for (let f = 0; f < buckets.length; f++) {
      const w = fitted.weights[f * C + c] as number;
      if (w !== 0) entries.push([buckets[f] as number, Math.round(w * settings.scale)]);
    }
    entries.sort((x, y) => x[0] - y[0]);
    const deltas: number[] = [];
    let previous = 0;
    for (const [bucket] of entries) {
      deltas.push(bucket - previous);
      previous = bucket;
    }
    return [deltas, entries.map(([, w]) => w)];
  });
  const digest = createHash('sha256')
    .update(JSON.stringify(Object.entries(trainedOn).sort()))
    .update(JSON.stringify(settings))
    .digest('hex');
  return {
    format: LEARNED_FORMAT,
    version: `2.${digest.slice(0, 12)}`,
    trainedOn,
    buckets: FEATURE_BUCKETS,
    categories: [...CATEGORIES],
    bias: [...fitted.bias],
    thresholds: decisions.map((d) => d.threshold),
    modelOnly: CATEGORIES.filter((_, c) => decisions[c]?.mode === 'model'),
    scale: settings.scale,
    weights,
    settings: { ...settings },
  };
}

/** A model trained on `training` with thresholds from cross-validation within it, ready for classifyWith(). */
export function trainPipeline(
  training: readonly PreparedSet[],
  featureCount: number,
  buckets: Int32Array,
  settings = SETTINGS,
): { file: LearnedModelFile; model: LearnedModel; oof: Scored[][] } {
  const oof = outOfFold(training, featureCount, settings);
  // Thresholds are chosen where the rules' own figures are honest: on the sets they were not written
  // from (on those they were, the rules fit every post and any addition looks like a false positive).
  const unread = oof.filter((_, k) => !training[k]?.set.rulesReadIt);
  const decisions = chooseThresholds((unread.length > 0 ? unread : oof).flat(), settings);
  const fitted = fit(
    training.flatMap((set) => set.examples),
    featureCount,
    settings,
  );
  const trainedOn = Object.fromEntries(training.map(({ set }) => [set.name, set.digest]));
  const file = modelFile(fitted, buckets, decisions, trainedOn, settings);
  return { file, model: compileModel(file), oof };
}

export { classifyWith };
