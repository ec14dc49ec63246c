// patient_identifiable: the post discloses identifiable information about another patient.
//
//   patient_identifiable.nhs_number      a 10-digit number with a valid modulus-11 check digit;
//                                         0.95 with "NHS" just before it, 0.5 without context,
//                                         never with an invalid check digit, after "order/ref/account
//                                         number", or when it is the author's own ("my NHS number")
//   patient_identifiable.name_condition  a named person (not staff) and a medical detail or a
//                                         sensitive service in the same post
//   patient_identifiable.name_dob        a named person and a date of birth ("14/02/1941", "born 1938")
//   patient_identifiable.name_address    a person and their address ("42 Station Road", "on Mill Lane")
//
// Not another patient: the author signing off ("Mrs D. Whitaker", "Name is Mrs Royle"), a commenter
// addressed by handle ("@Debbie Lowe"), a member of staff (identifies_staff instead).

import { WORD_LISTS } from '../lexicon.js';
import { findPersonNames, type PersonName } from '../names.js';
import { findTenDigitNumbers, isValidNhsNumber } from '../nhs-number.js';
import { type Doc, type Token, tokenIndexAt } from '../normalise.js';
import type { PhraseHit, PhraseRule } from '../phrases.js';
import { contactDetailHits, PHONE_LISTS, PHONE_RULES } from './contact-details.js';
import { phraseRulesOf, ruleTable } from './tables/load.js';
import TABLE_JSON from './tables/patient-identifiable.json' with { type: 'json' };
import { Coverage, type Hit, type RuleFamily, type RuleInput } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

const STREET_WORDS: ReadonlySet<string> = new Set(TABLE.lists.piStreetWords);
const NOT_NHS_CONTEXT: ReadonlySet<string> = new Set(TABLE.lists.piNotNhsContext);
const SELF_INTRO: ReadonlySet<string> = new Set(TABLE.lists.piSelfIntro);
const SOMEONE_ELSES: ReadonlySet<string> = new Set([
  'her',
  'his',
  'their',
  ...WORD_LISTS.relative.filter((w) => w.endsWith('s')),
  'neighbours',
  'friends',
  'mates',
]);

export const PATIENT_IDENTIFIABLE_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

/** Words that make a nearby health detail the author's own. */
const OWN: ReadonlySet<string> = new Set(TABLE.lists.piOwn);
/** Words that make it someone else's. */
const THEIRS: ReadonlySet<string> = new Set(TABLE.lists.piTheirs);

/** Whose a health detail is: the author's ("my knee op"), someone else's ("her frame"), or unsaid. */
function ownerOf(doc: Doc, at: number, people: Coverage): 'own' | 'theirs' | undefined {
  const { tokens } = doc;
  const sentence = (tokens[at] as Token).sentence;
  for (let k = at - 1; k >= 0 && k >= at - 5; k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence) return undefined;
    if (people.overlaps({ first: k, last: k + 1 }) || THEIRS.has(t.text)) return 'theirs';
    if (OWN.has(t.text)) return 'own';
  }
  return undefined;
}

const POSSESSIVES: ReadonlySet<string> = new Set(TABLE.lists.piPossessives);

/** "Mrs Dyer's abnormal result", "his results": the word just before is a named person's or his/her. */
function possessedBy(doc: Doc, at: number, people: Coverage): boolean {
  const before = doc.tokens[at - 1];
  if (!before || before.sentence !== (doc.tokens[at] as Token).sentence) return false;
  if (POSSESSIVES.has(before.text)) return true;
  return people.overlaps({ first: at - 1, last: at }) && before.text.endsWith('s');
}

/**
 * An operation, treatment or aid counts for another person when it follows "his/her/she", or comes
 * just after the named person in their sentence, and not after "my/I" (the author's own).
 */
