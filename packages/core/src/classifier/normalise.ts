// Turns raw post text into word tokens that rules can match, while every token remembers the span of
// the ORIGINAL text it came from (its offset map). One left-to-right pass; no regular expressions.
//
// What it undoes, because people use it to dodge filters:
// - case, accents (é → e) and curly apostrophes;
// - leetspeak inside a word: a digit or symbol between letters reads as the letter it imitates
//   ("sh1t", "b!tch", "pr!cks"); at a word's edge it stays punctuation ("WAX!!!", "@handle");
// - masking: `*` or `#` inside or after a word is kept as a wildcard ("sh*te", "F***"), matched later
//   against the word lists by `maskedMatch`;
// - drawn-out letters ("fuuuuck" → "fuck"): runs of 3+ of the same letter collapse to one;
// - spaced-out letters ("f u c k i n g", "p.r.i.c.k"): 3+ single letters in a row join into one token.

export interface Token {
  /** Normalised text: lower case, ASCII letters/digits, `*` for a masked letter. */
  text: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Position in `Doc.tokens`. */
  index: number;
  /** Sentence number: rules never match across a sentence break. */
  sentence: number;
  /** The original word began with a capital letter. */
  capitalised: boolean;
  /** The original word was written entirely in capitals (and had 2+ letters). */
  allCaps: boolean;
  /** A masked letter (`*`, `#`) was seen inside the word. */
  masked: boolean;
}

export interface Doc {
  original: string;
  tokens: Token[];
  /** The post is mostly written in capitals (shouting): capitalisation then says nothing about names. */
  shouting: boolean;
  /** The post has no capital letters at all: a lower-case name says nothing either. */
  caseless: boolean;
  /** Sentence numbers that end with a question mark. */
  questions: ReadonlySet<number>;
  /**
   * Index of the first character at or above U+0250 (IPA and Cyrillic letters, symbols, emoji, stylised
   * and full-width letters), or -1. Most posts have none, so the families' scans for look-alike
   * letters and emoji are skipped instead of each walking the whole text.
   */
  wideFrom: number;
}

/** A character at or above U+0250 (surrogate halves included: every astral character has them). */
const WIDE_CHARACTER = /[\u0250-\uffff]/;

// Emoji that carry meaning read as the word they stand for ("🔪" is a knife, "📹" a video).
const EMOJI_WORDS: ReadonlyMap<number, string> = new Map([
  [0x1f52a, 'knife'],
  [0x1f5e1, 'knife'],
  [0x1f52b, 'gun'],
  [0x1f4a3, 'bomb'],
  [0x1f4f8, 'camera'],
  [0x1f4f7, 'camera'],
  [0x1f4f9, 'video'],
  [0x1f3a5, 'video'],
  [0x1f921, 'clown'],
  [0x1f595, 'fuck'],
  [0x1f621, 'angry'],
  [0x1f92c, 'angry'],
  [0x1f624, 'angry'],
]);

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '€': 'e',
};

/** Longest spelt-out word worth joining ("m o t h e r f u c k e r" is 12). */
const MAX_SPACED_WORD = 24;
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'st', 'prof']);
const MASK = new Set(['*', '#']);
const APOSTROPHES = new Set(["'", '’', '‘', '`']);
/** `.`, `!`, `?`, a line break and `;` end a sentence. */
const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 10 || c === 59;

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Latin letters with diacritics fold to their base letter (the common Western European range).
const FOLD_FROM = 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ' + 'ąćęłńśźżčďěňřšťůžőűāēīōūğış';
const FOLD_TO = 'aaaaaaceeeeiiiinoooooouuuuyy' + 'acelnszzcdenrstuzouaeiougis';

function letterOf(ch: string): string | null {
  const code = ch.charCodeAt(0);
  if (isAsciiLetter(code)) return ch.toLowerCase();
  if (code < 192) return null;
  const lower = ch.toLowerCase();
  const at = FOLD_FROM.indexOf(lower);
  if (at >= 0) return FOLD_TO[at] ?? null;
  if (lower === 'ß') return 's';
  return null;
}

interface RawWord {
  index: number;
  text: string;
  start: number;
  end: number;
  capitalised: boolean;
  allCaps: boolean;
  masked: boolean;
  sentence: number;
}

/** True when the character at `j` could carry a word on (digit, apostrophe, mask, leet, accented letter). */
function continuesWord(original: string, j: number): boolean {
  const c = original.charCodeAt(j);
  if (isDigit(c) || c >= 128) return true;
  // The ASCII apostrophes, masks and leet symbols: ' ` * # @ $ ! | (see APOSTROPHES, MASK, LEET).
  return c === 39 || c === 96 || c === 42 || c === 35 || c === 64 || c === 36 || c === 33 || c === 124;
}

