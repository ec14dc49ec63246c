// The learned layer: a linear model (one logistic regression per category) over the post's words and
// word pairs, trained by scripts/train.ts on the labelled posts and run beside the rules.
//
// Why it exists: hand-written rules catch the phrasings their authors thought of. Measured on sets
// written by people who never saw the rules, they missed a quarter of the threats and signs of harm
// and most health myths. The model adds the findings the rules miss (it never removes one), with the
// words that weighed most as its evidence, so a finding still says why.
//
// Staff names, the practice's own name and numbers are replaced by placeholders before the model
// sees them, so what it learned about "Dr Shah" at one practice carries to "Dr Price" at another.

import { CATEGORIES } from '../model/constants.js';
import { LEARNED_MODEL } from './learned-weights.js';
import type { Doc } from './normalise.js';
import type { Hit } from './rules/types.js';
import type { StaffMention } from './staff.js';

/** Evidence rule ids of the learned layer: `learned.<category>`. */
export const LEARNED_RULE_PREFIX = 'learned.';

/**
 * Probability above which the model's finding is added. Lower thresholds found more on unseen posts
 * but flagged rebuttals and hyperbole; 0.5 (with rare categories weighted in training) kept the gain.
 */
export const LEARNED_THRESHOLD = 0.5;

/** Words shown as evidence for one learned finding. */
const EVIDENCE_SPANS = 3;

export interface LearnedModel {
  /** Bias per category, in CATEGORIES order. */
  bias: readonly number[];
  /** Feature → flat pairs [category index, weight, category index, weight, …]. */
  weights: Readonly<Record<string, readonly number[]>>;
}

/** One feature of a post and the tokens it came from (end exclusive). */
export interface Feature {
  name: string;
  first: number;
  last: number;
}

/** Each token's word as the model reads it: staff mentions, the practice's name and numbers abstracted. */
function modelWords(doc: Doc, staff: readonly StaffMention[], practiceWords: ReadonlySet<string>): string[] {
  const words = doc.tokens.map((token) =>
    isDigits(token.text) ? '~num' : practiceWords.has(token.text) ? '~practice' : token.text,
  );
  for (const mention of staff)
    for (let k = mention.first; k < mention.last && k < words.length; k++) words[k] = '~staff';
  return words;
}

/** The post as the model sees it: each word (`u:`) and each pair of words in one sentence (`b:`). What scripts/train.ts learns from. */
export function learnedFeatures(
  doc: Doc,
  staff: readonly StaffMention[],
  practiceWords: ReadonlySet<string>,
): Feature[] {
  const words = modelWords(doc, staff, practiceWords);
  const tokens = doc.tokens;
  const features: Feature[] = [];
  for (let i = 0; i < words.length; i++) {
    features.push({ name: `u:${words[i]}`, first: i, last: i + 1 });
    if (i + 1 < words.length && tokens[i + 1]?.sentence === tokens[i]?.sentence)
      features.push({ name: `b:${words[i]} ${words[i + 1]}`, first: i, last: i + 2 });
  }
  return features;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The weights indexed by word and by word pair, so scoring a post builds no strings. */
interface WeightIndex {
  words: Map<string, readonly number[]>;
  pairs: Map<string, Map<string, readonly number[]>>;
}
const INDEXES = new WeakMap<LearnedModel, WeightIndex>();
function indexOf(model: LearnedModel): WeightIndex {
  let index = INDEXES.get(model);
  if (index) return index;
  index = { words: new Map(), pairs: new Map() };
  for (const [name, weights] of Object.entries(model.weights)) {
    if (name.startsWith('u:')) index.words.set(name.slice(2), weights);
    else if (name.startsWith('b:')) {
      const space = name.indexOf(' ');
      const first = name.slice(2, space);
      const seconds = index.pairs.get(first) ?? new Map<string, readonly number[]>();
      seconds.set(name.slice(space + 1), weights);
      index.pairs.set(first, seconds);
    }
  }
  INDEXES.set(model, index);
  return index;
}

/** A post's distinct features that carry weight, each at its first occurrence, with its weights. */
function weighedFeatures(doc: Doc, words: readonly string[], model: LearnedModel) {
  const index = indexOf(model);
  // A feature's weights array is unique to it, so it also identifies the feature.
  const seen = new Set<readonly number[]>();
  const weighed: { first: number; last: number; weights: readonly number[] }[] = [];
  const add = (weights: readonly number[] | undefined, first: number, last: number) => {
    if (!weights || seen.has(weights)) return;
    seen.add(weights);
    weighed.push({ first, last, weights });
  };
  const tokens = doc.tokens;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    add(index.words.get(word), i, i + 1);
    if (i + 1 < words.length && tokens[i + 1]?.sentence === tokens[i]?.sentence)
      add(index.pairs.get(word)?.get(words[i + 1] as string), i, i + 2);
  }
  return weighed;
}

function logits(weighed: readonly { weights: readonly number[] }[], model: LearnedModel): number[] {
  const z = [...model.bias];
  for (const { weights: pairs } of weighed)
    for (let k = 0; k + 1 < pairs.length; k += 2)
      z[pairs[k] as number] = (z[pairs[k] as number] as number) + (pairs[k + 1] as number);
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The model's findings for a post: for each category over the threshold, hits on the words that
 * pushed it there most (rule id `learned.<category>`, confidence the model's probability).
 */
export function learnedHits(
  doc: Doc,
  staff: readonly StaffMention[],
  practiceWords: ReadonlySet<string>,
  model: LearnedModel = LEARNED_MODEL,
): Hit[] {
  // Only features the model has weights for are kept: most word pairs of a post have none.
  const weighed = weighedFeatures(doc, modelWords(doc, staff, practiceWords), model);
  const z = logits(weighed, model);
  const over = z.map((logit) => sigmoid(logit) > LEARNED_THRESHOLD);
  if (!over.includes(true)) return [];
  // For each category over the threshold, the features that weighed most for it, strongest first.
  const strongest: { first: number; last: number; weight: number }[][] = CATEGORIES.map(() => []);
  for (const feature of weighed) {
    const pairs = feature.weights;
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      const categoryIndex = pairs[k] as number;
      const weight = pairs[k + 1] as number;
      if (weight <= 0 || !over[categoryIndex]) continue;
      const top = strongest[categoryIndex] as { first: number; last: number; weight: number }[];
      if (top.length === EVIDENCE_SPANS && (top[EVIDENCE_SPANS - 1] as { weight: number }).weight >= weight)
        continue;
      top.push({ first: feature.first, last: feature.last, weight });
      top.sort((x, y) => y.weight - x.weight);
      if (top.length > EVIDENCE_SPANS) top.pop();
    }
  }
  const hits: Hit[] = [];
  for (const [categoryIndex, category] of CATEGORIES.entries()) {
    if (!over[categoryIndex]) continue;
    const confidence = Math.round(sigmoid(z[categoryIndex] as number) * 100) / 100;
    for (const feature of strongest[categoryIndex] ?? []) {
      const first = doc.tokens[feature.first];
      const last = doc.tokens[feature.last - 1];
      if (!first || !last) continue;
      hits.push({
        category,
        ruleId: `${LEARNED_RULE_PREFIX}${category}`,
        start: first.start,
        end: last.end,
        confidence,
        first: feature.first,
        last: feature.last,
      });
    }
  }
  return hits;
}