function othersHealthDetails(
  doc: Doc,
  hits: readonly PhraseHit[],
  people: readonly PersonName[],
  covered: Coverage,
): PhraseHit[] {
  const { tokens } = doc;
  // Just after the person, or before them in a reveal ("guess who's on the list for a gastric band, Sharon Hill").
  let reveal: Set<number> | undefined;
  const revealed = (sentence: number): boolean => {
    if (reveal === undefined) {
      reveal = new Set<number>();
      for (const t of tokens) if (t.text === 'guess' || t.text === 'whos') reveal.add(t.sentence);
    }
    return reveal.has(sentence);
  };
  const nearAfterPerson = (at: number): boolean =>
    people.some(
      (p) =>
        (p.last <= at ? at - p.last <= 8 : revealed((tokens[at] as Token).sentence) && p.first - at <= 8) &&
        (tokens[p.first] as Token).sentence === (tokens[at] as Token).sentence,
    );
  return hits.filter((h) => {
    const owner = ownerOf(doc, h.first, covered);
    if (owner === 'own') return false;
    return owner === 'theirs' || nearAfterPerson(h.first);
  });
}

/** Enough evidence of one kind; also bounds the work on adversarial text. */
const MAX_CHECKED = 50;

function nhsNumberHits(doc: Doc): Hit[] {
  const hits: Hit[] = [];
  for (const candidate of findTenDigitNumbers(doc.original).slice(0, MAX_CHECKED)) {
    if (!isValidNhsNumber(candidate.digits)) continue;
    const at = tokenIndexAt(doc, candidate.start);
    const before = doc.tokens.slice(Math.max(0, at - 4), Math.max(0, at)).map((t) => t.text);
    if (before.some((w) => NOT_NHS_CONTEXT.has(w))) continue;
    const nhsAt = before.lastIndexOf('nhs');
    if (nhsAt >= 0 && before[nhsAt - 1] === 'my') continue; // the author's own number
    const context = nhsAt >= 0 || before.includes('no');
    hits.push({
      category: 'patient_identifiable',
      ruleId: 'patient_identifiable.nhs_number',
      start: candidate.start,
      end: candidate.end,
      confidence: context ? 0.95 : before.includes('number') ? 0.7 : 0.5,
    });
  }
  return hits;
}

const isDigitStart = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** A token of at most `max` digits (top level: birthDates runs on every post, see AboutPractice). */
function isNumber(t: Token | undefined, max: number): boolean {
  return t !== undefined && /^\d+$/.test(t.text) && t.text.length <= max;
}

/** Dates written like a date of birth: dd/mm/yyyy (or . -), and "born 1938". Token ranges. */
function birthDates(doc: Doc): { first: number; last: number }[] {
  const { tokens, original } = doc;
  const found: { first: number; last: number }[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]] as [Token, Token, Token];
    if (!isDigitStart(a) || !isDigitStart(b) || !isDigitStart(c)) continue;
    const sep1 = original.slice(a.end, b.start);
    const sep2 = original.slice(b.end, c.start);
    if (
      isNumber(a, 2) &&
      isNumber(b, 2) &&
      isNumber(c, 4) &&
      c.text.length >= 2 &&
      sep1 === sep2 &&
      /^[/.-]$/.test(sep1)
    ) {
      found.push({ first: i, last: i + 3 });
    }
  }
  // "born 1938", "DOB 3rd March 1950", "born on the 4th of May 1941": a year within a few words.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.text !== 'born' && t.text !== 'dob') continue;
    for (let k = i + 1; k <= i + 5 && k < tokens.length; k++) {
      const next = tokens[k] as Token;
      if (next.sentence !== t.sentence) break;
      if (/^(19|20)\d\d$/.test(next.text)) {
        found.push({ first: i, last: k + 1 });
        break;
      }
    }
  }
  return found;
}

