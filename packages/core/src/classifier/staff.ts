// The staff-name matcher behind `identifies_staff`. Given the practice's roster it finds a member of
// staff named by:
//   full name            "Kevin Doyle", "Dr Tom Hughes"                 identifies_staff.full_name
//   title + surname      "Dr Shah", "Nurse Brown", "Mr Ellis"           identifies_staff.title_surname
//   near-miss surname    "Dr Shaw", "Dr Hughs" (a title, then a surname within a small edit distance)
//                                                                        identifies_staff.near_miss
//   first name/nickname  "Jake on reception", "Kev the HCA", "Angie"    identifies_staff.first_name
//   alias from roster    whatever the practice lists                     identifies_staff.alias
// A first name alone must be unambiguous in the roster and the post must be about the practice (a
// role word near it, or practice vocabulary, or work hours); it is vetoed when the name belongs to
// someone else ("Jake Paul", "Kev at Ashbrook Motors", "Sarah from my Zumba class"). Names that are
// also ordinary words ("Mark my words") need a role word right next to them.
//
// Identification by role (no name) is in `findRoleMentions`.

import type { StaffMember } from '../model/settings.js';
import { WORD_LISTS } from './lexicon.js';
import { FIRST_NAMES } from './names.js';
import type { Doc, Token } from './normalise.js';
import { CLINICAL_LISTS } from './rules/clinical.js';

export interface StaffMention {
  ruleId: string;
  /** Index into the roster; -1 when identified by role alone. */
  staffIndex: number;
  /** Token range, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  confidence: number;
}

const DOCTOR_TITLES = new Set(['dr', 'doctor', 'doc']);
const NURSE_TITLES = new Set(['nurse', 'sister']);
const PLAIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
const ALL_TITLES = new Set([...DOCTOR_TITLES, ...NURSE_TITLES, ...PLAIN_TITLES, 'prof', 'professor']);

/** Common short forms of given names (both directions are looked up). */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  angela: ['angie', 'ange'],
  kevin: ['kev'],
  thomas: ['tom', 'tommy'],
  tom: ['tommy'],
  william: ['will', 'bill', 'billy', 'liam'],
  robert: ['rob', 'bob', 'bobby', 'robbie'],
  richard: ['rich', 'rick', 'ricky'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'eliza'],
  katherine: ['kate', 'katie', 'kath', 'kathy'],
  catherine: ['cath', 'cathy', 'kate', 'katie'],
  margaret: ['maggie', 'meg', 'peggy', 'marg', 'mags'],
  michael: ['mike', 'mick', 'mikey'],
  christopher: ['chris'],
  christine: ['chris', 'chrissy'],
  jennifer: ['jen', 'jenny'],
  rebecca: ['becky', 'becca', 'becks', 'bex'],
  samantha: ['sam', 'sammy'],
  samuel: ['sam', 'sammy'],
  daniel: ['dan', 'danny'],
  david: ['dave', 'davey'],
  stephen: ['steve'],
  steven: ['steve'],
  joseph: ['joe', 'joey'],
  james: ['jim', 'jimmy', 'jamie'],
  jacob: ['jake'],
  alexander: ['alex'],
  alexandra: ['alex', 'lexi'],
  andrew: ['andy', 'drew'],
  anthony: ['tony', 'ant'],
  benjamin: ['ben', 'benny'],
  nicholas: ['nick', 'nicky'],
  nicola: ['nicky', 'nic'],
  patricia: ['pat', 'trish'],
  patrick: ['pat', 'paddy'],
  susan: ['sue', 'susie'],
  deborah: ['debbie', 'deb', 'debs'],
  sandra: ['sandy', 'sandie'],
  victoria: ['vicky', 'tori'],
  jonathan: ['jon', 'jonny'],
  matthew: ['matt'],
  sarah: ['sal'],
  edward: ['ed', 'eddie', 'ted'],
  peter: ['pete'],
  philip: ['phil'],
  timothy: ['tim'],
  kenneth: ['ken', 'kenny'],
  raymond: ['ray'],
  ronald: ['ron', 'ronnie'],
  abigail: ['abi', 'abby'],
  amanda: ['mandy'],
  charlotte: ['lottie', 'charlie'],
  charles: ['charlie'],
  jacqueline: ['jackie'],
  frederick: ['fred', 'freddie'],
  oliver: ['ollie'],
  josephine: ['jo', 'josie'],
  joanne: ['jo'],
  gillian: ['gill'],
  lorraine: ['lozza', 'loz', 'lorr'],
  bernadette: ['bernie', 'bern'],
  malgorzata: ['gosia', 'gosha'],
  imran: ['immy'],
  siobhan: ['shiv'],
  gareth: ['gaz', 'gazza'],
  barry: ['baz', 'bazza'],
  sharon: ['shaz', 'shazza'],
  karen: ['kaz'],
  caroline: ['caz', 'carol'],
  teresa: ['tess', 'terri'],
  theresa: ['tess', 'terri'],
  alison: ['ali'],
  jessica: ['jess', 'jessie'],
  rachel: ['rach'],
  lucy: ['luce'],
  natalie: ['nat'],
  natasha: ['tash', 'tasha'],
  helen: ['hels'],
  eleanor: ['ellie', 'nell'],
  gerald: ['gerry'],
  geraldine: ['gerry'],
  terence: ['terry'],
  lawrence: ['larry', 'loz'],
  leonard: ['len', 'lenny'],
  vincent: ['vince'],
  francesca: ['fran', 'frankie'],
  frances: ['fran'],
  francis: ['frank'],
  kathleen: ['kath', 'kathy'],
  deirdre: ['dee'],
  dorothy: ['dot', 'dotty'],
  mohammed: ['mo'],
  muhammad: ['mo'],
  abdullah: ['abdul'],
  aleksandra: ['ola'],
  katarzyna: ['kasia'],
  agnieszka: ['aga'],
  magdalena: ['magda'],
};

