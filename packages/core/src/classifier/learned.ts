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

/** Calls `visit` with every feature: each word (`u:`) and each pair of words in one sentence (`b:`). */
function eachFeature(
  doc: Doc,
  words: readonly string[],
  visit: (name: string, first: number, last: number) => void,
) {
  const tokens = doc.tokens;
  for (let i = 0; i < words.length; i++) {
    visit(`u:${words[i]}`, i, i + 1);
    if (i + 1 < words.length && tokens[i + 1]?.sentence === tokens[i]?.sentence)
      visit(`b:${words[i]} ${words[i + 1]}`, i, i + 2);
  }
}

/** The post as the model sees it (what scripts/train.ts learns from). */
export function learnedFeatures(
  doc: Doc,
  staff: readonly StaffMention[],
  practiceWords: ReadonlySet<string>,
): Feature[] {
  const features: Feature[] = [];
  eachFeature(doc, modelWords(doc, staff, practiceWords), (name, first, last) =>
    features.push({ name, first, last }),
  );
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

/** The weights as a Map (faster than a large object for lookups by arbitrary strings), built once per model. */
const INDEXES = new WeakMap<LearnedModel, Map<string, readonly number[]>>();
function indexOf(model: LearnedModel): Map<string, readonly number[]> {
  let index = INDEXES.get(model);
  if (!index) {
    index = new Map(Object.entries(model.weights));
    INDEXES.set(model, index);
  }
  return index;
}

/** A post's distinct features that carry weight, each at its first occurrence, with its weights. */
function weighedFeatures(doc: Doc, words: readonly string[], model: LearnedModel) {
  const index = indexOf(model);
  const seen = new Set<string>();
  const weighed: { feature: Feature; pairs: readonly number[] }[] = [];
  const visit = (name: string, first: number, last: number) => {
    const pairs = index.get(name);
    if (!pairs || seen.has(name)) return;
    seen.add(name);
    weighed.push({ feature: { name, first, last }, pairs });
  };
  eachFeature(doc, words, visit);
  return weighed;
}

function logits(weighed: readonly { pairs: readonly number[] }[], model: LearnedModel): number[] {
  const z = [...model.bias];
  for (const { pairs } of weighed)
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
  const hits: Hit[] = [];
  for (const [categoryIndex, category] of CATEGORIES.entries()) {
    const probability = sigmoid(z[categoryIndex] as number);
    if (probability <= LEARNED_THRESHOLD) continue;
    // The words that weighed most for this category, strongest first.
    const strongest = weighed
      .map(({ feature, pairs }) => ({ feature, weight: weightFor(pairs, categoryIndex) }))
      .filter((candidate) => candidate.weight > 0)
      .sort((x, y) => y.weight - x.weight)
      .slice(0, EVIDENCE_SPANS);
    const confidence = Math.round(probability * 100) / 100;
    for (const { feature } of strongest) {
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

function weightFor(pairs: readonly number[], categoryIndex: number): number {
  for (let k = 0; k + 1 < pairs.length; k += 2) if (pairs[k] === categoryIndex) return pairs[k + 1] as number;
  return 0;
}
