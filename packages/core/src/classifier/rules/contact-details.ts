// Contact details in a post — UK phone numbers and links to video platforms — and what they mean for
// the policy (tables/phone-numbers.json and tables/links.json say it in words, with examples):
//   - a phone number beside another person's name: patient_identifiable (patient_identifiable.name_phone)
//   - a member of staff's personal number or home address: identifies_staff, and with menace in the
//     post ("I know where he parks", "tick tock") also threat
//   - a link to a video platform beside staff, reception, the waiting room or filming: recording
// Not findings: the practice's own published line ("ring the surgery on …"), NHS 111, reference and
// booking numbers, a number with nobody named beside it, a link to nhs.uk, a how-to or advice video.
//
// Phone numbers are found in the original text (the tokenizer folds repeated digits), in one pass.

import { WORD_LISTS } from '../lexicon.js';
import type { PersonName } from '../names.js';
import { type Doc, type Token, tokenIndexAt } from '../normalise.js';
import type { PhraseHit, PhraseRule } from '../phrases.js';
import LINKS_JSON from './tables/links.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import PHONE_JSON from './tables/phone-numbers.json' with { type: 'json' };
import { type Hit, hitFrom, type RuleInput } from './types.js';

const PHONE_TABLE = ruleTable(PHONE_JSON);
const LINKS_TABLE = ruleTable(LINKS_JSON);
export const PHONE_LISTS = PHONE_TABLE.lists;
export const PHONE_RULES: PhraseRule[] = phraseRulesOf(PHONE_TABLE.rules);
export const LINK_LISTS = LINKS_TABLE.lists;
export const LINK_RULES: PhraseRule[] = phraseRulesOf(LINKS_TABLE.rules);

export interface PhoneNumber {
  /** Token range, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The number in national form: 11 digits from 0. */
  national: string;
}

/** A run that may be a UK number: +44 or 0, then 9–10 more digits with spaces, dots, dashes or brackets. */
const CANDIDATE = /(?:\+44[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)\d(?:[\s.()-]{0,2}\d){8,10}/g;
/** Numbers in use in the UK: geographic (01, 02), non-geographic (03, 08) and mobile (071–079). */
const UK_NUMBER = /^0(?:[1238]\d{9}|7[1-9]\d{8})$/;
const MAX_NUMBERS = 20;

/** UK phone numbers in the post, as national numbers with their token range. */
export function findUkPhoneNumbers(doc: Doc): PhoneNumber[] {
  const found: PhoneNumber[] = [];
  const text = doc.original;
  for (const match of text.matchAll(CANDIDATE)) {
    if (found.length >= MAX_NUMBERS) break;
    const start = match.index;
    const end = start + match[0].length;
    // Part of a longer run of digits (an order number, a card) is not a phone number.
    if (/[\d+]/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? '')) continue;
    let digits = match[0].replace(/\D/g, '');
    if (digits.startsWith('44')) digits = digits.startsWith('440') ? digits.slice(2) : `0${digits.slice(2)}`;
    if (!UK_NUMBER.test(digits)) continue;
    const first = tokenIndexAt(doc, start);
    let last = first;
    while (last < doc.tokens.length && (doc.tokens[last] as Token).start < end) last++;
    if (last === first) continue;
    found.push({ first, last, start, end, national: digits });
  }
  return found;
}

const ROLE_WORDS: ReadonlySet<string> = new Set([...WORD_LISTS.role, ...WORD_LISTS.rolePlural]);
/**
 * Cues that make a post menacing (critical-backstop.json, threat.json). Knowing where someone lives or
 * parks is not among them: posting an address says that much already.
 */
const MENACE_RULES = [
  'threat.veiled',
  'critical_backstop.menace',
  'critical_backstop.retribution',
  'critical_backstop.ultimatum',
  'critical_backstop.emphasis',
  'critical_backstop.veiledStrong',
];
const NEAR = 8;

type Range = { first: number; last: number };
const gap = (a: Range, b: Range): number =>
  a.last <= b.first ? b.first - a.last : a.first >= b.last ? a.first - b.last : 0;
/** In the same sentence, at most `within` tokens apart. */
const near = (tokens: readonly Token[], a: Range, b: Range, within = NEAR): boolean =>
  (tokens[a.first] as Token).sentence === (tokens[b.first] as Token).sentence && gap(a, b) <= within;