/** Given names that are also ordinary words: alone, they need a role word beside them. */
const WORD_NAMES = new Set([
  'mark',
  'will',
  'bill',
  'rose',
  'grace',
  'joy',
  'hope',
  'faith',
  'amber',
  'ruby',
  'april',
  'may',
  'june',
  'dawn',
  'pat',
  'sue',
  'don',
  'frank',
  'lily',
  'holly',
  'jade',
  'ivy',
  'summer',
  'max',
  'ray',
  'rich',
  'eve',
  'robin',
  'penny',
  'sandy',
  'dean',
  'chase',
  'drew',
  'gene',
  'jack',
  'ed',
  'jo',
  'sal',
  'ant',
  'ken',
  'art',
  'carol',
  'jean',
  'sky',
  'august',
  'bob',
  'nick',
  'ben',
  'tim',
  'sam',
  'ted',
]);

const ROLE_WORDS = new Set<string>([
  ...WORD_LISTS.role,
  ...WORD_LISTS.rolePlural,
  'desk',
  'front',
  'practice',
]);
const PRACTICE_WORDS = new Set<string>(WORD_LISTS.practice);
const WORK_WORDS = new Set([
  'finishes',
  'finish',
  'shift',
  'shifts',
  'works',
  'working',
  'clocks',
  'duty',
  'rota',
  'home',
  'bus',
  'leaves',
]);
const ELSEWHERE = new Set(['from', 'at', 'of']);
/** Other businesses with staff of their own: "the nurse Becky at the vets" is not our Becky. */
export const OTHER_BUSINESSES = new Set([
  'vets',
  'vet',
  'veterinary',
  'kennels',
  'cattery',
  'groomers',
  'salon',
  'gym',
  'garage',
  'school',
  'nursery',
  'pub',
  'cafe',
  'hairdressers',
  'barbers',
]);
/** Care given or received: a roster first name next to these is most likely the member of staff. */
const CARE_WORDS = new Set<string>([
  ...CLINICAL_LISTS.condition,
  ...CLINICAL_LISTS.medicine,
  'looking',
  'care',
  'dressed',
  'injected',
]);
/** Mentions kept per post: plenty for evidence, and a bound on work for huge inputs. */
const MAX_MENTIONS = 64;

interface RosterEntry {
  index: number;
  titleClass: 'doctor' | 'nurse' | 'plain';
  firstName: string | null;
  surname: string | null;
  /** A double-barrelled surname's parts, "Carrington-Blake" → ["carrington", "blake"]; else [surname]. */
  surnameParts: string[];
  given: Set<string>;
  /** Clipped forms generated from the first name ("kev", "ange"): treated like word-names. */
  derived: Set<string>;
  aliases: string[][];
}

/** Letters that do not decompose into a base letter and a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 's', ı: 'i', æ: 'ae' };

/**
 * A roster name's words, folded as the normaliser folds a post ("Ciarán" → "ciaran", "Małgorzata" →
 * "malgorzata"): accents dropped, not split at, so accented names still match.
 */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łøđßıæ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Prepared rosters, per roster array: a practice's roster is prepared once, not per post. */
const PREPARED = new WeakMap<readonly StaffMember[], Roster>();

interface Roster {
  entries: RosterEntry[];
  givenOwners: Map<string, RosterEntry[]>;
  surnameOwners: Map<string, RosterEntry[]>;
  aliasesByFirstWord: Map<string, { entry: RosterEntry; alias: string[] }[]>;
  /** "carrington" → Dr Fiona Carrington-Blake: double-barrelled surnames by their first part. */
  barrelledByFirstPart: Map<string, RosterEntry[]>;
  /** The first 1–3 letters of every surname: a short token that is none of these starts no split surname. */
  surnameHeads: Set<string>;
  /** What each word is to this roster, looked up once per distinct word (see wordRole). */
  words: Map<string, WordRole>;
}

/** What one word can be to a roster: the lookups findStaffMentions makes for every token, made once. */
interface WordRole {
  isTitle: boolean;
  given: RosterEntry[] | undefined;
  aliases: readonly { entry: RosterEntry; alias: string[] }[];
  barrelled: readonly RosterEntry[];
  surname: RosterEntry[] | undefined;
  /** A common first name or a role word: never read as a misspelt staff first name. */
  nameOrRole: boolean;
}
/**
 * Words remembered per roster. A server keeps up to MAX_CACHED_ROSTERS rosters, so this bounds the
 * memory of all of them (a practice's posts reuse a few thousand words).
 */
const MAX_CACHED_WORDS = 4_000;
/** The role of every word that is nothing to the roster: most words, shared. */
const NO_ROLE: WordRole = {
  isTitle: false,
  given: undefined,
  aliases: [],
  barrelled: [],
  surname: undefined,
  nameOrRole: false,
};

function wordRole(roster: Roster, text: string): WordRole {
  const cached = roster.words.get(text);
  if (cached !== undefined) return cached;
  const found: WordRole = {
    isTitle: ALL_TITLES.has(text),
    given: roster.givenOwners.get(text),
    aliases: roster.aliasesByFirstWord.get(text) ?? NO_ALIASES,
    barrelled: roster.barrelledByFirstPart.get(text) ?? NO_ENTRIES,
    surname: roster.surnameOwners.get(text),
    nameOrRole: FIRST_NAMES.has(text) || ROLE_WORDS.has(text),
  };
  const nothing =
    !found.isTitle &&
    found.given === undefined &&
    found.aliases.length === 0 &&
    found.barrelled.length === 0 &&
    found.surname === undefined &&
    !found.nameOrRole;
  const role = nothing ? NO_ROLE : found;
  if (roster.words.size >= MAX_CACHED_WORDS) roster.words.clear();
  roster.words.set(text, role);
  return role;
}

