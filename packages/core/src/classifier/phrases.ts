// A tiny phrase language over tokens, so rules read like the words they look for and matching stays
// linear: every pattern is a fixed sequence of elements with small bounded gaps, tried only at the
// tokens its first element can start on (a hash lookup), never across a sentence break.
//
// Pattern syntax (elements separated by spaces):
//   word         the exact token (after normalisation: lower case, leetspeak undone)
//   pre*         any token starting with `pre` (at least 2 letters before the `*`)
//   *suf         any token ending with `suf` (at least 3 letters after the `*`): "*ectomy"
//   a|b|c*       any of the alternatives
//   @name        any word of a named word list (see `WORD_LISTS` below); usable inside alternatives
//   x?           the element is optional (never on the first element)
//   _3           skip 0 to 3 tokens (never first or last)
//   $            the sentence ends here (only as the last element)
//
// Example: `i|ill|im will|gonna|going? _2 kill|stab|batter @target`.

import type { Category } from '../model/constants.js';
import type { Doc, Token } from './normalise.js';

export interface PhraseRule {
  /** Stable rule id, e.g. `threat.violence_against_person`; documented in docs/categories.md. */
  id: string;
  /** The category a match is evidence for; omit for a signal that other rules combine. */
  category?: Category;
  confidence: number;
  patterns: readonly string[];
}

export interface PhraseHit {
  rule: PhraseRule;
  /** The pattern of the rule that matched, as written. */
  pattern: string;
  /** Token range, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
}

interface Element {
  words: Set<string>;
  /** `words` as the matcher's word ids (see PhraseMatcher.vocab), for a lookup without strings. */
  ids: IdSet;
  /** True when the element has prefixes or suffixes (then the token's text is needed). */
  affixes: boolean;
  prefixes: string[];
  suffixes: string[];
  optional: boolean;
  /** > 0 for a gap element: how many tokens it may skip. */
  gap: number;
  /** The `$` element: matches (without consuming) where the sentence ends. */
  end: boolean;
}

interface Compiled {
  rule: PhraseRule;
  pattern: string;
  /** Index of the rule, for the per-rule hit counter. */
  ruleIndex: number;
  elements: Element[];
  /** The last required element after the first: if no token of the text fits it, skip the pattern. */
  anchor: Element | undefined;
  /**
   * Signatures (IdSet.signature) of the required plain-word elements after the first that name few
   * words: a sentence whose words' signature bits miss one of them cannot hold the pattern, so the
   * pattern is not tried there (see find()).
   */
  requiredSignatures: number[];
}

/** One distinct word as the matcher sees it: see PhraseMatcher.wordInfo. */
interface WordInfo {
  /** Its id in the matcher's vocabulary, -1 when no pattern names it as a whole word. */
  id: number;
  /** Patterns that can start at it: exact first words, pairs by the next word's id, affixes. */
  exact: readonly Compiled[] | undefined;
  pairs: ReadonlyMap<number, readonly Compiled[]> | undefined;
  affixed: readonly Compiled[] | undefined;
}
/** Distinct words whose candidates are remembered; the cache is cleared when it reaches this. */
const MAX_CACHED_WORDS = 50_000;

const NO_WORDS: Set<string> = new Set();
const NO_VIABLE: Map<Compiled, boolean> = new Map();

const MAX_GAP = 6;
/**
 * Hits kept per rule. Plenty for any real post; on a huge or adversarial text it bounds the work of
 * every later step, so classification stays linear in the text however many phrases repeat.
 */
export const MAX_HITS_PER_RULE = 64;

/** A gap (`_n`) or sentence end (`$`): an element that matches no word of its own. */
const structuralElement = (gap: number, end: boolean): Element => ({
  words: new Set(),
  ids: NO_IDS,
  affixes: false,
  prefixes: [],
  suffixes: [],
  optional: false,
  gap,
  end,
});

/** Texts longer than this (in tokens) get the anchor prefilter; a short post is cheaper without it. */
const PREFILTER_FROM = 400;
const MAX_ELEMENTS = 12;