/** Collapses runs of 3 or more identical letters to one ("sooooo" → "so", "fuuuck" → "fuck"). */
function collapseRuns(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i] as string;
    let j = i + 1;
    while (j < word.length && word[j] === ch) j++;
    const run = j - i;
    out += run >= 3 && ch !== '*' ? ch : word.slice(i, j);
    i = j;
  }
  return out;
}

/**
 * @param isWord optional dictionary: lets "a f u c k" read as "a" + "fuck" rather than "afuck" when the
 * run without its leading "a"/"i" is a known word and the whole run is not.
 */
export function tokenize(original: string, isWord?: (word: string) => boolean): Doc {
  const words: RawWord[] = [];
  const n = original.length;
  let sentence = 0;
  let upperLetters = 0;
  let letters = 0;
  const questions = new Set<number>();
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    // A space separates words and ends nothing (the most common character after letters).
    if (code === 32) {
      i++;
      continue;
    }
    // Fast path: a plain ASCII word (the common case) is sliced and lower-cased in one go.
    if (isAsciiLetter(code)) {
      let j = i + 1;
      let upperHere = code <= 90 ? 1 : 0;
      let runs = false;
      while (j < n) {
        const c = original.charCodeAt(j);
        if (!isAsciiLetter(c)) break;
        if (c <= 90) upperHere++;
        if (
          j - i >= 2 &&
          (c | 32) === (original.charCodeAt(j - 1) | 32) &&
          (c | 32) === (original.charCodeAt(j - 2) | 32)
        )
          runs = true;
        j++;
      }
      if (j >= n || !continuesWord(original, j)) {
        const lettersHere = j - i;
        letters += lettersHere;
        upperLetters += upperHere;
        const lower = original.slice(i, j).toLowerCase();
        words.push({
          index: words.length,
          text: runs ? collapseRuns(lower) : lower,
          start: i,
          end: j,
          capitalised: code <= 90,
          allCaps: lettersHere >= 2 && upperHere === lettersHere,
          masked: false,
          sentence,
        });
        i = j;
        continue;
      }
    }
    const ch = original[i] as string;
    const first = code < 128 ? (isAsciiLetter(code) ? ch : null) : letterOf(ch);
    if (code >= 0xd800 && code <= 0xdbff) {
      const word = EMOJI_WORDS.get(original.codePointAt(i) ?? 0);
      if (word !== undefined) {
        words.push({
          index: words.length,
          text: word,
          start: i,
          end: i + 2,
          capitalised: false,
          allCaps: false,
          masked: false,
          sentence,
        });
      }
      i += 2;
      continue;
    }
    if (first === null && !isDigit(code)) {
      if (code === 63) questions.add(sentence);
      // "Dr. Shah" is one sentence: a full stop straight after a title is an abbreviation.
      const previous = words[words.length - 1];
      const abbreviation =
        code === 46 &&
        ((previous?.end === i && TITLES.has(previous.text)) ||
          // "p.r.i.c.k", "e.g.": a full stop between letters is not the end of a sentence.
          (letterOf(original[i - 1] ?? ' ') !== null && letterOf(original[i + 1] ?? ' ') !== null));
      if (!abbreviation && isSentenceEnd(code)) sentence++;
      i++;
      continue;
    }
    // A word: letters and digits, with apostrophes, leet symbols and masks allowed inside it.
    const start = i;
    let text = '';
    let capitalised = false;
    let lettersHere = 0;
    let upperHere = 0;
    let masked = false;
    let j = i;
    while (j < n) {
      const c = original[j] as string;
      const cc = c.charCodeAt(0);
      const letter = letterOf(c);
      if (letter !== null) {
        if (j === start) capitalised = c !== letter && c === c.toUpperCase();
        if (c !== letter && c === c.toUpperCase()) upperHere++;
        lettersHere++;
        text += letter;
        j++;
        continue;
      }
      if (isDigit(cc)) {
        // A digit between letters is leetspeak ("sh1t"); otherwise it is part of a number ("10mg").
        const prevIsLetter = text.length > 0 && letterOf(original[j - 1] as string) !== null;
        const next = original[j + 1];
        const nextIsLetter = next !== undefined && letterOf(next) !== null;
        const leet = LEET[c];
        text += prevIsLetter && nextIsLetter && leet !== undefined ? leet : c;
        j++;
        continue;
      }
      if (APOSTROPHES.has(c)) {
        const next = original[j + 1];
        if (text.length > 0 && next !== undefined && letterOf(next) !== null) {
          j++; // "don't" → "dont", "Jake's" → "jakes"
          continue;
        }
        break;
      }
      if (MASK.has(c) && text.length > 0 && letterOf(original[start] as string) !== null) {
        // "sh*te", "F***", "b*stards": keep the mask as a wildcard letter.
        masked = true;
        text += '*';
        j++;
        continue;
      }
      const leet = LEET[c];
      if (leet !== undefined && text.length > 0) {
        // A symbol counts as a letter only with a letter after it (after a run of symbols).
        let k = j;
        while (k < n && LEET[original[k] as string] !== undefined) k++;
        const after = original[k];
        if (after !== undefined && letterOf(after) !== null && k - j <= 2) {
          for (let m = j; m < k; m++) text += LEET[original[m] as string];
          j = k;
          continue;
        }
      }
      break;
    }
    // Trailing masks with no letters after them belong to the word only if it is short ("F***").
    letters += lettersHere;
    upperLetters += upperHere;
    words.push({
      index: words.length,
      text: collapseRuns(text),
      start,
      end: j,
      capitalised,
      allCaps: lettersHere >= 2 && upperHere === lettersHere,
      masked,
      sentence,
    });
    i = j;
  }

  // Spaced-out letters are rare: only rebuild the list when a run of single letters was seen.
  const joined = hasLetterRun(words);
  const tokens = (joined ? joinSpacedLetters(words, original, isWord) : words) as Token[];
  // Words were numbered as they were pushed; only a joined list needs renumbering.
  if (joined) for (let k = 0; k < tokens.length; k++) (tokens[k] as Token).index = k;
  return {
    original,
    tokens,
    shouting: letters >= 12 && upperLetters / letters > 0.6,
    caseless: upperLetters === 0,
    questions,
    wideFrom: original.search(WIDE_CHARACTER),
  };
}

