// What the learned model reads of a post: hashed features that survive spelling and obfuscation.
//
// Each token becomes a word for the model — a staff mention `~staff`, the practice's own name
// `~practice`, a number `~num` — so what was learned about one practice's roster carries to another's.
// From those words come three kinds of feature, each hashed (FNV-1a, 32-bit) into a fixed space of
// FEATURE_BUCKETS, so no vocabulary is stored and an unseen spelling still lands on known n-grams:
//   - the word itself;
//   - the pair of it and the next word in the same sentence;
//   - its character 3-, 4- and 5-grams within the word, with `<` and `>` marking its edges
//     ("gunna" shares `<gu`, `nna>` … with "gonna"; "stabbin" shares most of "stabbing").
// Tokens come from normalise.ts, after leetspeak, masks, spacing and repeated letters are undone.
// A feature counts each time it occurs; the post's vector is scaled by 1/√(number of occurrences) so
// a long post is not surer for being long. The token each feature came from is kept, so the model's
// evidence can point at the original text.
//
// Linear in the length of the text: a bounded number of features per token (words over
// MAX_GRAM_WORD letters give no n-grams), and each distinct word is hashed once (wordFeatures cache).

import type { Doc } from './normalise.js';
import type { StaffMention } from './staff.js';

/** Size of the hashed feature space (a power of two). */
export const FEATURE_BUCKETS = 1 << 18;
const BUCKET_MASK = FEATURE_BUCKETS - 1;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Longer tokens (a URL, a run of letters) give their word feature but no n-grams. */
const MAX_GRAM_WORD = 24;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// One seed per kind of feature, so the word "kil" and the n-gram "kil" are different features.
const SEED_WORD = fnvChar(FNV_OFFSET, 0x57); // 'W'
const SEED_PAIR = fnvChar(FNV_OFFSET, 0x50); // 'P'
const SEED_GRAM = fnvChar(FNV_OFFSET, 0x47); // 'G'
const EDGE = 0x3c; // '<' and '>' mark a word's edges in its n-grams
const EDGE_END = 0x3e;

function fnvChar(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}
function fnvString(hash: number, text: string): number {
  let h = hash;
  for (let k = 0; k < text.length; k++) h = fnvChar(h, text.charCodeAt(k));
  return h;
}
/** Final avalanche so that close strings spread over the low bits used as the bucket. */
function bucketOf(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & BUCKET_MASK;
}

export const WORD_STAFF = '~staff';
export const WORD_PRACTICE = '~practice';
export const WORD_NUMBER = '~num';

/** Each token's word as the model reads it: staff mentions, the practice's name and numbers abstracted. */
export function modelWords(
  doc: Doc,
  staff: readonly StaffMention[],
  practiceWords: ReadonlySet<string>,
): string[] {
  const words = doc.tokens.map((token) =>
    isDigits(token.text) ? WORD_NUMBER : practiceWords.has(token.text) ? WORD_PRACTICE : token.text,
  );
  for (const mention of staff)
    for (let k = mention.first; k < mention.last && k < words.length; k++) words[k] = WORD_STAFF;
  return words;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A post's features, one entry per occurrence: `buckets[i]` came from token `tokens[i]`, for i < count. */
export interface PostFeatures {
  buckets: Int32Array;
  tokens: Int32Array;
  count: number;
}

/** A word's own features (the word and its n-grams) and the hash state its pairs continue from. */
export interface WordFeatures {
  own: Int32Array;
  pairState: number;
}
/**
 * Words recur across posts, so each word's features are hashed once and remembered (a pure cache:
 * the same word always gives the same features). Cleared when full, so memory stays bounded.
 */
const wordCache = new Map<string, WordFeatures>();
const MAX_CACHED_WORDS = 50_000;

export function wordFeatures(word: string): WordFeatures {
  const cached = wordCache.get(word);
  if (cached) return cached;
  const own: number[] = [bucketOf(fnvString(SEED_WORD, word))];
  // Placeholders (~staff, ~num, ~practice) and very long tokens give no n-grams.
  if (word.charCodeAt(0) !== 0x7e && word.length <= MAX_GRAM_WORD) {
    const length = word.length + 2; // with the edge marks
    for (let from = 0; from + MIN_GRAM <= length; from++) {
      let h = SEED_GRAM;
      for (let k = from; k < from + MAX_GRAM && k < length; k++) {
        h = fnvChar(h, k === 0 ? EDGE : k === length - 1 ? EDGE_END : word.charCodeAt(k - 1));
        if (k - from + 1 >= MIN_GRAM) own.push(bucketOf(h));
      }
    }
  }
  const features = { own: Int32Array.from(own), pairState: fnvChar(fnvString(SEED_PAIR, word), 0x20) };
  if (wordCache.size >= MAX_CACHED_WORDS) wordCache.clear();
  wordCache.set(word, features);
  return features;
}

/** The bucket of the pair (word, next), from the word's pair state. */
export const pairBucketFrom = (pairState: number, next: string): number =>
  bucketOf(fnvString(pairState, next));

/**
 * One feature per question a post asks, on the question's last word: "who do I tell?" and "is that
 * normal?" share it, so an enquiry told in words the model has not met still reads as a question.
 */
export const QUESTION_BUCKET = bucketOf(fnvString(SEED_WORD, '~question'));
/** True when token i is the last word of a sentence that ends with a question mark. */
export const endsQuestion = (doc: Doc, i: number): boolean => {
  const token = doc.tokens[i];
  return token !== undefined && !pairsWithNext(doc, i) && doc.questions.has(token.sentence);
};

/** True when tokens i and i + 1 are in the same sentence (pairs never cross a sentence break). */
export const pairsWithNext = (doc: Doc, i: number): boolean =>
  i + 1 < doc.tokens.length && doc.tokens[i + 1]?.sentence === doc.tokens[i]?.sentence;

/**
 * Every feature occurrence of a post (a repeated word counts each time), for training. classify()
 * scores through learned.ts, which sums the same features per word without listing them.
 */
export function postFeatures(
  doc: Doc,
  staff: readonly StaffMention[],
  practiceWords: ReadonlySet<string>,
): PostFeatures {
  const words = modelWords(doc, staff, practiceWords);
  const buckets: number[] = [];
  const tokens: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const { own, pairState } = wordFeatures(words[i] as string);
    for (let k = 0; k < own.length; k++) {
      buckets.push(own[k] as number);
      tokens.push(i);
    }
    if (pairsWithNext(doc, i)) {
      buckets.push(pairBucketFrom(pairState, words[i + 1] as string));
      tokens.push(i);
    } else if (endsQuestion(doc, i)) {
      buckets.push(QUESTION_BUCKET);
      tokens.push(i);
    }
  }
  return { buckets: Int32Array.from(buckets), tokens: Int32Array.from(tokens), count: buckets.length };
}

/** The bucket of one word feature (for tests and for reading a model). */
export const wordBucket = (word: string): number => bucketOf(fnvString(SEED_WORD, word));
/** The bucket of one word-pair feature. */
export const pairBucket = (first: string, second: string): number =>
  bucketOf(fnvString(fnvChar(fnvString(SEED_PAIR, first), 0x20), second));
/** The bucket of one character n-gram (`<` and `>` included as written). */
export const gramBucket = (gram: string): number => bucketOf(fnvString(SEED_GRAM, gram));
