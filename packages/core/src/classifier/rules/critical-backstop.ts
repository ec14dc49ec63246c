// critical backstop: a high-recall second look for `threat` and `harm_indication`, the two critical
// categories, for posts the phrase families (threat.ts, harm.ts) did not catch.
//
// Instead of whole phrases it looks for KINDS of language — cues — and fires when enough different
// kinds meet in a short window (a sentence and the two after it), e.g. settling affairs + a goodbye,
// a method + a quantity, a veiled "be a shame" + knowing which car is hers, a gathering of mates + a
// violence emoji. One cue alone is never enough (except the explicit ones), so a single word such as
// "bridge", "pills" or "car park" stays quiet. Figurative violence ("killing me", "smashed it",
// "could murder a coffee") is vetoed before scoring. Recall matters more than precision here: a false
// alarm costs a manager a minute, a missed one can cost a life.
//
// Linear: cues come from the shared phrase matcher (bounded hits per rule); scoring visits each cue a
// bounded number of times (windows of 3 sentences); emoji are found in one pass over the text.

import type { Category } from '../../model/constants.js';
import type { Token } from '../normalise.js';
import type { PhraseHit, PhraseRule } from '../phrases.js';
import { wordKind, wordKinds } from '../word-kinds.js';
import { AboutPractice, SentenceFlags, threatVetoed } from './concern-signals.js';
import { reportedQuestion } from './harm.js';
import TABLE_JSON from './tables/critical-backstop.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import { Coverage, type Hit, type RuleFamily, type RuleInput } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const BACKSTOP_LISTS = TABLE.lists;

type Kind =
  // self harm
  | 'explicit'
  | 'farewell'
  | 'affairs'
  | 'giveaway'
  | 'note'
  | 'mhContext'
  | 'absence'
  | 'notice'
  | 'hopeless'
  | 'exhaustion'
  | 'resolve'
  | 'method'
  | 'contemplation'
  | 'attempt'
  | 'meds'
  | 'stockpile'
  | 'stopMeds'
  | 'edFast'
  | 'edPush'
  | 'edTag'
  // someone else at risk
  | 'subject'
  | 'injury'
  | 'neglect'
  | 'unsupervised'
  | 'exploitation'
  | 'unexplainedGoods'
  | 'control'
  | 'unseen'
  | 'homeSigns'
  | 'fear'
  | 'distress'
  | 'askHelp'
  | 'strongSign'
  | 'cleanCount'
  | 'slip'
  | 'unreachable'
  | 'calm'
  | 'kindness'
  | 'elderSign'
  | 'elderly'
  // threat
  | 'target'
  | 'person'
  | 'question'
  | 'violence'
  | 'fire'
  | 'incite'
  | 'knowingTag'
  | 'intent'
  | 'fuel'
  | 'veiledStrong'
  | 'menace'
  | 'retribution'
  | 'watchKnow'
  | 'watchPlace'
  | 'watchTime'
  | 'gathering'
  | 'emphasis'
  | 'ultimatum'
  | 'weaponEmoji'
  | 'heatEmoji'
  | 'evilEmoji';

const PREFIX = 'critical_backstop.';
/** Figurative uses ("killing me", "suicide awareness") that veto a violence or arson cue they overlap. */
const FIGURATIVE_ID = `${PREFIX}figurative`;

/** Cue patterns by kind (signals only: no category; `derive` scores them), from the table's rules. */
const CUES: Readonly<Partial<Record<Kind, readonly string[]>>> = Object.fromEntries(
  TABLE.rules
    .filter((rule) => rule.id !== FIGURATIVE_ID)
    .map((rule) => [rule.id.slice(PREFIX.length), rule.patterns]),
);

const KINDS = Object.keys(CUES) as Kind[];
/** Each cue rule's id → its kind's place in KINDS: a post's hits are sorted into kinds in one pass. */
const KIND_INDEX_OF_RULE: ReadonlyMap<string, number> = new Map(
  KINDS.map((kind, k) => [`${PREFIX}${kind}`, k]),
);
const FIGURATIVE_VETOED: ReadonlySet<Kind> = new Set(['violence', 'fire', 'explicit', 'veiledStrong']);
/** Threat cues that the shared threat vetoes apply to (hyperbole elsewhere, hazards, blame). */
const THREAT_VETOED: ReadonlySet<Kind> = new Set(['violence', 'veiledStrong', 'menace']);

export const BACKSTOP_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

