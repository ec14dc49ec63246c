// discriminatory: racist or other hateful content about a protected characteristic (race,
// nationality, religion, sex, sexual orientation, gender identity, disability, age).
//
// Two ways in: a slur (also abusive), or a protected group named in the same sentence as hostility
// towards it ("send them back", "shouldn't be GPs", "full of …", "keep that away from my kids").
// Naming a group alone is not hostile: "is there a female doctor?" is a legitimate preference.

import { WORD_LISTS } from '../lexicon.js';
import type { Doc, Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import TABLE_JSON from './tables/discriminatory.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import { type Hit, hitFrom, type RuleFamily, type RuleInput } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const SLURS: readonly string[] = TABLE.lists.slur;
export const DISCRIMINATORY_LISTS = TABLE.lists;
export const DISCRIMINATORY_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

/** Names of protected groups (plural or generic forms: singular adjectives are common and benign). */

/** Protected groups as nouns for people: what a contemptuous adjective or a dehumanising word is aimed at. */

/** Adjectives of contempt that make a group name an insult ("bloody foreigners", "scrounging migrants"). */

/** Words that deny a group its humanity: with a group in the same or the next sentence. */

/** Religious dress, named to single people out ("another one in a headscarf"). */

export const discriminatory: RuleFamily = {
  name: 'discriminatory',
  lists: DISCRIMINATORY_LISTS,
  rules: DISCRIMINATORY_RULES,
  // A slur is abusive as well as discriminatory.
  derive: (input, direct) => {
    const found = [
      ...direct.filter(
        (hit) =>
          !ownFamilysEnglish(input.doc.tokens, hit) &&
          !ownTrip(input.doc.tokens, hit) &&
          !placeName(input.doc, hit),
      ),
      ...obfuscatedSlurs(input.doc.tokens),
      ...(input.doc.wideFrom < 0 ? [] : lookalikeSlurs(input.doc.original)),
      ...localsOnly(input.doc.tokens),
    ];
    found.push(...dehumanised(input));
    if (input.hitsOf('discriminatory.disability_named').length > 0)
      found.push(
        ...input
          .hitsOf('discriminatory.disability_resentment')
          .map((h) => hitFrom(h, 'discriminatory', 'discriminatory.group_hostility', 0.7)),
      );
    return [
      ...found,
      ...found
        .filter((hit) => hit.ruleId === 'discriminatory.slur')
        .map((hit) => ({ ...hit, category: 'abusive' as const, ruleId: 'abusive.slur' })),
    ];
  },
};

/**
 * A dehumanising word ("freaks", "parasites") in the sentence of a protected group or the next one
 * ("posters for trans patients. Waste of money on mentally ill freaks"); "two-tier Britain" with a group
 * anywhere in the post. "freaks out" is a verb.
 */
function dehumanised(input: RuleInput): Hit[] {
  const { tokens } = input.doc;
  const groups = input.hitsOf('discriminatory.group_named');
  if (groups.length === 0) return [];
  const sentences = new Set<number>();
  for (const g of groups) {
    const s = (tokens[g.first] as Token).sentence;
    sentences.add(s);
    sentences.add(s + 1);
  }
  const hits: Hit[] = [];
  for (const h of [
    ...input.hitsOf('discriminatory.dehumanising'),
    ...input.hitsOf('discriminatory.keep_from_children'),
  ]) {
    if (tokens[h.last]?.text === 'out') continue;
    if (!sentences.has((tokens[h.first] as Token).sentence)) continue;
    hits.push(
      hitFrom(
        h,
        'discriminatory',
        h.rule.id === 'discriminatory.dehumanising' ? h.rule.id : 'discriminatory.group_hostility',
        0.75,
      ),
    );
  }
  for (const h of input.hitsOf('discriminatory.two_tier'))
    hits.push(hitFrom(h, 'discriminatory', 'discriminatory.group_hostility', 0.7));
  return hits;
}

const OWN_PEOPLE: ReadonlySet<string> = new Set([...WORD_LISTS.self, ...WORD_LISTS.relative, 'we', 'our']);

/** "My mum can barely speak English": the author's own family, not a group put down. */
function ownFamilysEnglish(tokens: readonly Token[], hit: Hit): boolean {
  if (hit.first === undefined || hit.last === undefined) return false;
  let speaks = false;
  for (let k = hit.first; k < hit.last; k++) if ((tokens[k] as Token).text === 'speak') speaks = true;
  if (!speaks) return false;
  const sentence = (tokens[hit.first] as Token).sentence;
  for (let k = hit.first - 1; k >= 0 && k >= hit.first - 4; k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence) return false;
    if (OWN_PEOPLE.has(t.text)) return true;
  }
  return false;
}

const TRAVEL: ReadonlySet<string> = new Set(TABLE.lists.discTravel);
const TRAVELLER: ReadonlySet<string> = new Set(TABLE.lists.discTraveller);
/** "I'm going back to Spain in June": the writer travelling, not someone told to go back. */
function ownTrip(tokens: readonly Token[], hit: Hit): boolean {
  if (hit.ruleId !== 'discriminatory.hostile_phrase' || hit.first === undefined) return false;
  const at = tokens[hit.first] as Token;
  if (!TRAVEL.has(at.text) || tokens[hit.first + 1]?.text !== 'back') return false;
  for (let k = hit.first - 1; k >= 0 && k >= hit.first - 2; k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== at.sentence) return false;
    if (TRAVELLER.has(t.text)) return true;
  }
  return false;
}

