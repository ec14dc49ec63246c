// The learned layer: one logistic regression per category over hashed words, word pairs and character
// n-grams (features.ts), trained by scripts/train.ts on the labelled posts and run beside the rules.
//
// Why it exists: hand-written rules catch the phrasings their authors thought of. On posts written by
// people who never saw the rules, the rules alone missed a quarter to a half of the threats and signs
// of harm. The model covers the fuzzy categories (complaint, feedback, defamation, misinformation…)
// and is a second net under threat and harm. It only adds findings; it never removes one.
//
// Its weights are data (`learned-model.json`, with the digest of the posts it was trained on),
// imported by the module system, so core still does no I/O. Each category has its own threshold,
// chosen by cross-validation over the labelled sets (`null`: the model never adds that category,
// because on posts it had not seen it did not improve on the rules).
//
// Evidence is the content words that pushed the score up most, each with its span in the original
// text — never a stop-word, never a word whose own weight is small. A finding with no such word is not
// reported: a practice manager must be able to see why.

import { CATEGORIES, type Category } from '../model/constants.js';
import {
  FEATURE_BUCKETS,
  modelWords,
  pairBucketFrom,
  QUESTION_BUCKET,
  WORD_NUMBER,
  WORD_PRACTICE,
  wordFeatures,
} from './features.js';
import MODEL_FILE from './learned-model.json' with { type: 'json' };
import type { Doc, Token } from './normalise.js';
import type { Hit } from './rules/types.js';
import type { StaffMention } from './staff.js';
import { isStopWord } from './stop-words.js';

/** Evidence rule ids of the learned layer: `learned.<category>`. */
export const LEARNED_RULE_PREFIX = 'learned.';
export const LEARNED_FORMAT = 'policy-classifier-linear/2';
/** Words shown as evidence for one learned finding. */
const EVIDENCE_WORDS = 3;
/** A word is evidence only if its features' weights for the category add up to at least this. */
export const MIN_EVIDENCE_WEIGHT = 1;

/** The weights file as scripts/train.ts writes it. */
export interface LearnedModelFile {
  format: string;
  /** Changes whenever the weights do: `<date>.<digest prefix>`. */
  version: string;
  /** SHA-256 of each training set's posts and rosters (scripts/training-sets.ts). */
  trainedOn: Readonly<Record<string, string>>;
  /** Must equal FEATURE_BUCKETS. */
  buckets: number;
  /** Category ids in the order of `bias`, `thresholds` and `weights`. */
  categories: readonly string[];
  bias: readonly number[];
  /** Probability over which the model adds the category; null = never. */
  thresholds: readonly (number | null)[];
  /** Categories the model decides alone: the rules' findings for them are replaced by the model's. */
  modelOnly?: readonly string[];
  /** Weights are stored as integers; divide by this. */
  scale: number;
  /** Per category: [bucket deltas (ascending buckets, each the gap from the previous), weights]. */
  weights: readonly (readonly (readonly number[])[])[];
  /** How it was trained, for the record. */
  settings?: Readonly<Record<string, unknown>>;
}

/** The model ready to score: a bucket → row table and the rows' weights, one per category. */
export interface LearnedModel {
  bias: Float64Array;
  /** Log-odds over which a category is added (Infinity = never). */
  cut: Float64Array;
  /** Per category (CATEGORIES order): true when the model decides it alone. */
  modelOnly: readonly boolean[];
  /** Bucket → row + 1 (0: no weights). */
  table: Int32Array;
  /** Row r, category c: rows[r * CATEGORIES.length + c]. */
  rows: Float32Array;
}

const C = CATEGORIES.length;

export function compileModel(file: LearnedModelFile): LearnedModel {
  if (file.format !== LEARNED_FORMAT) throw new Error(`unknown model format ${file.format}`);
  if (file.buckets !== FEATURE_BUCKETS)
    throw new Error(`model has ${file.buckets} buckets, features ${FEATURE_BUCKETS}`);
  const order = CATEGORIES.map((category) => file.categories.indexOf(category));
  if (order.some((k) => k < 0)) throw new Error('model does not cover every category');
  const table = new Int32Array(FEATURE_BUCKETS);
  let rowCount = 0;
  for (const k of order) {
    const deltas = file.weights[k]?.[0] ?? [];
    let bucket = 0;
    for (const delta of deltas) {
      bucket += delta;
      if (table[bucket] === 0) table[bucket] = ++rowCount;
    }
  }
  const rows = new Float32Array(rowCount * C);
  for (const [c, k] of order.entries()) {
    const deltas = file.weights[k]?.[0] ?? [];
    const values = file.weights[k]?.[1] ?? [];
    let bucket = 0;
    for (const [i, delta] of deltas.entries()) {
      bucket += delta;
      rows[((table[bucket] as number) - 1) * C + c] = (values[i] as number) / file.scale;
    }
  }
  const bias = new Float64Array(order.map((k) => file.bias[k] as number));
  const cut = new Float64Array(
    order.map((k) => {
      const p = file.thresholds[k];
      return p === null || p === undefined ? Number.POSITIVE_INFINITY : Math.log(p / (1 - p));
    }),
  );
  const modelOnly = CATEGORIES.map((category) => file.modelOnly?.includes(category) ?? false);
  return { bias, cut, modelOnly, table, rows };
}

