// concern signals: compositional patterns for the two critical categories, `threat` and
// `harm_indication`, built from KINDS of words rather than whole phrases, so new phrasings of the
// same idea match: who speaks + what they mean to do + a harmful act + at whom ("I'm going to put
// that receptionist through the wall"), a consequence laid on the reader ("whatever happens next is
// on you"), a statement about safety ("can't keep myself safe"), a method or a relapse ("cut again
// last night", "took too many of my tablets"), and harm reported about someone else ("keeps talking
// about not being here").
//
// Each rule needs the harmful act AND its aim (a person, the practice, the author), never a violent
// or deathly word alone; `derive` vetoes the figurative and the out-of-scope: negated intent ("I'd
// never hurt anyone"), a procedure ("this will hurt you a bit"), hazards ("someone will get hurt on
// those stairs"), blame rather than menace ("someone will end up in A&E because of you"), and
// relapse words about things rather than people ("my hair was cut again").
//
// Linear: every pattern is a phrase of the shared matcher (bounded gaps, no backtracking over the
// text); `derive` looks at a bounded number of tokens around each hit.

import { WORD_LISTS } from '../lexicon.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import TABLE_JSON from './tables/concern-signals.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import type { Hit, RuleFamily, RuleInput } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const CONCERN_LISTS = TABLE.lists;

/** The table's rules matched as they are (the anchored ones, with words `behind`, are below). */
export const CONCERN_RULES: PhraseRule[] = phraseRulesOf(
  TABLE.rules.filter((rule) => rule.behind === undefined),
);

/**
 * Phrases matched from their rarest word, with the words that must come before them checked by
 * looking back (`behind`, nearest first): "someone's going to get [hurt]" is found at "hurt", then
 * "going" within 2 words before it and "someone" within 3 before that. Matching from a pronoun would
 * try the pattern at every "you" and "he" of every post.
 */
interface Anchored {
  id: string;
  category: 'threat' | 'harm_indication';
  confidence: number;
  patterns: readonly string[];
  behind: readonly { words: ReadonlySet<string>; within: number }[];
}
const set = (...lists: (readonly string[])[]): ReadonlySet<string> => new Set(lists.flat());
const PREMISES = set(CONCERN_LISTS.csPremises, ['youre', 'hes', 'shes', 'theyre', 'yous', 'they']);

const BEHIND_LISTS: Readonly<Record<string, readonly string[]>> = { ...WORD_LISTS, ...CONCERN_LISTS };
const behindWords = (words: readonly string[]): ReadonlySet<string> =>
  set(...words.map((w) => (w.startsWith('@') ? (BEHIND_LISTS[w.slice(1)] ?? []) : [w])));
export const ANCHORED: readonly Anchored[] = TABLE.rules.flatMap((rule) =>
  rule.behind === undefined
    ? []
    : [
        {
          id: rule.id,
          category: rule.category as Anchored['category'],
          confidence: rule.confidence,
          patterns: rule.patterns,
          behind: rule.behind.map((step) => ({ words: behindWords(step.words), within: step.within })),
        },
      ],
);
const ANCHOR_PREFIX = 'concern_anchor.';
const COMING_FOR_FOLLOW: ReadonlySet<string> = new Set(TABLE.lists.csComingForFollow);
/** Signal: "coming for …", a threat when what follows is the practice, its staff or everyone. */
const COMING_FOR = 'concern_anchor.coming_for';
const COMING_FOR_TARGET: ReadonlySet<string> = set(
  CONCERN_LISTS.csPremises,
  WORD_LISTS.role,
  WORD_LISTS.rolePlural,
  ['all', 'every', 'everyone', 'everybody', 'yous', 'youse', 'ya', 'the', 'that', 'this', 'your', 'lot'],
);
const ANCHOR_IDS: readonly string[] = ANCHORED.map((_, i) => `${ANCHOR_PREFIX}${i}`);
const ANCHOR_RULES: PhraseRule[] = ANCHORED.map((a, i) => ({
  id: `${ANCHOR_PREFIX}${i}`,
  confidence: a.confidence,
  patterns: a.patterns,
}));

