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

// The post being classified: every family of one classify() call reads the same array.
let lastTokens: readonly Token[] | undefined;
let lastKinds = new Int32Array(0);

/**
 * Each token's kinds, by token index. Read only after the tokens' texts are final (classify.ts calls
 * it after masks are resolved); remembered for the last token list asked about.
 */
export function wordKinds(doc: Doc): Int32Array {
  const tokens = doc.tokens;
  if (tokens === lastTokens && lastKinds.length === tokens.length) return lastKinds;
  const kinds = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) kinds[i] = kindsOfWord((tokens[i] as Token).text);
  lastTokens = tokens;
  lastKinds = kinds;
  return kinds;
}