/** Emoji the tokenizer drops but which carry menace beside a person or place. */
const WEAPON_EMOJI: ReadonlySet<number> = new Set([0x1f528, 0x1fa93, 0x1f5e1, 0x1f52a, 0x1f52b]);
const HEAT_EMOJI: ReadonlySet<number> = new Set([0x1f44a, 0x1f525, 0x1f4a3, 0x26b0, 0x1fa78]);
/** Hashtags of eating-disorder communities (the tokenizer drops the `#`). */
/** Grinning devils: mischief or malice, never praise. */
const EVIL_EMOJI: ReadonlySet<number> = new Set([0x1f608, 0x1f47f]);
const ED_TAGS: ReadonlySet<string> = new Set(TABLE.lists.cbEdTags);

/** Words of a relationship or contact with an adult, for age gaps. */
const CONTACT: ReadonlySet<string> = new Set(TABLE.lists.cbContact);
const ADULT_ROLE: ReadonlySet<string> = new Set(TABLE.lists.cbAdultRole);

const AGE_BEFORE: ReadonlySet<string> = new Set(TABLE.lists.cbAgeBefore);

/** The age a token states, when it reads as one: "is 90", "aged 7", "6yo", "12 year old". */
function ageOf(t: Token, before: Token | undefined, after: Token | undefined): number | undefined {
  let digits = t.text;
  if (digits.endsWith('yo') || digits.endsWith('yrs'))
    digits = digits.slice(0, digits.endsWith('yo') ? -2 : -3);
  else if (
    !(before && AGE_BEFORE.has(before.text)) &&
    !(after && (after.text === 'year' || after.text === 'years'))
  )
    return undefined;
  if (digits.length === 0 || digits.length > 3) return undefined;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(digits);
}

const MEDS: ReadonlySet<string> = new Set(BACKSTOP_LISTS.meds);

// The word lists collectCues checks every token against, as bits of the token's kinds.
const CONTACT_WORD = wordKind(CONTACT);
const MED_WORD = wordKind(MEDS);
const ADULT_ROLE_WORD = wordKind(ADULT_ROLE);
const ED_TAG_WORD = wordKind(ED_TAGS);
/** A number of 20 or more written in digits (2 or 3 of them). */
const isCount = (text: string): boolean =>
  (text.length === 2 || text.length === 3) && /^[0-9]+$/.test(text) && Number(text) >= 20;

const isDigits = (text: string): boolean => /^[0-9]+$/.test(text);

/** A cue on one token (top level, not a closure in collectCues: see AboutPractice). */
function fromToken(kind: Kind, t: Token): Cue {
  return { kind, sentence: t.sentence, start: t.start, end: t.end, first: t.index, last: t.index + 1 };
}

interface Cue {
  kind: Kind;
  sentence: number;
  start: number;
  end: number;
  first?: number;
  last?: number;
}

const SELF_WEIGHTS: Readonly<Partial<Record<Kind, number>>> = {
  explicit: 2,
  farewell: 1,
  affairs: 1,
  giveaway: 1,
  note: 1,
  mhContext: 1,
  absence: 1,
  notice: 1,
  hopeless: 1,
  exhaustion: 1,
  resolve: 1,
  method: 1,
  contemplation: 1,
  attempt: 1,
  meds: 1,
  stockpile: 2,
  stopMeds: 1,
  edFast: 1,
  edPush: 1,
  edTag: 1,
  cleanCount: 1,
  slip: 1,
  calm: 1,
  unreachable: 1,
};
const SELF_CONTEXT: ReadonlySet<Kind> = new Set(['meds', 'mhContext', 'method', 'cleanCount']);
const OTHER_SIGNS: ReadonlySet<Kind> = new Set([
  'injury',
  'neglect',
  'unsupervised',
  'exploitation',
  'unexplainedGoods',
  'control',
  'unseen',
  'homeSigns',
  'strongSign',
]);
const THREAT_WEIGHTS: Readonly<Partial<Record<Kind, number>>> = {
  violence: 1,
  fire: 1,
  incite: 1,
  knowingTag: 1,
  intent: 1,
  fuel: 1,
  veiledStrong: 2,
  menace: 1,
  retribution: 1,
  watchKnow: 1,
  watchPlace: 1,
  watchTime: 1,
  gathering: 1,
  emphasis: 1,
  ultimatum: 1,
  weaponEmoji: 2,
  heatEmoji: 1,
  evilEmoji: 1,
};
/** Cue kinds that can carry a threat on their own strength (emphasis and ultimatum only add to them). */
const THREAT_CORE: ReadonlySet<Kind> = new Set([
  'violence',
  'fire',
  'fuel',
  'veiledStrong',
  'knowingTag',
  'menace',
  'retribution',
  'watchKnow',
  'watchPlace',
  'watchTime',
  'gathering',
  'weaponEmoji',
  'heatEmoji',
  'evilEmoji',
]);
/** Kinds without which no verdict is possible (a risk cue, a sign about someone, a core threat cue). */
const DECISIVE: ReadonlySet<Kind> = new Set<Kind>([
  ...(Object.keys(SELF_WEIGHTS) as Kind[]).filter((k) => !SELF_CONTEXT.has(k)),
  ...OTHER_SIGNS,
  'elderSign',
  ...THREAT_CORE,
]);
const NO_HITS: readonly PhraseHit[] = [];
const NO_CUES: readonly Cue[] = [];
const WATCH: ReadonlySet<Kind> = new Set(['watchKnow', 'watchPlace', 'watchTime']);
const THRESHOLD = 2;
const WINDOW = 3;
const CONFIDENCE = 0.6;