export function compilePattern(
  pattern: string,
  lists: Readonly<Record<string, readonly string[]>>,
): Element[] {
  const parts = pattern.trim().split(/\s+/);
  if (parts.length > MAX_ELEMENTS) throw new Error(`pattern too long: ${pattern}`);
  const elements = parts.map((part): Element => {
    if (part.startsWith('_')) {
      const gap = Number(part.slice(1));
      if (!Number.isInteger(gap) || gap < 1 || gap > MAX_GAP) throw new Error(`bad gap in: ${pattern}`);
      return structuralElement(gap, false);
    }
    if (part === '$') return structuralElement(0, true);
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    const words = new Set<string>();
    const prefixes: string[] = [];
    const suffixes: string[] = [];
    const add = (alt: string): void => {
      if (alt.startsWith('*')) {
        if (alt.length < 4) throw new Error(`suffix too short in: ${pattern}`);
        suffixes.push(alt.slice(1));
      } else if (alt.endsWith('*')) {
        if (alt.length < 3) throw new Error(`prefix too short in: ${pattern}`);
        prefixes.push(alt.slice(0, -1));
      } else if (alt.length > 0) words.add(alt);
    };
    for (const alt of body.split('|')) {
      if (alt.startsWith('@')) {
        const list = lists[alt.slice(1)];
        if (list === undefined) throw new Error(`unknown word list ${alt} in: ${pattern}`);
        for (const item of list) add(item);
      } else add(alt);
    }
    const affixes = prefixes.length > 0 || suffixes.length > 0;
    return { words, ids: NO_IDS, affixes, prefixes, suffixes, optional, gap: 0, end: false };
  });
  const first = elements[0];
  const last = elements[elements.length - 1];
  const endMisplaced = elements.some((element, i) => element.end && i !== elements.length - 1);
  if (!first || !last || first.gap > 0 || first.optional || first.end || last.gap > 0 || endMisplaced) {
    throw new Error(`a pattern must start with a required word and end with a word: ${pattern}`);
  }
  return elements;
}

const elementMatchesText = (element: Element, text: string): boolean => {
  if (element.words.has(text)) return true;
  for (const prefix of element.prefixes) if (text.startsWith(prefix)) return true;
  for (const suffix of element.suffixes) if (text.endsWith(suffix)) return true;
  return false;
};
/** Element match for a token whose word id is `id` (-1: a word no pattern names). */
const elementMatchesAt = (element: Element, id: number, text: string): boolean => {
  if (element.ids.has(id)) return true;
  if (!element.affixes) return false;
  for (const prefix of element.prefixes) if (text.startsWith(prefix)) return true;
  for (const suffix of element.suffixes) if (text.endsWith(suffix)) return true;
  return false;
};