/** A member of staff named, or a job at the practice, beside the range. */
function staffNear(input: RuleInput, range: Range): Range | undefined {
  const { tokens } = input.doc;
  const mention = input.staff.find((m) => near(tokens, m, range, 10));
  if (mention) return mention;
  for (let k = Math.max(0, range.first - 10); k < Math.min(tokens.length, range.last + 10); k++)
    if (ROLE_WORDS.has((tokens[k] as Token).text) && near(tokens, { first: k, last: k + 1 }, range, 10))
      return { first: k, last: k + 1 };
  return undefined;
}

const menacing = (input: RuleInput): boolean =>
  input.found.has('threat') || MENACE_RULES.some((id) => input.hitsOf(id).length > 0);

const spanOf = (tokens: readonly Token[], a: Range, b: Range) => {
  const first = Math.min(a.first, b.first);
  const last = Math.max(a.last, b.last);
  return { first, last, start: (tokens[first] as Token).start, end: (tokens[last - 1] as Token).end };
};

/**
 * Findings from phone numbers (and staff home addresses, found by the caller): someone else's number,
 * a member of staff's personal details, and those details posted with menace.
 */
export function contactDetailHits(
  input: RuleInput,
  people: readonly PersonName[],
  addresses: readonly Range[],
): Hit[] {
  const { doc } = input;
  const { tokens } = doc;
  const hits: Hit[] = [];
  const numbers = findUkPhoneNumbers(doc);
  if (numbers.length === 0 && addresses.length === 0) return hits;
  const practiceLine = input.hitsOf('phone_numbers.practice_line');
  const reference = input.hitsOf('phone_numbers.reference');
  const personal = input.hitsOf('phone_numbers.personal');
  const isPersonal = (range: Range) => personal.some((h) => near(tokens, h, range));
  const practiceWordNear = (range: Range) => {
    for (let k = Math.max(0, range.first - NEAR); k < Math.min(tokens.length, range.last + NEAR); k++)
      if (
        input.practiceWords.has((tokens[k] as Token).text) &&
        near(tokens, { first: k, last: k + 1 }, range)
      )
        return true;
    return false;
  };
  const staffDetails: { range: Range; staff: Range }[] = [];
  for (const number of numbers) {
    if (reference.some((h) => h.last <= number.first && near(tokens, h, number, 3))) continue;
    const published = practiceLine.some((h) => near(tokens, h, number)) || practiceWordNear(number);
    const staff = staffNear(input, number);
    // A member of staff's own number (said to be theirs), not the practice's line beside their name.
    if (staff && isPersonal(number) && !practiceLine.some((h) => near(tokens, h, number))) {
      staffDetails.push({ range: number, staff });
      continue;
    }
    if (published) continue;
    // Beside the number, or named in the sentence before it when the number is said to be theirs
    // ("Anyone know Karen Pike? Her number is …").
    const sentence = (tokens[number.first] as Token).sentence;
    const person =
      people.find((p) => near(tokens, p, number, 10)) ??
      (isPersonal(number)
        ? people.find((p) => (tokens[p.first] as Token).sentence === sentence - 1)
        : undefined);
    if (person)
      hits.push({
        category: 'patient_identifiable',
        ruleId: 'patient_identifiable.name_phone',
        ...spanOf(tokens, person, number),
        confidence: 0.85,
      });
  }
  for (const address of addresses) {
    const staff = staffNear(input, address);
    if (staff && isPersonal(address)) staffDetails.push({ range: address, staff });
  }
  if (staffDetails.length === 0) return hits;
  const threat = menacing(input);
  for (const { range, staff } of staffDetails.slice(0, MAX_NUMBERS)) {
    const span = spanOf(tokens, staff, range);
    hits.push({
      category: 'identifies_staff',
      ruleId: 'identifies_staff.contact_details',
      ...span,
      confidence: 0.9,
    });
    if (threat)
      hits.push({ category: 'threat', ruleId: 'threat.staff_contact_details', ...span, confidence: 0.8 });
  }
  return hits;
}

/** A link to a video platform beside staff, reception, the waiting room or filming, and not advice. */
export function videoLinkHits(input: RuleInput): Hit[] {
  const links = input.hitsOf('links.video_host');
  if (links.length === 0) return [];
  const { tokens } = input.doc;
  const sentenceOf = (h: PhraseHit | Range) => (tokens[h.first] as Token).sentence;
  const close = (a: PhraseHit | Range, b: PhraseHit | Range) => Math.abs(sentenceOf(a) - sentenceOf(b)) <= 1;
  const information = input.hitsOf('links.information');
  const subject = [...input.hitsOf('links.subject'), ...input.staff];
  return links
    .filter((link) => !information.some((h) => close(h, link)) && subject.some((h) => close(h, link)))
    .map((link) => hitFrom(link, 'recording', 'recording.video_link', 0.8));
}