const NO_ALIASES: readonly { entry: RosterEntry; alias: string[] }[] = [];
const NO_ENTRIES: readonly RosterEntry[] = [];

/**
 * Rosters by content as well: a server reads a practice's settings afresh for each request, so the
 * same staff list arrives as a new array every time. Bounded; a practice has one roster.
 */
const PREPARED_BY_CONTENT = new Map<string, Roster>();
const MAX_CACHED_ROSTERS = 64;

function rosterFor(staff: readonly StaffMember[]): Roster {
  const cached = PREPARED.get(staff);
  if (cached) return cached;
  const key = JSON.stringify(staff.map(({ name, role, aliases }) => [name, role ?? null, aliases ?? null]));
  const same = PREPARED_BY_CONTENT.get(key);
  if (same) {
    PREPARED.set(staff, same);
    return same;
  }
  const prepared = prepareRosterIndex(staff);
  if (PREPARED_BY_CONTENT.size >= MAX_CACHED_ROSTERS) PREPARED_BY_CONTENT.clear();
  PREPARED_BY_CONTENT.set(key, prepared);
  PREPARED.set(staff, prepared);
  return prepared;
}

function prepareRosterIndex(staff: readonly StaffMember[]): Roster {
  const entries = prepareRoster(staff);
  // Given names shared by two members of staff are ambiguous alone.
  const givenOwners = new Map<string, RosterEntry[]>();
  for (const entry of entries) {
    for (const name of entry.given) givenOwners.set(name, [...(givenOwners.get(name) ?? []), entry]);
  }
  const aliasesByFirstWord = new Map<string, { entry: RosterEntry; alias: string[] }[]>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const first = alias[0] as string;
      aliasesByFirstWord.set(first, [...(aliasesByFirstWord.get(first) ?? []), { entry, alias }]);
    }
  }
  const surnameOwners = new Map<string, RosterEntry[]>();
  for (const entry of entries) {
    if (entry.surname) surnameOwners.set(entry.surname, [...(surnameOwners.get(entry.surname) ?? []), entry]);
  }
  const barrelledByFirstPart = new Map<string, RosterEntry[]>();
  for (const entry of entries) {
    const part = entry.surnameParts.length > 1 ? entry.surnameParts[0] : undefined;
    if (part) barrelledByFirstPart.set(part, [...(barrelledByFirstPart.get(part) ?? []), entry]);
  }
  const surnameHeads = new Set<string>();
  for (const surname of surnameOwners.keys())
    for (let n = 1; n <= 3 && n <= surname.length; n++) surnameHeads.add(surname.slice(0, n));
  const prepared = {
    entries,
    givenOwners,
    surnameOwners,
    aliasesByFirstWord,
    barrelledByFirstPart,
    surnameHeads,
    words: new Map<string, WordRole>(),
  };
  return prepared;
}

export function prepareRoster(staff: readonly StaffMember[]): RosterEntry[] {
  return staff.map((member, index): RosterEntry => {
    const parts = words(member.name);
    let titleClass: RosterEntry['titleClass'] = /nurse|sister/i.test(member.role ?? '') ? 'nurse' : 'plain';
    while (parts.length > 1 && ALL_TITLES.has(parts[0] as string)) {
      if (DOCTOR_TITLES.has(parts.shift() as string)) titleClass = 'doctor';
    }
    if (/\b(gp|doctor|physician|registrar)\b/i.test(member.role ?? '')) titleClass = 'doctor';
    const firstName = parts.length > 1 ? (parts[0] as string) : null;
    const surname = parts.length > 0 ? (parts[parts.length - 1] as string) : null;
    // The last written word of the name, split at hyphens: its parts form one surname.
    const lastWord = member.name.trim().split(/\s+/).pop() ?? '';
    const lastParts = words(lastWord);
    const surnameParts =
      lastParts.length > 1 && parts.length > lastParts.length ? lastParts : surname ? [surname] : [];
    const given = new Set<string>();
    const derived = new Set<string>();
    if (firstName) {
      given.add(firstName);
      for (const nick of NICKNAMES[firstName] ?? []) given.add(nick);
      for (const [full, nicks] of Object.entries(NICKNAMES)) if (nicks.includes(firstName)) given.add(full);
      // Clipped forms people invent: "Kev", "Ange", "Angie", "Tommy".
      for (const len of [3, 4]) {
        if (firstName.length > len + 1) {
          const stem = firstName.slice(0, len);
          for (const form of [stem, `${stem}ie`, `${stem}y`]) {
            if (!given.has(form)) derived.add(form);
            given.add(form);
          }
        }
      }
      // Yoruba names are often shortened to what follows "Oluwa-"/"Olu-": Oluwaseun → Seun.
      for (const prefix of ['oluwa', 'olu']) {
        const rest = firstName.slice(prefix.length);
        if (firstName.startsWith(prefix) && rest.length >= 4) {
          given.add(rest);
          break;
        }
      }
    }
    const aliases = (member.aliases ?? []).map(words).filter((a) => a.length > 0);
    return { index, titleClass, firstName, surname, surnameParts, given, derived, aliases };
  });
}

/** "Cole" or the possessive "Cole's" (the normaliser drops the apostrophe: "coles"). */
const sameSurname = (text: string, surname: string | null): boolean =>
  surname !== null && (text === surname || text === `${surname}s`);