function collectCues(input: RuleInput): Cue[] {
  const { doc } = input;
  const tokens = doc.tokens;
  const figurative = new Coverage(tokens.length, input.hitsOf(FIGURATIVE_ID));
  const flags = new SentenceFlags(tokens);
  const about = new AboutPractice(input);
  const cues: Cue[] = [];
  // The cue rules' hits by kind, in KINDS order (each kind's hits in text order, as hitsOf gives
  // them): from the few rule ids the post has hits for, rather than a lookup for each of ~60 kinds.
  const hitsByKind: (readonly PhraseHit[])[] = [];
  for (const [id, hits] of input.hitsByRule) {
    // Most are other families' rules: the prefix turns them away without a lookup.
    if (!id.startsWith(PREFIX)) continue;
    const k = KIND_INDEX_OF_RULE.get(id);
    if (k !== undefined) hitsByKind[k] = hits;
  }
  for (let k = 0; k < KINDS.length; k++) {
    const kind = KINDS[k] as Kind;
    for (const ph of hitsByKind[k] ?? NO_HITS) {
      if (FIGURATIVE_VETOED.has(kind) && figurative.overlaps(ph)) continue;
      if (kind === 'explicit' && reportedQuestion(tokens, ph.first)) continue;
      if (
        THREAT_VETOED.has(kind) &&
        threatVetoed(
          input,
          {
            category: 'threat',
            ruleId: kind,
            start: 0,
            end: 0,
            confidence: 0,
            first: ph.first,
            last: ph.last,
          },
          flags,
          about,
        )
      )
        continue;
      const sentence = (tokens[ph.first] as Token).sentence;
      cues.push({ kind, sentence, start: ph.start, end: ph.end, first: ph.first, last: ph.last });
    }
  }
  // People and the practice found by other parts of the pipeline are targets too.
  for (const mention of input.staff) {
    const t = tokens[mention.first];
    if (t) {
      cues.push({ ...fromToken('target', t), end: mention.end, last: mention.last });
      cues.push({ ...fromToken('person', t), end: mention.end, last: mention.last });
    }
  }
  // Age gaps: an adult's age in a sentence about a boyfriend, a man or lifts and messages, with a
  // child's age near it ("a 30 year old man … my 13 year old", "her boyfriend is 24, she's 14").
  const childAgeSentences: number[] = [];
  const adultAges: Token[] = [];
  const contactSentences = new Set<number>();
  const tokenKinds = wordKinds(doc);
  for (const t of tokens) {
    const word = tokenKinds[t.index] as number;
    if (input.practiceWords.has(t.text)) cues.push(fromToken('target', t));
    if (word & CONTACT_WORD) contactSentences.add(t.sentence);
    if ((t.index === 0 || tokens[t.index - 1]?.sentence !== t.sentence) && doc.questions.has(t.sentence))
      cues.push(fromToken('question', t));
    // An adult's age beside a "boyfriend" or "man" (grooming shows as an age gap; the child's age is
    // the subject cue's business).
    // A child's or an old person's age ("only 9", "aged 88", "6yo") marks the subject as vulnerable.
    // Ages are written in digits ("is 90", "6yo", "(84)"): skip the look for any other token.
    const c0 = t.text.charCodeAt(0);
    const digit = c0 >= 48 && c0 <= 57;
    const bracketed =
      digit && t.start > 0 && doc.original[t.start - 1] === '(' && /^[0-9]{1,3}$/.test(t.text);
    const age = !digit
      ? undefined
      : bracketed
        ? Number(t.text)
        : ageOf(t, tokens[t.index - 1], tokens[t.index + 1]);
    if (age !== undefined && (age < 18 || age >= 70)) cues.push(fromToken('subject', t));
    if (age !== undefined && age >= 70) cues.push(fromToken('elderly', t));
    if (age !== undefined && age < 16) childAgeSentences.push(t.sentence);
    if (age !== undefined && age >= 18 && age < 70) adultAges.push(t);
    // A count of tablets beside a med name ("60 diazepam", "40 of the co-codamol") is a quantity put by.
    if (word & MED_WORD) {
      for (let k = Math.max(0, t.index - 4); k < t.index; k++) {
        const n = tokens[k] as Token;
        const before = tokens[k - 1];
        const after = tokens[k + 1];
        const partOfNumber =
          (before !== undefined && isDigits(before.text)) || (after !== undefined && isDigits(after.text));
        if (n.sentence === t.sentence && isCount(n.text) && !partOfNumber)
          cues.push({ ...fromToken('stockpile', n), end: t.end, last: t.index + 1 });
      }
    }
    if (word & ADULT_ROLE_WORD) {
      for (let k = t.index + 1; k <= t.index + 3 && k < tokens.length; k++) {
        const n = (tokens[k] as Token).text;
        if (n.length === 2 && n >= '18' && n <= '99' && (tokens[k] as Token).sentence === t.sentence)
          cues.push({ ...fromToken('exploitation', t), end: (tokens[k] as Token).end, last: k + 1 });
      }
    }
    if (word & ED_TAG_WORD && t.start > 0 && doc.original[t.start - 1] === '#')
      cues.push(fromToken('edTag', t));
  }
  for (const t of adultAges) {
    if (!contactSentences.has(t.sentence)) continue;
    if (childAgeSentences.some((c) => Math.abs(c - t.sentence) <= 1)) cues.push(fromToken('strongSign', t));
  }
  // Emoji: one pass over the text from its first wide character (none: no emoji), each placed in
  // the sentence of the token before it.
  const text = doc.original;
  let next = 0;
  for (let i = doc.wideFrom < 0 ? text.length : doc.wideFrom; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    if (code < 0x2000) continue;
    const kind: Kind | undefined = WEAPON_EMOJI.has(code)
      ? 'weaponEmoji'
      : HEAT_EMOJI.has(code)
        ? 'heatEmoji'
        : EVIL_EMOJI.has(code)
          ? 'evilEmoji'
          : undefined;
    if (kind !== undefined) {
      while (next < tokens.length && (tokens[next] as Token).start < i) next++;
      const anchor = tokens[next - 1] ?? tokens[next];
      const width = code > 0xffff ? 2 : 1;
      cues.push({ kind, sentence: anchor ? anchor.sentence : 0, start: i, end: i + width });
    }
    if (code > 0xffff) i++;
  }
  return cues;
}