/** The token where the words `behind` a hit start, or -1 when they are not there (same sentence). */
export function lookBehind(tokens: readonly Token[], first: number, behind: Anchored['behind']): number {
  let at = first;
  const sentence = (tokens[first] as Token).sentence;
  for (const step of behind) {
    let found = -1;
    for (let k = at - 1; k >= Math.max(0, at - step.within - 1); k--) {
      const t = tokens[k] as Token;
      if (t.sentence !== sentence) break;
      if (step.words.has(t.text)) {
        found = k;
        break;
      }
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/** Someone the writer might wake: "I hope I don't wake up the baby" is no wish to die. */
const WOKEN: ReadonlySet<string> = new Set(TABLE.lists.csWoken);
function wakesSomeoneElse(tokens: readonly Token[], last: number): boolean {
  const wake = tokens[last - 1];
  if (wake === undefined || (wake.text !== 'wake' && wake.text !== 'waking')) return false;
  let next = tokens[last];
  if (next?.text === 'up' && next.sentence === wake.sentence) next = tokens[last + 1];
  return next !== undefined && next.sentence === wake.sentence && WOKEN.has(next.text);
}

/** A harm act about a thing, not a person: "my hair was cut again", "the line got cut again". */
const NOT_SELF_BEFORE: ReadonlySet<string> = new Set(TABLE.lists.csNotSelfBefore);
/** Intent words are negated: "I'd never hurt anyone", "I'm not going to kill anyone". */
const NEGATION: ReadonlySet<string> = new Set(TABLE.lists.csNegation);
/** A sentence about a procedure, a hazard or a game: hurt without anyone meaning it. */
const INNOCENT_HURT: ReadonlySet<string> = new Set(TABLE.lists.csInnocentHurt);
/** Blame, not menace: "someone will end up in A&E because of your waiting list". */
const BLAME: ReadonlySet<string> = new Set(TABLE.lists.csBlame);
/** Recourse through formal channels: "they won't know what's hit them" in a letter to the MP is no threat. */
export const FORMAL: ReadonlySet<string> = new Set(TABLE.lists.csFormal);
/** Formal recourse rejected: "screw the complaints process, I'll sort this the old fashioned way". */
const REJECT: ReadonlySet<string> = new Set(TABLE.lists.csReject);
const KNOW_WHERE: ReadonlySet<string> = new Set(TABLE.lists.csKnowWhere);
const NOT_FIRE: ReadonlySet<string> = new Set(TABLE.lists.csNotFire);
/** Anyone at all as the victim: "I'm going to kill someone" is hyperbole unless the practice is in the post. */
const VAGUE_VICTIM: ReadonlySet<string> = new Set(TABLE.lists.csVagueVictim);
const HURT_WORDS: ReadonlySet<string> = new Set(TABLE.lists.csHurtWords);
const END_UP: ReadonlySet<string> = new Set(TABLE.lists.csEndUp);
const UP: ReadonlySet<string> = new Set(['up']);
const HYPERBOLE_VERB: ReadonlySet<string> = new Set(TABLE.lists.csHyperboleVerb);
const PRACTICE_CONTEXT: ReadonlySet<string> = new Set([
  ...WORD_LISTS.practice,
  ...WORD_LISTS.role,
  ...WORD_LISTS.rolePlural,
]);

/** True when the post is about the practice: its name, its staff or words of its service. */
export function aboutPractice(input: RuleInput): boolean {
  if (input.staff.length > 0) return true;
  for (const t of input.doc.tokens)
    if (PRACTICE_CONTEXT.has(t.text) || input.practiceWords.has(t.text)) return true;
  return false;
}

/**
 * Vetoes shared with threat.ts: a veiled threat in a sentence about formal recourse, and "kill
 * someone" hyperbole in a post that never mentions the practice (a pizza order, a parcel).
 */
export function threatVetoed(
  input: RuleInput,
  hit: Hit,
  flags: SentenceFlags,
  about: AboutPractice,
): boolean {
  const tokens = input.doc.tokens;
  const first = hit.first ?? -1;
  const last = hit.last ?? -1;
  if (first < 0) return false;
  // "burning question", "burning desire": not fire.
  if (tokens[first]?.text === 'burning' && NOT_FIRE.has(tokens[first + 1]?.text ?? '')) return true;
  if (
    (hit.ruleId === 'threat.veiled' || hit.ruleId === 'threat.consequence') &&
    flags.has(first, FORMAL, 'formal') &&
    !flags.has(first, REJECT, 'reject')
  )
    return true;
  // "I know where the staff car park is, can patients use it?": a question, not a threat.
  if (
    hit.ruleId === 'threat.veiled' &&
    anyIn(tokens, first, last, KNOW_WHERE) &&
    input.doc.questions.has((tokens[first] as Token).sentence)
  )
    return true;
  if (anyIn(tokens, first, last, VAGUE_VICTIM) && anyIn(tokens, first, last, HYPERBOLE_VERB) && !about.get())
    return true;
  // "someone will get hurt on those steps", "somebody will end up in A&E because of the wait"
  if (anyIn(tokens, first, last, HURT_WORDS) && flags.has(first, INNOCENT_HURT, 'innocent')) return true;
  if (
    anyIn(tokens, first, last, END_UP) &&
    anyIn(tokens, first, last, UP) &&
    flags.has(first, BLAME, 'blame')
  )
    return true;
  return false;
}

/** "she'll kill me if I move out, joking obvs": said in jest. */
const JOKING: ReadonlySet<string> = new Set(TABLE.lists.csJoking);
/** Rules whose hits a sentence of this kind vetoes. */
const VETO_INNOCENT = new Set(['threat.intent_violence', 'threat.harm_outcome']);

function sentenceOf(tokens: readonly Token[], at: number): [number, number] {
  const sentence = (tokens[at] as Token).sentence;
  let s = at;
  while (s > 0 && (tokens[s - 1] as Token).sentence === sentence) s--;
  let e = at;
  while (e < tokens.length && (tokens[e] as Token).sentence === sentence) e++;
  return [s, e];
}

function anyIn(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (words.has((tokens[k] as Token).text)) return true;
  return false;
}

/**
 * Whether the post is about the practice (aboutPractice), worked out on first need and remembered.
 * A class rather than a closure: under tsx, which runs the API, every named closure costs a call
 * that sets its name at each creation, and this one was made three times per post.
 */
export class AboutPractice {
  private known: boolean | undefined;
  constructor(private readonly input: RuleInput) {}
  get(): boolean {
    this.known ??= aboutPractice(this.input);
    return this.known;
  }
}

/** Sentences already judged, so a sentence with many hits is scanned once per check (linear). */
export class SentenceFlags {
  private readonly cache = new Map<string, boolean>();
  constructor(private readonly tokens: readonly Token[]) {}
  has(at: number, words: ReadonlySet<string>, key: string): boolean {
    const token = this.tokens[at] as Token;
    const id = `${key}:${token.sentence}`;
    let known = this.cache.get(id);
    if (known === undefined) {
      const [s, e] = sentenceOf(this.tokens, at);
      known = anyIn(this.tokens, s, e, words);
      this.cache.set(id, known);
    }
    return known;
  }
}

export const concernSignals: RuleFamily = {
  name: 'concern-signals',
  lists: CONCERN_LISTS,
  rules: [...CONCERN_RULES, ...ANCHOR_RULES],
  derive: (input, found) => {
    const tokens0 = input.doc.tokens;
    const direct = [...found];
    for (const ph of input.hitsOf(COMING_FOR)) {
      const next = tokens0[ph.last];
      if (!next || next.sentence !== (tokens0[ph.first] as Token).sentence) continue;
      const aimed = input.practiceWords.has(next.text) || COMING_FOR_TARGET.has(next.text);
      const after = tokens0[ph.last + 1];
      const determiner =
        next.text === 'the' || next.text === 'that' || next.text === 'this' || next.text === 'your';
      if (
        !aimed ||
        (determiner && !(after && (COMING_FOR_TARGET.has(after.text) || input.practiceWords.has(after.text))))
      )
        continue;
      let end = determiner && after ? after : next;
      // "coming for the nurse appointment" is a visit: the aim must end the phrase.
      let follow = tokens0[end.index + 1];
      while (
        follow &&
        follow.sentence === end.sentence &&
        (input.practiceWords.has(follow.text) || PREMISES.has(follow.text))
      ) {
        end = follow;
        follow = tokens0[end.index + 1];
      }
      if (follow && follow.sentence === end.sentence && !COMING_FOR_FOLLOW.has(follow.text)) continue;
      direct.push({
        category: 'threat',
        ruleId: 'threat.consequence',
        start: ph.start,
        end: end.end,
        confidence: 0.75,
        first: ph.first,
        last: end.index + 1,
      });
    }
    ANCHORED.forEach((anchored, i) => {
      for (const ph of input.hitsOf(ANCHOR_IDS[i] as string)) {
        const from = lookBehind(tokens0, ph.first, anchored.behind);
        if (from < 0) continue;
        const start = tokens0[from] as Token;
        direct.push({
          category: anchored.category,
          ruleId: anchored.id,
          start: start.start,
          end: ph.end,
          confidence: anchored.confidence,
          first: from,
          last: ph.last,
        });
      }
    });
    const tokens = input.doc.tokens;
    const flags = new SentenceFlags(tokens);
    const about = new AboutPractice(input);
    const out: Hit[] = [];
    for (const hit of direct) {
      if (hit.category === 'threat' && threatVetoed(input, hit, flags, about)) continue;
      const first = hit.first ?? 0;
      const last = hit.last ?? first;
      const id = hit.ruleId;
      if (VETO_INNOCENT.has(id) && flags.has(first, INNOCENT_HURT, 'innocent')) continue;
      if (id === 'threat.intent_violence' && anyIn(tokens, first, last, NEGATION)) continue;
      if (id === 'harm_indication.abuse' && flags.has(first, JOKING, 'joking')) continue;
      if (id === 'harm_indication.death_wish' && wakesSomeoneElse(tokens, last)) continue;
      if (id === 'harm_indication.relapse') {
        const before = tokens[first - 1];
        const at = tokens[first] as Token;
        if (before && before.sentence === at.sentence && NOT_SELF_BEFORE.has(before.text)) continue;
      }
      out.push(hit);
    }
    return out;
  },
};