const SLUR_SET = new Set(SLURS);
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

/** Two of the same letter in a row become one ("paaki" → "paki"). */
const squash = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) if (text[i] !== text[i - 1]) out += text[i];
  return out;
};
/**
 * Slurs with doubled letters squashed, for "paaki" or "niggga". Short forms and forms that are
 * ordinary words ("niger", "con") are left out.
 */
const SQUASHED_SLURS: ReadonlySet<string> = new Set(
  SLURS.map(squash).filter((w) => w.length >= 4 && !['niger', 'fagot'].includes(w)),
);

/** First letter of every slur, for a cheap first test (a digit may stand for it: "n1gger", "5pastic"). */
const SLUR_FIRST = new Uint8Array(128);
for (const w of SLURS) SLUR_FIRST[w.charCodeAt(0)] = 1;
for (let d = 48; d <= 57; d++) SLUR_FIRST[d] = 1;
/** The first two letters of every squashed slur: a doubled-letter token is squashed only if it starts so. */
const SQUASHED_HEAD: ReadonlySet<string> = new Set([...SQUASHED_SLURS].map((w) => w.slice(0, 2)));
/** The first two different letters of a word ("paaki" → "pa"). */
const head = (text: string): string => {
  let k = 1;
  while (k < text.length && text[k] === text[0]) k++;
  return (text[0] as string) + (text[k] ?? '');
};

const slurHit = (start: number, end: number): Hit => ({
  category: 'discriminatory',
  ruleId: 'discriminatory.slur',
  start,
  end,
  confidence: 0.9,
});

/**
 * "c00n", "ni99er": digits standing for letters, which the normaliser leaves alone when doubled;
 * "paaki": a letter doubled to dodge a filter.
 */
function obfuscatedSlurs(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  for (const t of tokens) {
    const text = t.text;
    const n = text.length;
    if (n < 4 || n > 16 || SLUR_FIRST[text.charCodeAt(0)] !== 1) continue;
    let digits = false;
    let doubled = false;
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits = true;
      else if (c === previous) doubled = true;
      previous = c;
    }
    if (!digits && (!doubled || !SQUASHED_HEAD.has(head(text)))) continue;
    const letters = digits ? text.replace(/[0-9]/g, (d) => LEET[d] ?? d) : text;
    if (!/^[a-z]+$/.test(letters)) continue;
    if ((digits && SLUR_SET.has(letters)) || (!SLUR_SET.has(letters) && SQUASHED_SLURS.has(squash(letters))))
      hits.push(slurHit(t.start, t.end));
  }
  return hits;
}

/** Look-alike Unicode letters (𝓹𝓪𝓴𝓲, ｐａｋｉ): a word folded to plain letters (NFKD) is checked. */
function lookalikeSlurs(original: string): Hit[] {
  let fancy = false;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 0xd835 || (c >= 0xff21 && c <= 0xff5a)) {
      fancy = true;
      break;
    }
  }
  if (!fancy) return [];
  const hits: Hit[] = [];
  let i = 0;
  while (i < original.length) {
    while (i < original.length && /\s/.test(original[i] as string)) i++;
    const start = i;
    while (i < original.length && !/\s/.test(original[i] as string)) i++;
    if (i - start > 64) continue;
    const word = original
      .slice(start, i)
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (word.length >= 3 && (SLUR_SET.has(word) || SQUASHED_SLURS.has(squash(word))))
      hits.push(slurHit(start, i));
  }
  return hits;
}

/** "Dyke Road", "Offa's Dyke": a capitalised slur word beside another capitalised word is a place. */
function placeName(doc: Doc, hit: Hit): boolean {
  if (hit.ruleId !== 'discriminatory.slur' || hit.first === undefined || doc.shouting) return false;
  const t = doc.tokens[hit.first] as Token;
  if (!t.capitalised) return false;
  const next = doc.tokens[hit.first + 1];
  const prev = doc.tokens[hit.first - 1];
  return (
    (next?.capitalised === true && next.sentence === t.sentence) ||
    (prev?.capitalised === true && prev.sentence === t.sentence && prev.index > 0)
  );
}

const FOR_WHOM: ReadonlySet<string> = new Set(TABLE.lists.discForWhom);

/** "Brockmere for Brockmere people", "Britain for the British": a place kept for its own. */
function localsOnly(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    const [a, f, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]] as Token[];
    if (!a || !f || !b || !c || f.text !== 'for' || a.text !== b.text || !FOR_WHOM.has(c.text)) continue;
    if (a.sentence !== c.sentence || a.text.length < 3) continue;
    hits.push({
      category: 'discriminatory',
      ruleId: 'discriminatory.hostile_phrase',
      start: a.start,
      end: c.end,
      confidence: 0.7,
    });
  }
  return hits;
}