/** Numbered addresses ("42 Station Road") and named streets after on/in/from/at ("on Mill Lane"). */
function addresses(doc: Doc): { first: number; last: number; numbered: boolean }[] {
  const { tokens } = doc;
  const found: { first: number; last: number; numbered: boolean }[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const a = tokens[i] as Token;
    const name = tokens[i + 1] as Token;
    const street = tokens[i + 2] as Token;
    const named =
      (name.capitalised || doc.shouting) &&
      STREET_WORDS.has(street.text) &&
      (street.capitalised || doc.shouting);
    if (!named || a.sentence !== street.sentence) continue;
    if (/^\d{1,4}[a-z]?$/.test(a.text)) found.push({ first: i, last: i + 3, numbered: true });
    else if (['on', 'in', 'from', 'at', 'off'].includes(a.text))
      found.push({ first: i, last: i + 3, numbered: false });
  }
  return found;
}

function isAuthorOrCommenter(doc: Doc, person: PersonName): boolean {
  const previous = doc.tokens[person.first - 1];
  if (doc.original[person.start - 1] === '@') return true;
  if (previous && SELF_INTRO.has(previous.text)) return true;
  // "a hip replacement by Mr Jones": the one who did it, not the patient.
  if (previous?.text === 'by') return true;
  // "Name is Mrs Royle", "my name's Jean Carter"
  // (but "her name is Joan Pilkington", "my mum's name is …" is someone else's name).
  if (previous?.text === 'is' && doc.tokens[person.first - 2]?.text === 'name')
    return !SOMEONE_ELSES.has(doc.tokens[person.first - 3]?.text ?? '');
  if (previous?.text === 'names') return true;
  // A signature: the last words of the post.
  return person.last === doc.tokens.length && person.kind !== 'full';
}

const SOMEONE: ReadonlySet<string> = new Set(TABLE.lists.piSomeone);

/**
 * "The woman at 22 Elm Street has HIV": no name, but a numbered address, someone living there and
 * a health detail in the same sentence identify them.
 */
function unnamedAtAddress(doc: Doc, input: RuleInput): Hit[] {
  const found = [
    ...input.hitsOf('clinical_disclosure.medical_detail'),
    ...input.hitsOf('patient_identifiable.sensitive_service'),
    ...input.hitsOf('patient_identifiable.health_detail'),
  ];
  if (found.length === 0) return [];
  const numbered = addresses(doc).filter((a) => a.numbered);
  if (numbered.length === 0) return [];
  const { tokens } = doc;
  const none = new Coverage(tokens.length, []);
  const details = found.filter((m) => ownerOf(doc, m.first, none) !== 'own');
  const hits: Hit[] = [];
  for (const address of numbered.slice(0, MAX_CHECKED)) {
    const sentence = (tokens[address.first] as Token).sentence;
    const detail = details.find((m) => (tokens[m.first] as Token).sentence === sentence);
    if (!detail) continue;
    let someone = false;
    for (let k = Math.max(0, address.first - 4); k < Math.min(tokens.length, address.last + 4); k++)
      if ((tokens[k] as Token).sentence === sentence && SOMEONE.has((tokens[k] as Token).text))
        someone = true;
    if (!someone) continue;
    hits.push({
      category: 'patient_identifiable',
      ruleId: 'patient_identifiable.name_address',
      start: (tokens[address.first] as Token).start,
      end: (tokens[address.last - 1] as Token).end,
      confidence: 0.75,
    });
  }
  return hits;
}

const ELSEWHERE_AFTER: ReadonlySet<string> = new Set(TABLE.lists.piElsewhereAfter);
const PLACE_SKIP: ReadonlySet<string> = new Set(TABLE.lists.piPlaceSkip);
const PRACTICE: ReadonlySet<string> = new Set([
  ...WORD_LISTS.practice,
  'practice',
  'surgery',
  'centre',
  'health',
]);

/**
 * A person who shares a staff member's name but is placed somewhere else ("old Mr Fairclough from
 * the allotments") is not that member of staff.
 */
