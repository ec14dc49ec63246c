// abusive: insulting, harassing, obscene or profane language.
//
// Words are matched as whole tokens, never as substrings, which is what keeps "Scunthorpe",
// "Penistone", "Cockermouth", "class" and "assess" clean. Obfuscation is undone before matching:
// leetspeak and spacing by the normaliser, masks ("sh*te", "F***") by `resolveMasked` below, and
// look-alike Unicode letters ("𝔟ⁱẗ𝙘ɦ") by the `obscenity` package, run only when the text has them.

import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { Doc } from '../normalise.js';
import { maskedMatch } from '../normalise.js';
import type { PhraseHit, PhraseRule } from '../phrases.js';
import { SLURS } from './discriminatory.js';
import TABLE_JSON from './tables/abusive.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import type { Hit, RuleFamily } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const PROFANITY: readonly string[] = TABLE.lists.profanity;
const HARD_INSULTS: readonly string[] = TABLE.lists.hardInsult;
const SOFT_INSULTS: readonly string[] = TABLE.lists.softInsult;
export const ABUSIVE_LISTS = TABLE.lists;
export const ABUSIVE_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

/** Profanity and obscene insults: one of these anywhere is abusive. */

/** Insults that are insults on their own. */

/** Words that insult only when aimed ("you mug", "absolute melt", "silly cow"). */

/** Masked tokens ("f***", "sh*te", "b*stards") resolve to a listed word they could only be. */
export const MASKABLE = [...PROFANITY, ...HARD_INSULTS, ...SOFT_INSULTS, ...SLURS];

/** Listed words by length and first letter: a masked token is compared with a handful, not all. */
const MASKABLE_INDEX = new Map<string, string[]>();
for (const word of MASKABLE) {
  const key = `${word.length}:${word[0]}`;
  MASKABLE_INDEX.set(key, [...(MASKABLE_INDEX.get(key) ?? []), word]);
}

export function resolveMasked(doc: Doc): void {
  for (const token of doc.tokens) {
    if (!token.masked) continue;
    const candidates = MASKABLE_INDEX.get(`${token.text.length}:${token.text[0]}`) ?? [];
    const word = candidates.find((candidate) => maskedMatch(token.text, candidate));
    if (word !== undefined) token.text = word;
  }
}

// ---------------------------------------------------------------- look-alike Unicode (obscenity)

let matcher: RegExpMatcher | undefined;

/** Letters outside plain ASCII that people use to dodge filters: accented, stylised, full-width. */
function hasLookalikeLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x250) continue;
    const point = text.codePointAt(i) ?? 0;
    if (
      (point >= 0x250 && point <= 0x2af) || // IPA letters (ʃ, ɦ)
      (point >= 0x1d00 && point <= 0x1eff) || // phonetic and Latin extended additional (ṳ, ẗ)
      (point >= 0x2070 && point <= 0x209f) || // super- and subscripts (ⁱ)
      (point >= 0xff21 && point <= 0xff5a) || // full-width letters
      (point >= 0x1d400 && point <= 0x1d7ff) || // mathematical alphanumerics (𝔟, 𝙘)
      (point >= 0x400 && point <= 0x4ff) // Cyrillic look-alikes (о, с)
    ) {
      return true;
    }
  }
  return false;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /\p{L}|\p{N}/u.test(ch);

/**
 * Profanity spelt with look-alike Unicode letters, found by `obscenity`. Only whole words count:
 * a match inside a longer word is the Scunthorpe problem, not abuse.
 */
export function lookalikeProfanity(text: string): Hit[] {
  if (!hasLookalikeLetters(text)) return [];
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const hits: Hit[] = [];
  for (const match of matcher.getAllMatches(text, true)) {
    const { startIndex, endIndex } = englishDataset.getPayloadWithPhraseMetadata(match);
    const end = endIndex + 1 + ((text.codePointAt(endIndex) ?? 0) > 0xffff ? 1 : 0);
    if (isWordChar(text[startIndex - 1]) || isWordChar(text[end])) continue;
    hits.push({
      category: 'abusive',
      ruleId: 'abusive.profanity_lookalike',
      start: startIndex,
      end,
      confidence: 0.8,
    });
  }
  return hits;
}

/** "slag (someone) off" is an idiom for criticising, not an insult. */
function slagOff(doc: Doc, hit: Hit): boolean {
  const at = hit.first;
  if (at === undefined || doc.tokens[at]?.text !== 'slag') return false;
  const sentence = doc.tokens[at]?.sentence;
  for (let k = at + 1; k <= at + 3; k++) {
    const token = doc.tokens[k];
    if (!token || token.sentence !== sentence) return false;
    if (token.text === 'off') return true;
  }
  return false;
}

/** After "you absolute …": praise and affection, or no noun at all. */
const NOT_AN_INSULT: ReadonlySet<string> = new Set(TABLE.lists.abNotAnInsult);

/** "you absolute <noun>": abusive when a noun follows in the same sentence and it is not praise. */
function youAdjective(doc: Doc, hits: readonly PhraseHit[]): Hit[] {
  const found: Hit[] = [];
  for (const h of hits) {
    const next = doc.tokens[h.last];
    const adjective = doc.tokens[h.last - 1];
    if (!next || !adjective || next.sentence !== adjective.sentence) continue;
    if (NOT_AN_INSULT.has(next.text) || !/^[a-z]{2,}$/.test(next.text)) continue;
    found.push({
      category: 'abusive',
      ruleId: 'abusive.aimed_insult',
      start: h.start,
      end: next.end,
      confidence: 0.75,
      first: h.first,
      last: h.last + 1,
    });
  }
  return found;
}

/** A bare emoji (🤡) is a reaction, not an insult, unless aimed ("you 🤡" is `aimed_insult`). */
function emojiOnly(doc: Doc, hit: Hit): boolean {
  if (hit.ruleId !== 'abusive.insult') return false;
  const code = doc.original.charCodeAt(hit.start);
  return code >= 0xd800 && code <= 0xdbff;
}

export const abusive: RuleFamily = {
  name: 'abusive',
  lists: ABUSIVE_LISTS,
  rules: ABUSIVE_RULES,
  derive: (input, direct) => [
    ...direct.filter((hit) => !slagOff(input.doc, hit) && !emojiOnly(input.doc, hit)),
    ...youAdjective(input.doc, input.hitsOf('abusive.you_adjective')),
    // Look-alike letters are all at or above U+0250: a post without such characters has none.
    ...(input.doc.wideFrom < 0 ? [] : lookalikeProfanity(input.doc.original)),
  ],
};