/** Cues bucketed by sentence, so a window of sentences is a few array lookups. */
function bySentence(cues: readonly Cue[]): Map<number, Cue[]> {
  const map = new Map<number, Cue[]>();
  for (const cue of cues) {
    const list = map.get(cue.sentence);
    if (list) list.push(cue);
    else map.set(cue.sentence, [cue]);
  }
  return map;
}

interface Verdict {
  category: Category;
  kinds: ReadonlySet<Kind>;
}

function judge(given: ReadonlySet<Kind>, signCues: number): Verdict[] {
  const verdicts: Verdict[] = [];
  // A slip counts only after counted abstinence ("90 days clean … slipped"), not on the ice; being
  // unreachable only after a goodbye.
  const kinds = new Set(given);
  if (!kinds.has('cleanCount')) kinds.delete('slip');
  if (!kinds.has('farewell')) kinds.delete('unreachable');
  if (!kinds.has('affairs') && !kinds.has('giveaway') && !kinds.has('farewell') && !kinds.has('note'))
    kinds.delete('calm');
  let self = 0;
  for (const kind of kinds) self += SELF_WEIGHTS[kind] ?? 0;
  // meds + stockpile is one idea (counting out tablets): don't count the med name twice.
  if ((kinds.has('stockpile') || kinds.has('stopMeds')) && kinds.has('meds')) self -= 1;
  // Context alone (a med name, a bridge, mental-health words) is not a sign of risk: it needs a risk cue.
  let risk = false;
  for (const kind of kinds) if ((SELF_WEIGHTS[kind] ?? 0) > 0 && !SELF_CONTEXT.has(kind)) risk = true;
  if (!risk) self = 0;
  if (self >= THRESHOLD) verdicts.push({ category: 'harm_indication', kinds: keysOf(kinds, SELF_WEIGHTS) });

  if (kinds.has('subject')) {
    // Two different signs, or one strong one, beside a vulnerable subject.
    const strong = kinds.has('strongSign') || (kinds.has('elderSign') && kinds.has('elderly'));
    const signs = strong ? Math.max(2, signCues) : signCues;
    if (signs >= 2 || (signs === 1 && (kinds.has('fear') || kinds.has('askHelp') || kinds.has('distress')))) {
      const used = new Set<Kind>(['subject', 'fear', 'askHelp', 'distress', 'elderSign', ...OTHER_SIGNS]);
      verdicts.push({ category: 'harm_indication', kinds: new Set([...kinds].filter((k) => used.has(k))) });
    }
  }

  // A gathering "coming down" is aimed at the practice even when it is not named.
  if (
    kinds.has('target') ||
    kinds.has('weaponEmoji') ||
    kinds.has('gathering') ||
    kinds.has('veiledStrong')
  ) {
    let threat = 0;
    let core = false;
    for (const kind of kinds) {
      threat += THREAT_WEIGHTS[kind] ?? 0;
      if (THREAT_CORE.has(kind)) core = true;
    }
    // Knowing someone's car or hours is only menacing about a person, and not in a plain question
    // ("what time does the car park close?").
    let watchOnly = true;
    for (const kind of kinds) if (THREAT_CORE.has(kind) && !WATCH.has(kind)) watchOnly = false;
    if (watchOnly && (!kinds.has('person') || kinds.has('question') || kinds.has('kindness'))) core = false;
    if (core && threat >= THRESHOLD) {
      const used = keysOf(kinds, THREAT_WEIGHTS);
      verdicts.push({ category: 'threat', kinds: new Set([...used, 'target']) });
    }
  }
  return verdicts;
}