function fromElsewhere(doc: Doc, person: PersonName, practiceWords: ReadonlySet<string>): boolean {
  const { tokens } = doc;
  const after = tokens[person.last];
  if (!after || !ELSEWHERE_AFTER.has(after.text)) return false;
  let k = person.last + 1;
  while (tokens[k] && PLACE_SKIP.has((tokens[k] as Token).text)) k++;
  const place = tokens[k];
  if (!place || place.sentence !== after.sentence) return false;
  return !PRACTICE.has(place.text) && !practiceWords.has(place.text);
}

export const patientIdentifiable: RuleFamily = {
  name: 'patient_identifiable',
  lists: PHONE_LISTS,
  rules: [...PATIENT_IDENTIFIABLE_RULES, ...PHONE_RULES],
  derive: (input) => {
    const { doc } = input;
    const hits = nhsNumberHits(doc);
    const staffTokens = new Coverage(doc.tokens.length, input.staff);
    const serviceWords = new Coverage(doc.tokens.length, input.hitsOf('clinical_disclosure.service_word'));
    const people = findPersonNames(doc).filter(
      (p) =>
        (!staffTokens.overlaps(p) || fromElsewhere(doc, p, input.practiceWords)) &&
        !isAuthorOrCommenter(doc, p),
    );
    hits.push(...contactDetailHits(input, people, addresses(doc).slice(0, MAX_CHECKED)));
    if (people.length === 0) return [...hits, ...unnamedAtAddress(doc, input)];
    const span = (first: number, last: number) => ({
      start: (doc.tokens[first] as Token).start,
      end: (doc.tokens[last - 1] as Token).end,
    });
    // Full names and titled names; a given name counts too when pinned down ("Kelly from the Spar").
    const named = people.filter(
      (p) => p.kind !== 'given' || ['from', 'at'].includes(doc.tokens[p.last]?.text ?? ''),
    );
    // A detail the author owns ("my knee op") says nothing about the person named beside it.
    const namedTokens = new Coverage(doc.tokens.length, named);
    const notOwn = (m: { first: number }) => ownerOf(doc, m.first, namedTokens) !== 'own';
    const medical = [
      ...input
        .hitsOf('clinical_disclosure.medical_detail')
        .filter((m) => !serviceWords.overlaps(m) && notOwn(m)),
      ...input.hitsOf('patient_identifiable.sensitive_service').filter(notOwn),
      ...othersHealthDetails(
        doc,
        input.hitsOf('patient_identifiable.health_detail'),
        named.slice(0, MAX_CHECKED),
        namedTokens,
      ),
      ...input.hitsOf('patient_identifiable.results').filter((m) => possessedBy(doc, m.first, namedTokens)),
    ];
    for (const person of named.slice(0, MAX_CHECKED)) {
      if (medical.length > 0) {
        const m = medical[0] as { start: number; end: number };
        hits.push({
          category: 'patient_identifiable',
          ruleId: 'patient_identifiable.name_condition',
          ...span(person.first, person.last),
          confidence: 0.8,
        });
        hits.push({
          category: 'patient_identifiable',
          ruleId: 'patient_identifiable.name_condition',
          start: m.start,
          end: m.end,
          confidence: 0.8,
        });
      }
    }
    for (const date of birthDates(doc).slice(0, MAX_CHECKED)) {
      const person = named.slice(0, MAX_CHECKED).find((p) => Math.abs(p.first - date.first) <= 8);
      if (person) {
        hits.push({
          category: 'patient_identifiable',
          ruleId: 'patient_identifiable.name_dob',
          ...span(Math.min(person.first, date.first), Math.max(person.last, date.last)),
          confidence: 0.9,
        });
      }
    }
    for (const address of addresses(doc).slice(0, MAX_CHECKED)) {
      const person = people
        .slice(0, MAX_CHECKED)
        .find((p) => Math.abs(p.first - address.first) <= 8 && (p.kind !== 'given' || address.numbered));
      if (person) {
        hits.push({
          category: 'patient_identifiable',
          ruleId: 'patient_identifiable.name_address',
          ...span(Math.min(person.first, address.first), Math.max(person.last, address.last)),
          confidence: 0.85,
        });
      }
    }
    return hits;
  },
};