/**
 * How many tokens from `at` spell the entry's double-barrelled surname ("carrington blake", from
 * "Carrington-Blake" or "Carrington Blake"), within one sentence; 0 when they do not.
 */
function surnamePartsAt(tokens: readonly Token[], at: number, entry: RosterEntry): number {
  const parts = entry.surnameParts;
  if (parts.length < 2) return 0;
  const sentence = tokens[at]?.sentence;
  for (let k = 0; k < parts.length; k++) {
    const token = tokens[at + k];
    if (!token || token.sentence !== sentence) return 0;
    const isLast = k === parts.length - 1;
    if (!(token.text === parts[k] || (isLast && token.text === `${parts[k]}s`))) return 0;
  }
  return parts.length;
}

/** "Dr C-B": the initials of a double-barrelled surname, one token each. */
function surnameInitialsAt(tokens: readonly Token[], at: number, entry: RosterEntry): number {
  const parts = entry.surnameParts;
  if (parts.length < 2) return 0;
  const sentence = tokens[at]?.sentence;
  for (let k = 0; k < parts.length; k++) {
    const token = tokens[at + k];
    if (!token || token.sentence !== sentence || token.text !== (parts[k] as string)[0]) return 0;
  }
  return parts.length;
}

/** "That Cole is…", "that Cole woman": what follows a person, not a place ("that Wells trip"). */
const AFTER_THAT_NAME = new Set([
  'is',
  'was',
  'has',
  'hasnt',
  'isnt',
  'wasnt',
  'needs',
  'should',
  'wants',
  'thinks',
  'woman',
  'man',
  'bloke',
  'fella',
  'lad',
  'lady',
  'guy',
  'girl',
  'character',
  'who',
  // What a person is seen doing: "that O'Sullivan shouting at my dad".
  'shouting',
  'yelling',
  'screaming',
  'laughing',
  'smirking',
  'sniggering',
  'sitting',
  'sat',
  'stood',
  'standing',
  'talking',
  'telling',
  'refusing',
  'pretending',
  'looking',
  'giving',
  'again',
]);

/** Verbs of speech after a bare surname mark it as a person: "pike says no", "Cole told me". */
const SPEECH_AFTER = new Set(['says', 'said', 'told', 'tells', 'reckons', 'refused', 'wont', 'wouldnt']);

/** Damerau–Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > 32 || b.length > 32) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (i > 0 && rowMin > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How far a misspelt surname may be from the real one: 1 edit for 4–6 letters, 2 for longer. */
const nearMissBudget = (surname: string): number => (surname.length >= 7 ? 2 : surname.length >= 4 ? 1 : 0);

const titleFits = (title: string, entry: RosterEntry): boolean =>
  DOCTOR_TITLES.has(title)
    ? entry.titleClass === 'doctor'
    : NURSE_TITLES.has(title)
      ? entry.titleClass === 'nurse'
      : PLAIN_TITLES.has(title) || title === 'prof' || title === 'professor';

/** Teams that are not the practice's: "the darts team", "my netball team", "the sales staff". */
const OTHER_TEAMS = new Set([
  'darts',
  'netball',
  'football',
  'footy',
  'rugby',
  'cricket',
  'hockey',
  'quiz',
  'pool',
  'bowls',
  'bowling',
  'golf',
  'tennis',
  'squash',
  'league',
  'sunday',
  'running',
  'walking',
  'swimming',
  'dance',
  'choir',
  'sales',
  'work',
  'office',
  'project',
  'school',
  'rounders',
  'snooker',
  'boxing',
  'karate',
  'gym',
  'cheer',
  'cheerleading',
  'roller',
  'derby',
  'ladies',
  'mens',
  'womens',
  'u12',
  'u14',
  'u16',
  'under',
]);
const TEAM_WORDS = new Set(['team', 'staff', 'lot']);

/** A role or practice word at `k`, unless it is another team ("the darts team"). */
function practiceTeamAt(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k] as Token;
  if (!TEAM_WORDS.has(token.text)) return true;
  const previous = tokens[k - 1];
  return previous === undefined || previous.sentence !== token.sentence || !OTHER_TEAMS.has(previous.text);
}

function roleWordNear(tokens: readonly Token[], at: number, span: number): boolean {
  const from = Math.max(0, at - span);
  const to = Math.min(tokens.length - 1, at + span);
  for (let k = from; k <= to; k++)
    if (k !== at && ROLE_WORDS.has((tokens[k] as Token).text) && practiceTeamAt(tokens, k)) return true;
  return false;
}

/** "dawn from holmfield", "Imran at the surgery": a name placed at the practice by what follows it. */
const AT_PRACTICE = new Set(['from', 'at', 'on', 'in', 'behind']);
function placedAtPractice(tokens: readonly Token[], at: number, practiceWords: ReadonlySet<string>): boolean {
  const after = tokens[at + 1];
  const sentence = (tokens[at] as Token).sentence;
  if (after === undefined || after.sentence !== sentence || !AT_PRACTICE.has(after.text)) return false;
  for (let m = at + 2; m <= at + 4 && m < tokens.length; m++) {
    const token = tokens[m] as Token;
    if (token.sentence !== sentence) break;
    if (practiceWords.has(token.text)) return true;
    if ((ROLE_WORDS.has(token.text) || PRACTICE_WORDS.has(token.text)) && practiceTeamAt(tokens, m))
      return true;
  }
  return false;
}

function sameSentenceAs(t: Token | undefined, token: Token): boolean {
  return t !== undefined && t.sentence === token.sentence;
}

