// Word lists that the rule families test token after token, resolved once per distinct word.
//
// "Is this token one of LIST?" as a Set lookup hashes and compares the token's text each time: about
// 1 % of classify() per list on ~300-character posts, and the families test dozens of lists. A list
// registered here (at module load) gets one bit; wordKinds(doc) looks each token up once in a cache
// shared by every list, and a family tests a bit. Same answers as the Sets, by construction.

import type { Doc, Token } from './normalise.js';

/** One registered list: a single bit of a token's kinds. */
export type WordKind = number;

const LISTS: ReadonlySet<string>[] = [];
/** Each distinct word's kinds (a pure cache, cleared when full or when a list is added). */
const KINDS_OF_WORD = new Map<string, number>();
const MAX_CACHED_WORDS = 50_000;
const MAX_KINDS = 32;

/** Registers a list and returns its bit. Call at module load, like the list itself. */
export function wordKind(words: Iterable<string>): WordKind {
  if (LISTS.length === MAX_KINDS) throw new Error(`more than ${MAX_KINDS} word kinds`);
  LISTS.push(new Set(words));
  // A word looked up before this list existed would lack its bit.
  KINDS_OF_WORD.clear();
  return 1 << (LISTS.length - 1);
}

/** The kinds of one word (every registered list it is in). */
export function kindsOfWord(word: string): number {
  const cached = KINDS_OF_WORD.get(word);
  if (cached !== undefined) return cached;
  let kinds = 0;
  for (let k = 0; k < LISTS.length; k++) if ((LISTS[k] as ReadonlySet<string>).has(word)) kinds |= 1 << k;
  if (KINDS_OF_WORD.size >= MAX_CACHED_WORDS) KINDS_OF_WORD.clear();
  KINDS_OF_WORD.set(word, kinds);
  return kinds;
}

// The post being classified: every family of one classify() call reads the same array, which is
// reused from post to post (allocating a typed array per post cost as much as the lookups).
let lastTokens: readonly Token[] | undefined;
let lastCount = 0;
let scratch = new Int32Array(256);

/**
 * Each token's kinds, by token index (entries past the last token are stale: read only indexes of
 * tokens). Read only after the tokens' texts are final (classify.ts resolves masks first), and only
 * while classifying this post: the next post's tokens overwrite it.
 */
export function wordKinds(doc: Doc): Int32Array {
  const tokens = doc.tokens;
  if (tokens === lastTokens && lastCount === tokens.length) return scratch;
  if (scratch.length < tokens.length) scratch = new Int32Array(tokens.length * 2);
  for (let i = 0; i < tokens.length; i++) scratch[i] = kindsOfWord((tokens[i] as Token).text);
  lastTokens = tokens;
  lastCount = tokens.length;
  return scratch;
}