let shipped: LearnedModel | undefined;
/** The shipped model, compiled on first use. */
export function shippedModel(): LearnedModel {
  shipped ??= compileModel(MODEL_FILE);
  return shipped;
}
export const SHIPPED_MODEL_FILE: LearnedModelFile = MODEL_FILE;

/** Log-odds per category (CATEGORIES order) for a list of feature occurrences (scripts, tests). */
export function logitsOf(buckets: Int32Array, count: number, model: LearnedModel): Float64Array {
  const sum = new Float64Array(C);
  const { table, rows } = model;
  for (let i = 0; i < count; i++) {
    const row = table[buckets[i] as number] as number;
    if (row === 0) continue;
    const base = (row - 1) * C;
    for (let c = 0; c < C; c++) sum[c] = (sum[c] as number) + (rows[base + c] as number);
  }
  return withBias(sum, count, model);
}

/** bias + sum / √count: each feature occurrence weighs 1/√(occurrences), as in training. */
function withBias(sum: Float64Array, count: number, model: LearnedModel): Float64Array {
  const value = count === 0 ? 0 : 1 / Math.sqrt(count);
  for (let c = 0; c < C; c++) sum[c] = (model.bias[c] as number) + (sum[c] as number) * value;
  return sum;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Per model, each word's summed weights (its word feature and its n-grams) and feature count: a word
 * is looked up once, not once per n-gram. A pure cache, cleared when full.
 */
interface WordWeights {
  /** Summed weights per category, or undefined when none of the word's features has a weight. */
  weights: Float64Array | undefined;
  features: number;
  pairState: number;
}
const WORD_WEIGHTS = new WeakMap<LearnedModel, Map<string, WordWeights>>();
const MAX_CACHED_WORDS = 50_000;

// The cache of the model used last: classify() uses one model, so the WeakMap is rarely consulted.
let lastModel: LearnedModel | undefined;
let lastCache = new Map<string, WordWeights>();

function cacheFor(model: LearnedModel): Map<string, WordWeights> {
  if (model === lastModel) return lastCache;
  let cache = WORD_WEIGHTS.get(model);
  if (!cache) {
    cache = new Map();
    WORD_WEIGHTS.set(model, cache);
  }
  lastModel = model;
  lastCache = cache;
  return cache;
}

function wordWeights(word: string, cache: Map<string, WordWeights>, model: LearnedModel): WordWeights {
  const cached = cache.get(word);
  if (cached) return cached;
  const { own, pairState } = wordFeatures(word);
  let weights: Float64Array | undefined;
  for (let k = 0; k < own.length; k++) {
    const row = model.table[own[k] as number] as number;
    if (row === 0) continue;
    weights ??= new Float64Array(C);
    const base = (row - 1) * C;
    for (let c = 0; c < C; c++) weights[c] = (weights[c] as number) + (model.rows[base + c] as number);
  }
  const entry = { weights, features: own.length, pairState };
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(word, entry);
  return entry;
}

// Per-token working space, reused from post to post (only the first `tokenCount` entries are read).
let scratchPairRows = new Int32Array(1024);
const scratchWordRows: (Float64Array | undefined)[] = [];
/** The post's summed weights, then (withBias) its log-odds: read only within one call. */
const scratchSum = new Float64Array(C);

/**
 * The model's findings for a post: each category over its threshold that `skip` does not rule out,
 * with the content words that pushed it there most as evidence (rule id `learned.<category>`,
 * confidence the model's probability).
 */
export function learnedHits(
  doc: Doc,
  staff: readonly StaffMention[],
  practiceWords: ReadonlySet<string>,
  skip: (category: Category) => boolean = () => false,
  model: LearnedModel = shippedModel(),
): Hit[] {
  const words = modelWords(doc, staff, practiceWords);
  const tokenCount = words.length;
  const cache = cacheFor(model);
  // Row of each token's pair with the next word (0: none or no weights), kept for the evidence pass.
  if (scratchPairRows.length < tokenCount) scratchPairRows = new Int32Array(tokenCount * 2);
  const pairRows = scratchPairRows;
  pairRows.fill(0, 0, tokenCount);
  // Each token's word weights, kept for the evidence pass (no second cache lookup per category).
  const wordRows = scratchWordRows;
  const sum = scratchSum.fill(0);
  let count = 0;
  const { table, rows } = model;
  const { tokens, questions } = doc;
  for (let i = 0; i < tokenCount; i++) {
    const word = wordWeights(words[i] as string, cache, model);
    count += word.features;
    const weights = word.weights;
    wordRows[i] = weights;
    if (weights) for (let c = 0; c < C; c++) sum[c] = (sum[c] as number) + (weights[c] as number);
    // features.ts's pairsWithNext and endsQuestion, inline.
    const sentence = (tokens[i] as Token).sentence;
    const next = tokens[i + 1];
    if (next === undefined || next.sentence !== sentence) {
      // The question feature (features.ts) adds to the score but is never evidence: it is not a word.
      if (!questions.has(sentence)) continue;
      count++;
      const row = table[QUESTION_BUCKET] as number;
      if (row === 0) continue;
      const base = (row - 1) * C;
      for (let c = 0; c < C; c++) sum[c] = (sum[c] as number) + (rows[base + c] as number);
      continue;
    }
    count++;
    const row = table[pairBucketFrom(word.pairState, words[i + 1] as string)] as number;
    if (row === 0) continue;
    pairRows[i] = row;
    const base = (row - 1) * C;
    for (let c = 0; c < C; c++) sum[c] = (sum[c] as number) + (rows[base + c] as number);
  }
  const z = withBias(sum, count, model);
  const hits: Hit[] = [];
  for (let c = 0; c < C; c++) {
    if ((z[c] as number) <= (model.cut[c] as number) || skip(CATEGORIES[c] as Category)) continue;
    // The EVIDENCE_WORDS tokens with the largest share of the score (their word's weights and those of
    // their pair with the next word), heaviest first, earlier first among equals.
    const top: { t: number; weight: number }[] = [];
    for (let t = 0; t < tokenCount; t++) {
      const row = pairRows[t] as number;
      const weight = (wordRows[t]?.[c] ?? 0) + (row === 0 ? 0 : (rows[(row - 1) * C + c] as number));
      if (weight < MIN_EVIDENCE_WEIGHT) continue;
      if (top.length === EVIDENCE_WORDS && (top[EVIDENCE_WORDS - 1] as { weight: number }).weight >= weight)
        continue;
      if (!isEvidenceWord(doc, t, words[t] as string)) continue;
      // Insert after every heavier or equal entry (those came from earlier tokens).
      let at = top.length;
      while (at > 0 && (top[at - 1] as { weight: number }).weight < weight) at--;
      top.splice(at, 0, { t, weight });
      if (top.length > EVIDENCE_WORDS) top.pop();
    }
    if (top.length === 0) continue;
    const category = CATEGORIES[c] as Category;
    const confidence = Math.round(sigmoid(z[c] as number) * 100) / 100;
    for (const { t } of top) {
      const token = doc.tokens[t];
      if (!token) continue;
      hits.push({
        category,
        ruleId: `${LEARNED_RULE_PREFIX}${category}`,
        start: token.start,
        end: token.end,
        confidence,
        first: t,
        last: t + 1,
      });
    }
  }
  return hits;
}

/**
 * A word a manager can read as a reason: letters, more than one, not a stop-word, not the practice's
 * name or a number, and not a contraction of a stop-word ("he'll" is "he", "someone's" is "someone";
 * the tokeniser drops the apostrophe, so the original text is checked).
 */
function isEvidenceWord(doc: Doc, t: number, modelWord: string): boolean {
  if (modelWord === WORD_PRACTICE || modelWord === WORD_NUMBER) return false;
  const token = doc.tokens[t];
  if (!token) return false;
  const text = token.text;
  if (text.length < 2 || isStopWord(text)) return false;
  let letters = false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 97 && code <= 122) letters = true;
  }
  if (!letters) return false;
  const original = doc.original.slice(token.start, token.end);
  const apostrophe = original.search(/['’]/);
  return apostrophe <= 0 || !isStopWord(original.slice(0, apostrophe).toLowerCase());
}