/** What a carer does to a patient: "Sandy took my bloods", "robin doing my jabs". */
const CARE_VERBS = new Set([
  'took',
  'takes',
  'taking',
  'did',
  'does',
  'doing',
  'done',
  'gave',
  'gives',
  'giving',
  'sorted',
  'dressed',
  'syringed',
  'injected',
  'examined',
  'prescribed',
  'referred',
  'changed',
  'checked',
]);
const CARE_OBJECTS = new Set(['my', 'our', 'me', 'us', 'his', 'her', 'their', 'the', 'mums', 'dads']);
/** Spoken to or about as a person: "ask robin if …", "tell Debs …", "thanks Sandy". */
const ADDRESS_BEFORE = new Set(['ask', 'tell', 'thank', 'thanks', 'cheers']);

/** A first name that reads as a person by what is around it: a carer's act, or being asked or told. */
function actsAsPerson(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at] as Token;
  const before = tokens[at - 1];
  if (before && before.sentence === token.sentence && ADDRESS_BEFORE.has(before.text)) return true;
  const verb = tokens[at + 1];
  const object = tokens[at + 2];
  return (
    verb !== undefined &&
    object !== undefined &&
    object.sentence === token.sentence &&
    CARE_VERBS.has(verb.text) &&
    CARE_OBJECTS.has(object.text)
  );
}

/** "Jade's", "Dr Sandu's": the word without its possessive 's (the normaliser drops the apostrophe). */
function possessiveBase(doc: Doc, token: Token): string | null {
  if (token.text.length < 4 || token.text.charCodeAt(token.text.length - 1) !== 115) return null;
  const mark = doc.original.charCodeAt(token.end - 2);
  return mark === 39 || mark === 0x2019 ? token.text.slice(0, -1) : null;
}

/** Words that read as a verb or modal after "dr"/"doc" in lower case ("the dr will see you"). */
const NOT_A_NAME_AFTER_TITLE = new Set([
  'will',
  'may',
  'can',
  'mark',
  'sue',
  'pat',
  'drew',
  'chase',
  'bill',
  'said',
  'says',
  'did',
  'does',
  'was',
  'is',
]);

const GENERIC_PRACTICE_NAME_WORDS = new Set([
  'the',
  'and',
  'of',
  'surgery',
  'practice',
  'medical',
  'health',
  'healthcare',
  'centre',
  'center',
  'group',
  'gp',
  'gps',
  'doctors',
  'family',
  'partnership',
  'clinic',
  'street',
  'road',
  'lane',
  'nhs',
  'primary',
  'care',
]);

/** "Riverside Surgery" → {"riverside"}: the words of a practice's name that only it uses. */
const NAME_WORDS = new Map<string, Set<string>>();

export function practiceNameWords(name: string | undefined): Set<string> {
  const key = name ?? '';
  let found = NAME_WORDS.get(key);
  if (!found) {
    found = new Set(words(key).filter((w) => w.length > 2 && !GENERIC_PRACTICE_NAME_WORDS.has(w)));
    if (NAME_WORDS.size > 1000) NAME_WORDS.clear(); // a practice has one name; bound the cache anyway
    NAME_WORDS.set(key, found);
  }
  return found;
}

/** "Sarah from my Zumba class", "Kev at Ashbrook Motors", "Mr Patel from the paper shop". */
function belongsElsewhere(
  tokens: readonly Token[],
  last: number,
  practiceWords: ReadonlySet<string>,
): boolean {
  const after = tokens[last];
  const sentence = (tokens[last - 1] as Token).sentence;
  if (after === undefined || after.sentence !== sentence) return false;
  let k = last;
  if (!ELSEWHERE.has(after.text)) {
    // allow one word between: "Sarah and Jake from …"
    const second = tokens[last + 2];
    if (!(after.text === 'and' && second && ELSEWHERE.has(second.text))) return false;
    k = last + 2;
  }
  for (let m = k + 1; m <= k + 3 && m < tokens.length; m++) {
    const token = tokens[m] as Token;
    if (token.sentence !== sentence) break;
    if (practiceWords.has(token.text)) return false;
    if ((ROLE_WORDS.has(token.text) || PRACTICE_WORDS.has(token.text)) && practiceTeamAt(tokens, m))
      return false;
  }
  return true;
}

/** "Jake Paul": a capitalised word after the name that is not this person's surname. */
function someoneElsesSurname(doc: Doc, tokens: readonly Token[], at: number, entry: RosterEntry): boolean {
  const next = tokens[at + 1];
  const here = tokens[at] as Token;
  if (!next || next.sentence !== here.sentence || doc.shouting || !next.capitalised) return false;
  if (next.text === entry.surname || ROLE_WORDS.has(next.text) || ALL_TITLES.has(next.text)) return false;
  return next.text.length > 1;
}

/** One findStaffMentions call's state, for the helpers below. */
interface MentionSink {
  mentions: StaffMention[];
  tokens: readonly Token[];
  joined: { firstOf: number[]; lastOf: number[] } | null;
  practiceWords: ReadonlySet<string>;
  /** Whether the post is about the practice, once asked. */
  aboutPractice: boolean | undefined;
}

function addMention(
  { mentions, tokens, joined }: MentionSink,
  ruleId: string,
  entry: RosterEntry,
  first: number,
  last: number,
  confidence: number,
): void {
  const a = tokens[first] as Token;
  const b = tokens[last - 1] as Token;
  const [from, to] = joined
    ? [joined.firstOf[first] as number, (joined.lastOf[last - 1] as number) + 1]
    : [first, last];
  mentions.push({
    ruleId,
    staffIndex: entry.index,
    first: from,
    last: to,
    start: a.start,
    end: b.end,
    confidence,
  });
}