function hasLetterRun(words: readonly RawWord[]): boolean {
  let run = 0;
  for (const w of words) {
    run = w.text.length === 1 ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/** "f u c k i n g" → one token "fucking" spanning the whole run (3+ single letters, small gaps). */
function joinSpacedLetters(
  words: RawWord[],
  original: string,
  isWord?: (word: string) => boolean,
): RawWord[] {
  const out: RawWord[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as RawWord;
    if (w.text.length === 1 && isAsciiLetter(w.text.charCodeAt(0))) {
      let j = i + 1;
      while (j < words.length) {
        const prev = words[j - 1] as RawWord;
        const next = words[j] as RawWord;
        if (next.text.length !== 1 || !isAsciiLetter(next.text.charCodeAt(0))) break;
        if (next.start - prev.end > 2 || next.sentence !== w.sentence) break;
        if (original.slice(prev.end, next.start).includes('\n')) break;
        j++;
      }
      if (j - i > MAX_SPACED_WORD) {
        // Too long to be one spelt-out word: leave the letters as they are (and never rescan them).
        for (let k = i; k < j; k++) out.push(words[k] as RawWord);
        i = j;
        continue;
      }
      if (j - i >= 4 && isWord && (w.text === 'a' || w.text === 'i')) {
        let rest = '';
        for (let k = i + 1; k < j; k++) rest += (words[k] as RawWord).text;
        let whole = w.text + rest;
        whole = collapseRuns(whole);
        if (!isWord(whole) && isWord(collapseRuns(rest))) {
          out.push(w); // the article stands alone; the run after it is the word
          i++;
          continue;
        }
      }
      if (j - i >= 3) {
        const last = words[j - 1] as RawWord;
        let text = '';
        for (let k = i; k < j; k++) text += (words[k] as RawWord).text;
        out.push({ ...w, text: collapseRuns(text), end: last.end, allCaps: false });
        i = j;
        continue;
      }
    }
    out.push(w);
    i++;
  }
  return out;
}

/**
 * A masked token ("f***", "sh*te") matches a listed word of the same length whose letters agree
 * wherever the token is not masked, and which starts with the same letter.
 */
export function maskedMatch(token: string, word: string): boolean {
  if (token.length !== word.length || token[0] !== word[0]) return false;
  for (let i = 1; i < token.length; i++) {
    const t = token[i];
    if (t !== '*' && t !== word[i]) return false;
  }
  return true;
}

/** Index of the first token starting at or after `offset` (binary search: tokens are in text order). */
export function tokenIndexAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