const keysOf = (kinds: ReadonlySet<Kind>, weights: Readonly<Partial<Record<Kind, number>>>): Set<Kind> =>
  new Set([...kinds].filter((k) => (weights[k] ?? 0) > 0));

/** Signs about someone else in a window: cues that do not overlap, at most two of a kind. */
function countSigns(window: readonly Cue[]): number {
  const signs = window.filter((c) => OTHER_SIGNS.has(c.kind)).sort((a, b) => a.start - b.start);
  const perKind = new Map<Kind, number>();
  let count = 0;
  let end = -1;
  for (const cue of signs) {
    if (cue.start < end) continue;
    const n = perKind.get(cue.kind) ?? 0;
    if (n >= 2) continue;
    perKind.set(cue.kind, n + 1);
    end = cue.end;
    count++;
  }
  return count;
}

function derive(input: RuleInput, direct: Hit[]): Hit[] {
  const needThreat = !(input.found.get('threat')?.length ?? 0);
  const needHarm = !(input.found.get('harm_indication')?.length ?? 0);
  if (!needThreat && !needHarm) return direct;
  const cues = collectCues(input);
  // Nothing but context (people, places, med names, questions): no window can reach a verdict.
  if (!cues.some((cue) => DECISIVE.has(cue.kind))) return direct;
  const buckets = bySentence(cues);
  const sentences = [...buckets.keys()].sort((a, b) => a - b);
  const out = [...direct];
  const done = new Set<Category>();
  if (!needThreat) done.add('threat');
  if (!needHarm) done.add('harm_indication');
  for (const s of sentences) {
    const window: Cue[] = [];
    let decisive = false;
    for (let k = 0; k < WINDOW; k++)
      for (const cue of buckets.get(s + k) ?? NO_CUES) {
        window.push(cue);
        if (DECISIVE.has(cue.kind)) decisive = true;
      }
    // judge() reaches no verdict without a decisive kind (see DECISIVE): most windows have none.
    if (!decisive) continue;
    const kinds = new Set(window.map((c) => c.kind));
    for (const verdict of judge(kinds, countSigns(window))) {
      if (done.has(verdict.category)) continue;
      done.add(verdict.category);
      for (const cue of window) {
        if (!verdict.kinds.has(cue.kind)) continue;
        out.push({
          category: verdict.category,
          ruleId: `${verdict.category}.backstop_${cue.kind}`,
          start: cue.start,
          end: cue.end,
          confidence: CONFIDENCE,
          ...(cue.first !== undefined && cue.last !== undefined ? { first: cue.first, last: cue.last } : {}),
        });
      }
    }
    if (done.size === 2) break;
  }
  return out;
}

export const criticalBackstop: RuleFamily = {
  name: 'critical-backstop',
  lists: BACKSTOP_LISTS,
  rules: BACKSTOP_RULES,
  derive,
};