function practiceInPost(sink: MentionSink): boolean {
  if (sink.aboutPractice === undefined) {
    const { tokens, practiceWords } = sink;
    sink.aboutPractice = tokens.some(
      (t, k) =>
        (PRACTICE_WORDS.has(t.text) && practiceTeamAt(tokens, k)) ||
        practiceWords.has(t.text) ||
        CARE_WORDS.has(t.text),
    );
  }
  return sink.aboutPractice;
}

const workInPost = (tokens: readonly Token[]): boolean => tokens.some((t) => WORK_WORDS.has(t.text));

export function findStaffMentions(
  doc: Doc,
  staff: readonly StaffMember[],
  practiceWords: ReadonlySet<string> = new Set(),
): StaffMention[] {
  if (staff.length === 0) return [];
  const prepared = rosterFor(staff);
  const { entries: roster, givenOwners, surnameOwners, surnameHeads } = prepared;
  // "O Sullivan", "Mc Donald": a surname written in two tokens is read as one.
  const joined = joinSplitSurnames(doc.tokens, surnameOwners, surnameHeads);
  const tokens = joined ? joined.view : doc.tokens;
  const mentions: StaffMention[] = [];
  // Module-level helpers, not closures: tsx (which the API runs under) wraps each named closure in a
  // call that sets its name, at every creation. Whether the post is about the practice (or work) is
  // only needed once a first name turns up.
  const mention: MentionSink = { mentions, tokens, joined, practiceWords, aboutPractice: undefined };

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const nextInSentence = next !== undefined && next.sentence === token.sentence ? next : undefined;
    let consumed = 0;
    // Looked up once per token: most tokens are neither a title nor a given name.
    const role = wordRole(prepared, token.text);
    const { isTitle, given } = role;

    if (mentions.length >= MAX_MENTIONS) break;
    // Aliases listed by the practice (may be several words).
    for (const { entry, alias } of role.aliases) {
      if (
        alias.every((word, k) => tokens[i + k]?.text === word && tokens[i + k]?.sentence === token.sentence)
      ) {
        addMention(mention, 'identifies_staff.alias', entry, i, i + alias.length, 0.85);
        consumed = Math.max(consumed, alias.length);
      }
    }

    // Title + double-barrelled surname, whole or its first part, or its initials: "Dr Carrington-Blake",
    // "Dr Carrington Blake", "Dr Carrington", "Dr C-B".
    if (consumed === 0 && isTitle && nextInSentence) {
      for (const e of roster) {
        if (e.surnameParts.length < 2 || !titleFits(token.text, e)) continue;
        const whole = surnamePartsAt(tokens, i + 1, e);
        const initials = whole === 0 ? surnameInitialsAt(tokens, i + 1, e) : 0;
        if (whole > 0) {
          addMention(mention, 'identifies_staff.title_surname', e, i, i + 1 + whole, 0.9);
          consumed = 1 + whole;
        } else if (initials > 0 && (nextInSentence.capitalised || doc.caseless)) {
          addMention(mention, 'identifies_staff.initial', e, i, i + 1 + initials, 0.7);
          consumed = 1 + initials;
        } else if (sameSurname(nextInSentence.text, e.surnameParts[0] ?? null)) {
          addMention(mention, 'identifies_staff.title_surname', e, i, i + 2, 0.85);
          consumed = 2;
        }
        if (consumed > 0) break;
      }
    }

    // Title + surname, or title + near-miss surname.
    if (consumed === 0 && isTitle && nextInSentence) {
      // "Dr Tom Hughes": let the full-name rule take it from the next token.
      const afterFirst = tokens[i + 2];
      const exact = roster.find(
        (e) => sameSurname(nextInSentence.text, e.surname) && titleFits(token.text, e),
      );
      const fullAhead = roster.find(
        (e) => e.firstName === nextInSentence.text && afterFirst?.text === e.surname,
      );
      if (exact && !fullAhead) {
        const elsewhere = !DOCTOR_TITLES.has(token.text) && belongsElsewhere(tokens, i + 2, practiceWords);
        if (!elsewhere) addMention(mention, 'identifies_staff.title_surname', exact, i, i + 2, 0.9);
        consumed = 2;
      } else if (!fullAhead && nextInSentence.text.length >= 3) {
        const candidates = roster.filter((e) => {
          // Fuzzy only under a professional title that fits: "Dr Shaw" for Dr Shah, never "Mrs Shaw".
          const professional =
            (DOCTOR_TITLES.has(token.text) && e.titleClass === 'doctor') ||
            (NURSE_TITLES.has(token.text) && e.titleClass === 'nurse');
          if (!e.surname || !professional) return false;
          // "Dr Forsythe" for Dr Forsyth-Grant: a double-barrelled surname's first part is fuzzed too.
          const forms = e.surnameParts.length > 1 ? [e.surname, e.surnameParts[0] as string] : [e.surname];
          const base = possessiveBase(doc, nextInSentence);
          return forms.some((form) => {
            if (form[0] !== nextInSentence.text[0]) return false;
            const budget = nearMissBudget(form);
            if (budget === 0) return false;
            if (boundedEditDistance(nextInSentence.text, form, budget) <= budget) return true;
            // "Dr Sandu's": the misspelling, less its possessive.
            return base !== null && boundedEditDistance(base, form, budget) <= budget;
          });
        });
        if (candidates.length === 1) {
          addMention(mention, 'identifies_staff.near_miss', candidates[0] as RosterEntry, i, i + 2, 0.75);
          consumed = 2;
        }
      }
    }

    // Title + first name or its start: "Dr Fiona", "Dr Raj" for Dr Rajesh (3+ letters, one fit), also
    // possessive ("Dr Joy's"); in lower case only a whole given name that is not a verb ("dr joy").
    if (consumed === 0 && isTitle && nextInSentence && nextInSentence.text.length >= 3) {
      const asName = nextInSentence.capitalised || doc.caseless || doc.shouting;
      const base = possessiveBase(doc, nextInSentence);
      const fits = (e: RosterEntry, word: string): boolean =>
        e.firstName !== null &&
        titleFits(token.text, e) &&
        (nextInSentence.capitalised || !NOT_A_NAME_AFTER_TITLE.has(word)) &&
        (asName
          ? e.given.has(word) || e.firstName.startsWith(word)
          : e.given.has(word) && !e.derived.has(word));
      let candidates = roster.filter((e) => fits(e, nextInSentence.text));
      if (candidates.length === 0 && base !== null) candidates = roster.filter((e) => fits(e, base));
      const only = candidates[0];
      // "Dr Helen Marsh": leave it to the full-name rule on the next token.
      const fullAhead =
        only !== undefined &&
        (sameSurname(tokens[i + 2]?.text ?? '', only.surname) || surnamePartsAt(tokens, i + 2, only) > 0);
      if (candidates.length === 1 && !fullAhead) {
        addMention(mention, 'identifies_staff.title_first_name', candidates[0] as RosterEntry, i, i + 2, 0.8);
        consumed = 2;
      }
    }

    // Title + initial: "Dr B" when one doctor's surname (or first name) starts with it.
    if (
      consumed === 0 &&
      isTitle &&
      nextInSentence &&
      nextInSentence.text.length === 1 &&
      nextInSentence.text !== 'i' &&
      nextInSentence.text !== 'a'
    ) {
      const initial = nextInSentence.text;
      const candidates = roster.filter(
        (e) => titleFits(token.text, e) && (e.surname?.[0] === initial || e.firstName?.[0] === initial),
      );
      if (candidates.length === 1 && (nextInSentence.capitalised || doc.caseless)) {
        addMention(mention, 'identifies_staff.initial', candidates[0] as RosterEntry, i, i + 2, 0.6);
        consumed = 2;
      }
    }

    // Full name.
    if (consumed === 0 && nextInSentence && given !== undefined) {
      const entry = given.find((e) => sameSurname(nextInSentence.text, e.surname));
      const barrelled = entry ? undefined : given.find((e) => surnamePartsAt(tokens, i + 1, e) > 0);
      if (entry) {
        addMention(mention, 'identifies_staff.full_name', entry, i, i + 2, 0.95);
        consumed = 2;
      } else if (barrelled) {
        const length = 1 + surnamePartsAt(tokens, i + 1, barrelled);
        addMention(mention, 'identifies_staff.full_name', barrelled, i, i + length, 0.95);
        consumed = length;
      }
    }

    // A double-barrelled surname alone is distinctive: "that Carrington Blake woman".
    if (consumed === 0 && given === undefined) {
      for (const e of role.barrelled) {
        const length = surnamePartsAt(tokens, i, e);
        if (length > 0) {
          addMention(mention, 'identifies_staff.surname', e, i, i + length, 0.8);
          consumed = length;
          break;
        }
      }
    }

    // Surname alone, with a role word right beside it ("that Ali fella on reception"), or written as
    // a person: after "that" ("That Cole is…") or before a verb of speech ("cole says no"). A bare
    // capitalised surname alone is not enough (many are places: Wells, Preston). Surnames that are
    // words need the role.
    // (Only for tokens that are a roster surname: this runs for every word of every post.)
    const owners = consumed === 0 && !doc.shouting ? role.surname : undefined;
    if (owners !== undefined && token.text.length >= 3) {
      const previous = tokens[i - 1];
      const following = tokens[i + 1];
      const afterTitle = previous !== undefined && ALL_TITLES.has(previous.text);
      const asName = token.capitalised || doc.caseless;
      const plainWord = WORD_NAMES.has(token.text) || token.text.length < 4;
      const personLike =
        !plainWord &&
        asName &&
        ((sameSentenceAs(previous, token) &&
          previous?.text === 'that' &&
          sameSentenceAs(following, token) &&
          (AFTER_THAT_NAME.has(following?.text ?? '') || ROLE_WORDS.has(following?.text ?? ''))) ||
          (sameSentenceAs(following, token) && SPEECH_AFTER.has(following?.text ?? '')));
      if (
        owners &&
        owners.length === 1 &&
        !afterTitle &&
        given === undefined &&
        ((token.capitalised && roleWordNear(tokens, i, 3)) || personLike)
      ) {
        addMention(mention, 'identifies_staff.surname', owners[0] as RosterEntry, i, i + 1, 0.7);
        consumed = 1;
      }
    }

    // A misspelt first name written as a name beside a role: "Tarik on reception" for Tariq.
    if (
      consumed === 0 &&
      token.text.length >= 5 &&
      given === undefined &&
      (doc.caseless || (token.capitalised && !doc.shouting && tokens[i - 1]?.sentence === token.sentence)) &&
      !role.nameOrRole &&
      (roleWordNear(tokens, i, 3) || placedAtPractice(tokens, i, practiceWords))
    ) {
      const near = roster.filter(
        (e) =>
          e.firstName !== null &&
          e.firstName.length >= 5 &&
          e.firstName[0] === token.text[0] &&
          boundedEditDistance(token.text, e.firstName, 1) <= 1,
      );
      if (near.length === 1) {
        addMention(mention, 'identifies_staff.near_miss', near[0] as RosterEntry, i, i + 1, 0.6);
        consumed = 1;
      }
    }

    // First name or nickname alone.
    if (consumed === 0) {
      const base = given !== undefined ? null : possessiveBase(doc, token);
      const owners = base === null ? given : givenOwners.get(base);
      if (owners && owners.length === 1) {
        const entry = owners[0] as RosterEntry;
        const roleNear =
          roleWordNear(tokens, i, 4) ||
          placedAtPractice(tokens, i, practiceWords) ||
          (actsAsPerson(tokens, i) && practiceInPost(mention));
        const capitalised = token.capitalised || doc.shouting || doc.caseless;
        const previous = tokens[i - 1];
        // "Could Sue do …": a capital inside a sentence marks a name; at its start it says nothing.
        const midSentenceCapital =
          token.capitalised &&
          !doc.shouting &&
          previous !== undefined &&
          previous.sentence === token.sentence;
        const afterTitle = previous !== undefined && ALL_TITLES.has(previous.text);
        // "our Chloe has chickenpox", "my Dean": one of the author's own family or friends.
        const ownPerson =
          previous !== undefined &&
          previous.sentence === token.sentence &&
          (previous.text === 'our' || previous.text === 'my') &&
          !roleWordNear(tokens, i, 2);
        const eligible =
          !afterTitle &&
          !ownPerson &&
          (capitalised || roleNear) &&
          (!WORD_NAMES.has(base ?? token.text) || roleNear || midSentenceCapital) &&
          // A clipped form we made up ("call" from Callum) must at least be written as a name.
          (!entry.derived.has(base ?? token.text) || token.capitalised || doc.caseless) &&
          !someoneElsesSurname(doc, tokens, i, entry) &&
          (roleNear || !belongsElsewhere(tokens, i + 1, practiceWords));
        if (eligible) {
          const confidence = roleNear ? 0.85 : practiceInPost(mention) ? 0.7 : workInPost(tokens) ? 0.6 : 0;
          if (confidence > 0) addMention(mention, 'identifies_staff.first_name', entry, i, i + 1, confidence);
        }
      }
    }
    i += Math.max(consumed, 1);
  }
  // A first name alone in a sentence about another business belongs to someone there.
  if (mentions.length === 0) return mentions;
  const elsewhereSentences = new Set<number>();
  for (const t of tokens) if (OTHER_BUSINESSES.has(t.text)) elsewhereSentences.add(t.sentence);
  if (elsewhereSentences.size === 0) return mentions;
  return mentions.filter(
    (m) =>
      !(m.ruleId === 'identifies_staff.first_name' || m.ruleId === 'identifies_staff.title_first_name') ||
      !elsewhereSentences.has((doc.tokens[m.first] as Token).sentence),
  );
}