/** Index of the token after the match, or -1. Branching is bounded by the gaps (≤ 6 each). */
function matchFrom(
  tokens: readonly Token[],
  ids: Int32Array,
  at: number,
  elements: readonly Element[],
  e: number,
  sentence: number,
): number {
  if (e === elements.length) return at;
  const element = elements[e] as Element;
  if (element.end) {
    const next = tokens[at];
    return next === undefined || next.sentence !== sentence ? at : -1;
  }
  if (element.gap > 0) {
    for (let skip = 0; skip <= element.gap; skip++) {
      const token = tokens[at + skip];
      if (skip > 0 && (token === undefined || token.sentence !== sentence)) break;
      const end = matchFrom(tokens, ids, at + skip, elements, e + 1, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[at];
  if (
    token !== undefined &&
    token.sentence === sentence &&
    elementMatchesAt(element, ids[at] as number, token.text)
  ) {
    const end = matchFrom(tokens, ids, at + 1, elements, e + 1, sentence);
    if (end >= 0) return end;
  }
  return element.optional ? matchFrom(tokens, ids, at, elements, e + 1, sentence) : -1;
}

/**
 * A set of word ids, looked up without hashing a string: up to four ids are kept inline (most
 * elements name one to four words); larger sets are an open-addressing Int32Array behind a 32-bit
 * signature, so most words that are not in the set are turned away without touching the table.
 */
class IdSet {
  private readonly a: number;
  private readonly b: number;
  private readonly c: number;
  private readonly d: number;
  /** One bit per id (signatureBit): a set shares no id with a group of ids whose bits it misses. */
  readonly signature: number;
  private readonly table: Int32Array | undefined;
  private readonly mask: number;
  constructor(ids: readonly number[]) {
    const small = ids.length <= 4;
    this.a = small ? (ids[0] ?? -1) : -1;
    this.b = small ? (ids[1] ?? -1) : -1;
    this.c = small ? (ids[2] ?? -1) : -1;
    this.d = small ? (ids[3] ?? -1) : -1;
    let signature = 0;
    for (const id of ids) signature |= 1 << signatureBit(id);
    this.signature = signature;
    let size = 4;
    while (size < ids.length * 2) size *= 2;
    this.mask = size - 1;
    if (small) {
      this.table = undefined;
      return;
    }
    const table = new Int32Array(size).fill(-1);
    for (const id of ids) {
      let k = Math.imul(id, 0x9e3779b1) & this.mask;
      while (table[k] !== -1 && table[k] !== id) k = (k + 1) & this.mask;
      table[k] = id;
    }
    this.table = table;
  }
  has(id: number): boolean {
    if (id < 0) return false;
    const table = this.table;
    if (table === undefined) return id === this.a || id === this.b || id === this.c || id === this.d;
    if (((this.signature >>> signatureBit(id)) & 1) === 0) return false;
    let k = Math.imul(id, 0x9e3779b1) & this.mask;
    for (;;) {
      const value = table[k] as number;
      if (value === id) return true;
      if (value === -1) return false;
      k = (k + 1) & this.mask;
    }
  }
}
/** One of 32 bits per id, from the top bits of a multiplicative hash (ids of one list are consecutive). */
const signatureBit = (id: number): number => Math.imul(id, 0x9e3779b1) >>> 27;
const NO_IDS = new IdSet([]);
/** Elements naming more words than this get no signature check (their bits cover most sentences). */
const MAX_WORDS_SIGNED = 8;

/** All phrase rules, compiled once, matched in one pass over the tokens. */
export class PhraseMatcher {
  private readonly byWord = new Map<string, Compiled[]>();
  /** Patterns whose first two elements are plain words, by first word then second: most patterns. */
  private readonly byWordPair = new Map<string, Map<string, Compiled[]>>();
  /** Every word some element names, numbered: elements and pairs are matched by these ids. */
  private readonly vocab = new Map<string, number>();
  private readonly pairsById = new Map<string, Map<number, Compiled[]>>();
  private readonly byPrefix = new Map<number, Compiled[]>();
  private readonly bySuffix = new Map<number, Compiled[]>();
  private readonly compiled: Compiled[] = [];
  private readonly words = new Map<string, WordInfo>();
  /** Word ids of the tokens of the text being matched (reused; grown as needed). */
  private ids = new Int32Array(256);
  /** Word info of the tokens of the text being matched (reused). */
  private readonly infos: WordInfo[] = [];
  /** Per token of the text being matched, the signature of its sentence's word ids (reused). */
  private sentenceSignatures = new Int32Array(256);
  /** Hits per rule in the text being matched (reused). */
  private readonly counts: Int32Array;

  /** `keep` leaves patterns out (scripts/rule-usage.ts measures what removing them would do). */
  constructor(
    rules: readonly PhraseRule[],
    lists: Readonly<Record<string, readonly string[]>>,
    keep: (rule: PhraseRule, pattern: string) => boolean = () => true,
  ) {
    rules.forEach((rule, ruleIndex) => {
      for (const pattern of rule.patterns) {
        if (!keep(rule, pattern)) continue;
        const elements = compilePattern(pattern, lists);
        const required = elements.slice(1).filter((e) => e.gap === 0 && !e.optional && !e.end);
        const compiled: Compiled = {
          rule,
          pattern,
          ruleIndex,
          elements,
          anchor: required[required.length - 1],
          requiredSignatures: [],
        };
        this.compiled.push(compiled);
        const first = compiled.elements[0] as Element;
        const second = compiled.elements[1];
        const plainSecond =
          second !== undefined &&
          second.gap === 0 &&
          !second.optional &&
          !second.end &&
          second.prefixes.length === 0 &&
          second.suffixes.length === 0;
        for (const word of first.words) {
          if (!plainSecond) push(this.byWord, word, compiled);
          else {
            const seconds = this.byWordPair.get(word) ?? new Map<string, Compiled[]>();
            for (const next of second.words) push(seconds, next, compiled);
            this.byWordPair.set(word, seconds);
          }
        }
        for (const prefix of first.prefixes) push(this.byPrefix, headKey(prefix), compiled);
        for (const suffix of first.suffixes) push(this.bySuffix, tailKey(suffix), compiled);
      }
    });
    this.counts = new Int32Array(rules.length);
    for (const compiled of this.compiled)
      for (const element of compiled.elements) {
        for (const word of element.words) if (!this.vocab.has(word)) this.vocab.set(word, this.vocab.size);
        element.ids = new IdSet([...element.words].map((word) => this.vocab.get(word) as number));
      }
    for (const compiled of this.compiled)
      for (const element of compiled.elements.slice(1)) {
        const plainWord = element.gap === 0 && !element.optional && !element.end && !element.affixes;
        // An element of many words sets most of the 32 bits and would turn almost nothing away.
        if (plainWord && element.words.size <= MAX_WORDS_SIGNED)
          compiled.requiredSignatures.push(element.ids.signature);
      }
    for (const [first, seconds] of this.byWordPair) {
      const byId = new Map<number, Compiled[]>();
      for (const [second, list] of seconds) byId.set(this.vocab.get(second) as number, list);
      this.pairsById.set(first, byId);
    }
  }

  /**
   * A token's word id and the patterns that can start at it, looked up once per distinct word (a pure
   * cache, cleared when full): exact first words, first-and-second word pairs, and the patterns whose
   * first element is a prefix or suffix, already checked against the word.
   */
  private wordInfo(text: string): WordInfo {
    const cached = this.words.get(text);
    if (cached !== undefined) return cached;
    const affixed: Compiled[] = [];
    const add = (candidates: readonly Compiled[] | undefined): void => {
      for (const compiled of candidates ?? [])
        if (elementMatchesText(compiled.elements[0] as Element, text)) affixed.push(compiled);
    };
    add(this.byPrefix.get(headKey(text)));
    if (text.length >= 3) add(this.bySuffix.get(tailKey(text)));
    const info: WordInfo = {
      id: this.vocab.get(text) ?? -1,
      exact: this.byWord.get(text),
      pairs: this.pairsById.get(text),
      affixed: affixed.length > 0 ? affixed : undefined,
    };
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    this.words.set(text, info);
    return info;
  }

  find(doc: Doc): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const { tokens } = doc;
    const counts = this.counts;
    counts.fill(0);
    // Patterns whose anchor word appears nowhere in the text can never match: decide that once per
    // text and pattern (a repetitive adversarial text has few distinct words, so this is cheap).
    const prefilter = tokens.length > PREFILTER_FROM;
    const distinct = prefilter ? new Set<string>() : NO_WORDS;
    if (prefilter) for (const token of tokens) distinct.add(token.text);
    const viable = prefilter ? new Map<Compiled, boolean>() : NO_VIABLE;
    // Made only for a long text (a named closure costs a call at each creation under tsx).
    const isViable = prefilter
      ? (compiled: Compiled): boolean => {
          const anchor = compiled.anchor;
          if (anchor === undefined) return true;
          let known = viable.get(compiled);
          if (known === undefined) {
            known = false;
            if (
              anchor.prefixes.length === 0 &&
              anchor.suffixes.length === 0 &&
              anchor.words.size < distinct.size
            ) {
              for (const word of anchor.words) if (distinct.has(word)) known = true;
            } else {
              for (const word of distinct) if (elementMatchesText(anchor, word)) known = true;
            }
            viable.set(compiled, known);
          }
          return known;
        }
      : undefined;

    if (this.ids.length < tokens.length) {
      this.ids = new Int32Array(tokens.length * 2);
      this.sentenceSignatures = new Int32Array(tokens.length * 2);
    }
    const ids = this.ids;
    const infos = this.infos;
    for (let i = 0; i < tokens.length; i++) {
      const info = this.wordInfo((tokens[i] as Token).text);
      infos[i] = info;
      ids[i] = info.id;
    }
    const signatures = this.sentenceSignatures;
    signSentences(tokens, ids, signatures);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const starts = infos[i] as WordInfo;
      if (starts.exact) this.tryAll(starts.exact, tokens, ids, i, 1, hits, counts, isViable);
      const next = tokens[i + 1];
      if (starts.pairs && next !== undefined && next.sentence === token.sentence) {
        const pair = starts.pairs.get(ids[i + 1] as number);
        // The pair lookup has matched the second element (a plain word) too: go on from the third.
        if (pair) this.tryAll(pair, tokens, ids, i, 2, hits, counts, isViable);
      }
      if (starts.affixed) this.tryAll(starts.affixed, tokens, ids, i, 1, hits, counts, isViable);
    }
    return hits;
  }

  private tryAll(
    candidates: readonly Compiled[],
    tokens: readonly Token[],
    ids: Int32Array,
    i: number,
    /** Elements already matched: 1 (the first), or 2 (first and second, from the pair index). */
    matched: number,
    hits: PhraseHit[],
    counts: Int32Array,
    isViable: ((compiled: Compiled) => boolean) | undefined,
  ): void {
    const token = tokens[i] as Token;
    const sentenceSignature = this.sentenceSignatures[i] as number;
    for (const compiled of candidates) {
      const { rule, pattern, elements, ruleIndex } = compiled;
      // Every candidate's first element matches this token (see wordInfo).
      if ((counts[ruleIndex] as number) >= MAX_HITS_PER_RULE) continue;
      if (!mayFitSentence(compiled.requiredSignatures, sentenceSignature)) continue;
      if (isViable !== undefined && !isViable(compiled)) continue;
      const end = matchFrom(tokens, ids, i + matched, elements, matched, token.sentence);
      if (end < 0) continue;
      if (end <= i) continue;
      const lastToken = tokens[end - 1] as Token;
      hits.push({ rule, pattern, first: i, last: end, start: token.start, end: lastToken.end });
      counts[ruleIndex] = (counts[ruleIndex] as number) + 1;
    }
  }
}

/**
 * Each token's sentence signature: the OR of its sentence's word ids' signature bits (patterns never
 * cross a sentence, and a sentence's tokens are consecutive).
 */
function signSentences(tokens: readonly Token[], ids: Int32Array, signatures: Int32Array): void {
  let from = 0;
  while (from < tokens.length) {
    const sentence = (tokens[from] as Token).sentence;
    let to = from;
    let signature = 0;
    for (; to < tokens.length && (tokens[to] as Token).sentence === sentence; to++) {
      const id = ids[to] as number;
      if (id >= 0) signature |= 1 << signatureBit(id);
    }
    signatures.fill(signature, from, to);
    from = to;
  }
}

/** False when the sentence lacks every word of some required element (then the pattern cannot match). */
function mayFitSentence(required: readonly number[], sentenceSignature: number): boolean {
  for (let k = 0; k < required.length; k++)
    if (((required[k] as number) & sentenceSignature) === 0) return false;
  return true;
}

/** The first two / last three characters as a number: a Map key without allocating a string. */
const headKey = (text: string): number => text.charCodeAt(0) * 65536 + (text.charCodeAt(1) || 0);
const tailKey = (text: string): number => {
  const n = text.length;
  return (text.charCodeAt(n - 3) * 65536 + text.charCodeAt(n - 2)) * 65536 + text.charCodeAt(n - 1);
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