/**
 * A view of the tokens in which a short prefix and the rest of a roster surname, written apart in one
 * sentence ("O Sullivan" for O'Sullivan, "Mc Donald"), are one token; null when there is none (the
 * common case). `firstOf` / `lastOf` map each view token back to the doc's token range.
 */
function joinSplitSurnames(
  tokens: readonly Token[],
  surnames: ReadonlyMap<string, unknown>,
  heads: ReadonlySet<string>,
): { view: Token[]; firstOf: number[]; lastOf: number[] } | null {
  let found = false;
  for (let k = 0; k + 1 < tokens.length && !found; k++) {
    const a = tokens[k] as Token;
    const b = tokens[k + 1] as Token;
    found =
      a.text.length <= 3 && a.sentence === b.sentence && heads.has(a.text) && surnames.has(a.text + b.text);
  }
  if (!found) return null;
  const view: Token[] = [];
  const firstOf: number[] = [];
  const lastOf: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k] as Token;
    const b = tokens[k + 1];
    if (b && a.text.length <= 3 && a.sentence === b.sentence && surnames.has(a.text + b.text)) {
      view.push({ ...a, text: a.text + b.text, end: b.end, index: view.length });
      firstOf.push(k);
      lastOf.push(k + 1);
      k++;
    } else {
      view.push(view.length === k ? a : { ...a, index: view.length });
      firstOf.push(k);
      lastOf.push(k);
    }
  }
  return { view, firstOf, lastOf };
}

// ---------------------------------------------------------------- identification by role

/** Role families, so "GP partner" and "salaried GP" both count as doctors. */
const ROLE_FAMILIES: ReadonlyArray<[family: string, words: readonly string[]]> = [
  ['manager', ['manager', 'managers', 'pm']],
  ['pharmacist', ['pharmacist']],
  ['nurse', ['nurse']],
  ['hca', ['hca', 'healthcare assistant', 'health care assistant']],
  ['receptionist', ['receptionist', 'reception', 'front desk', 'desk']],
  ['doctor', ['doctor', 'gp', 'doc', 'physician', 'registrar']],
  ['locum', ['locum']],
  ['physio', ['physio', 'physiotherapist']],
  ['paramedic', ['paramedic']],
  ['midwife', ['midwife']],
];

export function roleFamily(word: string): string | null {
  for (const [family, familyWords] of ROLE_FAMILIES) if (familyWords.includes(word)) return family;
  return null;
}

/** How many people on the roster hold each role family. */
const COUNTED = new WeakMap<readonly StaffMember[], Map<string, number>>();

export function roleCounts(staff: readonly StaffMember[]): Map<string, number> {
  const cached = COUNTED.get(staff);
  if (cached) return cached;
  const counts = new Map<string, number>();
  COUNTED.set(staff, counts);
  for (const member of staff) {
    const role = (member.role ?? (/^\s*dr\b/i.test(member.name) ? 'doctor' : '')).toLowerCase();
    const family = ROLE_FAMILIES.find(([, familyWords]) =>
      familyWords.some((w) => new RegExp(`\\b${w}\\b`).test(role)),
    )?.[0];
    if (family) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return counts;
}

export { NICKNAMES };
