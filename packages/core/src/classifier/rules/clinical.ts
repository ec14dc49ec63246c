// clinical_disclosure: the author shares their own or a relative's medical details — a condition, a
// symptom, a medicine, an operation, a diagnosis.
//
// A medical term counts only when it belongs to the author or their family (see `derive` in
// classify.ts): "my", "I have", "me" close to it; or "he/she" when the post has spoken of "my dad".
// Not a disclosure: a routine service with no detail ("my bloods", "flu clinic", "my results",
// "my meds review"); general health talk ("antibiotics don't work on colds"); another person's
// condition, which is patient_identifiable when they are named.

import { WORD_LISTS } from '../lexicon.js';
import { FIRST_NAMES } from '../names.js';
import type { Doc, Token } from '../normalise.js';
import type { PhraseHit, PhraseRule } from '../phrases.js';
import { wordKind, wordKinds } from '../word-kinds.js';
import TABLE_JSON from './tables/clinical.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import { Coverage, hitFrom, type RuleFamily } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

/** Also "liver's" / "kidneys": the normaliser drops apostrophes, so add the word + "s". */
const withS = (words: readonly string[]): string[] => [
  ...words,
  ...words.filter((w) => !w.endsWith('s') && w.length >= 3).map((w) => `${w}s`),
];
/** The table lists conditions and medicines once; each is matched with and without a final "s". */
export const CLINICAL_LISTS = {
  condition: withS(TABLE.lists.condition),
  medicine: withS(TABLE.lists.medicine),
};
export const CLINICAL_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

const SELF = new Set<string>(WORD_LISTS.self);
const MEDICINES = new Set<string>(CLINICAL_LISTS.medicine);
const RELATIVE = new Set<string>(WORD_LISTS.relative);
const OTHER_PERSON = new Set<string>(WORD_LISTS.otherPerson);
const THIRD_PRONOUN = new Set<string>(WORD_LISTS.thirdPronoun);
const CONDITION_ADJECTIVES: ReadonlySet<string> = new Set(TABLE.lists.clConditionAdjectives);
const STARTED_ON: ReadonlySet<string> = new Set(TABLE.lists.clStartedOn);
const STARTED_ON_LEAD: ReadonlySet<string> = new Set(TABLE.lists.clStartedOnLead);
const WINDOW = 10;
const AHEAD = 8;
const NUMBER = /^\d+$/;
/** "Back's", "knees": a body part with a possessive 's, as a sentence's opening subject. */
const BODY_POSSESSIVES: ReadonlySet<string> = new Set(TABLE.lists.clBodyPossessives);
/** "pov u finally get a gp appt … about ur PCOS": in a POV post "you" is the author. */
const SELF_POV = new Set<string>([...WORD_LISTS.self, 'u', 'ur', 'you', 'your', 'youre']);
const DOSE_CHANGES: ReadonlySet<string> = new Set(TABLE.lists.clDoseChanges);
const DIARY_OPENERS = new Set([
  'tested',
  'diagnosed',
  'caught',
  'started',
  'first',
  'second',
  'third',
  'fourth',
  'another',
  'day',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'night',
  'had',
  'having',
  // "Bloods came back, B12's through the floor": a result reported with the subject left out.
  'bloods',
  'results',
  'scan',
  'tests',
]);
function sentenceStartOf(tokens: readonly Token[], k: number): number {
  let s = k;
  while (s > 0 && (tokens[s - 1] as Token).sentence === (tokens[k] as Token).sentence) s--;
  return s;
}
const FAMILY_ADJECTIVES: ReadonlySet<string> = new Set(TABLE.lists.clFamilyAdjectives);

/** Kin words used as a name mean the author's own: "Dad's 84", "Nan was poorly", "mum said". */
const KIN_NAMES: ReadonlySet<string> = new Set(TABLE.lists.clKinNames);
const KIN_OTHERS: ReadonlySet<string> = new Set(TABLE.lists.clKinOthers);
const NOT_MINE: ReadonlySet<string> = new Set(TABLE.lists.clNotMine);

/** "my lad", "our bairn": words for one's child that are only family after "my"/"our". */
const MY_CHILD: ReadonlySet<string> = new Set(TABLE.lists.clMyChild);
// familyAt's lists as bits of a token's kinds (word-kinds.ts): it runs for many tokens of every post.
const MY_CHILD_WORD = wordKind(MY_CHILD);
const KIN_NAME_WORD = wordKind(KIN_NAMES);
const RELATIVE_WORD = wordKind(RELATIVE);
/** "Mum's friend", "dad's wife": a word that makes the kin word before it someone else's. */
const THEIRS_AFTER_WORD = wordKind([...OTHER_PERSON, ...KIN_OTHERS]);
/** "my 2 year old", "our 6 month old". */
const AGE_UNITS: ReadonlySet<string> = new Set(TABLE.lists.clAgeUnits);
const NOT_FAMILY_NAMES = new Set<string>([
  ...WORD_LISTS.practice,
  ...WORD_LISTS.role,
  ...WORD_LISTS.rolePlural,
]);

// Top-level helpers rather than closures: familyAt runs for many tokens of every post.
function inSentence(t: Token | undefined, sentence: number): t is Token {
  return t !== undefined && t.sentence === sentence;
}
function possessiveIn(t: Token | undefined, sentence: number): boolean {
  return inSentence(t, sentence) && (t.text === 'my' || t.text === 'our' || t.text === 'me');
}

/** "my dad", "our son", "my brother-in-law": the author's family. */
function familyAt(tokens: readonly Token[], kinds: Int32Array, k: number): boolean {
  const token = tokens[k] as Token;
  const before = tokens[k - 1];
  const word = kinds[k] as number;
  const sentence = token.sentence;
  // "our Kayden", "our Lily": a name after "our" is one of the family (a Northern English usage).
  if (
    before?.text === 'our' &&
    inSentence(before, sentence) &&
    token.capitalised &&
    !token.allCaps &&
    !NOT_FAMILY_NAMES.has(token.text) &&
    token.text.length > 2
  )
    return true;
  if (word & MY_CHILD_WORD) return possessiveIn(before, sentence);
  // "my 2 year old", "our 18 month old".
  if (token.text === 'old' && AGE_UNITS.has(tokens[k - 1]?.text ?? '')) {
    const count = tokens[k - 2];
    return count !== undefined && /^\d+$/.test(count.text) && possessiveIn(tokens[k - 3], sentence);
  }
  // "Todley Mums", "Mums Net": a kin word inside a capitalised name is a group, not the author's mum.
  if (
    word & KIN_NAME_WORD &&
    token.capitalised &&
    inSentence(before, sentence) &&
    before.capitalised &&
    !before.allCaps &&
    !possessiveIn(before, sentence) &&
    before.text !== 'i'
  ) {
    const first = tokens[k - 2];
    if (inSentence(first, sentence)) return false;
  }
  // "Mum's friend …" is about the friend.
  if (
    word & KIN_NAME_WORD &&
    !(k + 1 < tokens.length && (kinds[k + 1] as number) & THEIRS_AFTER_WORD) &&
    !NOT_MINE.has(before?.text ?? '') &&
    !(before && RELATIVE.has(before.text))
  )
    return true;
  if (!(word & RELATIVE_WORD)) return false;
  // "my dad", or one describing word between: "my late husband", "my little brother".
  return (
    possessiveIn(tokens[k - 1], sentence) ||
    (possessiveIn(tokens[k - 2], sentence) && FAMILY_ADJECTIVES.has(tokens[k - 1]?.text ?? ''))
  );
}

const COLD_LEAD: ReadonlySet<string> = new Set(TABLE.lists.clColdLead);
const SICK_LEAD = new Set<string>([
  ...WORD_LISTS.relative,
  'he',
  'she',
  'hes',
  'shes',
  'im',
  'ive',
  'i',
  'been',
  'being',
  'feel',
  'feeling',
  'felt',
  'feels',
  'off',
  'throwing',
  'keeps',
  'kept',
  'got',
  'was',
  'were',
]);

/** "a cold", "been sick", "my son is poorly": the word at `k` names an illness. */
function illnessAt(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k] as Token;
  const previous = tokens[k - 1];
  if (previous === undefined || previous.sentence !== token.sentence) return false;
  if (token.text === 'cold' || token.text === 'colds') return COLD_LEAD.has(previous.text);
  if (previous.text === 'was' || previous.text === 'were') return true;
  // "my son is sick", "she's been poorly": a person within two words before.
  for (let m = k - 1; m >= Math.max(0, k - 3); m--) {
    const t = tokens[m] as Token;
    if (t.sentence !== token.sentence) break;
    if (SICK_LEAD.has(t.text) && t.text !== 'was' && t.text !== 'were') return true;
  }
  return false;
}

/** Pets: "my dog has arthritis" is the dog's. */
const PETS: ReadonlySet<string> = new Set(TABLE.lists.clPets);

function isBlocker(doc: Doc, token: Token, familyInPost: boolean): boolean {
  if (OTHER_PERSON.has(token.text) || PETS.has(token.text)) return true;
  if (THIRD_PRONOUN.has(token.text)) return !familyInPost;
  // Somebody else named: "Maureen Kaye … her bowel cancer".
  return token.capitalised && !doc.shouting && FIRST_NAMES.has(token.text);
}

/** The medical detail belongs to the author or their family. */
function owned(doc: Doc, hit: PhraseHit, familyStart: number, self: ReadonlySet<string>): boolean {
  const { tokens } = doc;
  const kinds = wordKinds(doc);
  const SELF = self;
  const familyInPost = familyStart >= 0 && familyStart < hit.first;
  const here = tokens[hit.first] as Token;
  // The detail names its owner itself: "with my back", "my chest pain".
  for (let k = hit.first; k < hit.last; k++)
    if (SELF.has((tokens[k] as Token).text) || familyAt(tokens, kinds, k)) return true;
  // "Back's still bad after …": a sentence opening with a body part and how it is, subject left out.
  if (hit.first === sentenceStartOf(tokens, hit.first) && BODY_POSSESSIVES.has(here.text)) return true;
  // Looking back within the sentence: "my chest", "I have had tonsillitis", "refused me antibiotics".
  // Numbers do not count towards the reach ("My son (NHS 954 536 9612) has been on …").
  for (let k = hit.first - 1, reach = 0; k >= 0 && reach < WINDOW; k--) {
    const token = tokens[k] as Token;
    if (token.sentence !== here.sentence) break;
    if (!NUMBER.test(token.text)) reach++;
    if (SELF.has(token.text) || familyAt(tokens, kinds, k)) return true;
    if (RELATIVE.has(token.text) && tokens[k - 1] && familyAt(tokens, kinds, k - 1)) return true;
    // Someone else is the subject nearer than the author: "… he's got terminal cancer, I saw him".
    if (isBlocker(doc, token, familyInPost) && !(familyInPost && FIRST_NAMES.has(token.text))) return false;
  }
  // Looking ahead: "this cough is killing me", "… inhalers. Mine got changed".
  for (let k = hit.last; k < Math.min(tokens.length, hit.last + AHEAD); k++) {
    const token = tokens[k] as Token;
    if (SELF.has(token.text)) return true;
    if (isBlocker(doc, token, familyInPost)) break;
  }
  // "He's got dementia" after "my dad …" earlier in the post.
  if (familyInPost) {
    for (let k = hit.first; k < hit.last; k++) if (THIRD_PRONOUN.has((tokens[k] as Token).text)) return true;
    for (let k = hit.first - 1; k >= Math.max(0, hit.first - WINDOW); k--) {
      const token = tokens[k] as Token;
      if (token.sentence !== here.sentence) break;
      if (THIRD_PRONOUN.has(token.text)) return true;
    }
  }
  // "Diabetic for 22 years." — a sentence that starts with the condition speaks of the author.
  const previous = tokens[hit.first - 1];
  if (CONDITION_ADJECTIVES.has(here.text) && (previous === undefined || previous.sentence !== here.sentence))
    return true;
  // "Migraine day 3": a condition opening a diary-style sentence.
  const next = tokens[hit.last];
  if (hit.first === sentenceStartOf(tokens, hit.first) && next && DIARY_OPENERS.has(next.text)) return true;
  // "Day 4 of shingles": a diary-style sentence about the author.
  const sentenceStart = sentenceStartOf(tokens, hit.first);
  if (DIARY_OPENERS.has(tokens[sentenceStart]?.text ?? '') && hit.first - sentenceStart <= 4) return true;
  // "Upped the sertraline.", "Stopped my statins": a dose change opening a sentence, subject left out.
  const verb = tokens[hit.first - 2];
  if (
    previous &&
    verb &&
    (previous.text === 'the' || previous.text === 'my') &&
    DOSE_CHANGES.has(verb.text) &&
    hit.first - 2 === sentenceStart
  )
    return true;
  // "… so back on ferrous sulphate" with no one else as the subject.
  if (previous && STARTED_ON.has(previous.text)) {
    const lead = tokens[hit.first - 2];
    const subject = tokens[hit.first - 3];
    const someoneElse =
      subject !== undefined && (THIRD_PRONOUN.has(subject.text) || isBlocker(doc, subject, familyInPost));
    return lead !== undefined && STARTED_ON_LEAD.has(lead.text) && !someoneElse;
  }
  return false;
}

export const clinical: RuleFamily = {
  name: 'clinical_disclosure',
  lists: CLINICAL_LISTS,
  rules: CLINICAL_RULES,
  derive: (input) => {
    const { doc } = input;
    const serviceWords = new Coverage(doc.tokens.length, input.hitsOf('clinical_disclosure.service_word'));
    const details = [...input.hitsOf('clinical_disclosure.medical_detail')];
    for (const h of input.hitsOf('clinical_disclosure.illness_word'))
      if (illnessAt(doc.tokens, h.first)) details.push(h);
    // Where the author's family is first mentioned; only looked for when there is a detail to own.
    let familyStart = -1;
    const kinds = wordKinds(doc);
    if (details.length > 0)
      for (let k = 0; k < doc.tokens.length; k++) {
        if (familyAt(doc.tokens, kinds, k)) {
          familyStart = k;
          break;
        }
      }
    const hits = details
      .filter((h) => !serviceWords.overlaps(h))
      .filter((h) => owned(doc, h, familyStart, doc.tokens[0]?.text === 'pov' ? SELF_POV : SELF))
      .map((h) => hitFrom(h, 'clinical_disclosure', 'clinical_disclosure.own_or_family', 0.8));
    // "Statins … Came off mine": a medicine named in the post, then one's own referred back to.
    const pronouns = input.hitsOf('clinical_disclosure.medicine_pronoun');
    if (pronouns.length > 0 && doc.tokens.some((t) => MEDICINES.has(t.text)))
      for (const h of pronouns)
        hits.push(hitFrom(h, 'clinical_disclosure', 'clinical_disclosure.own_or_family', 0.7));
    // Describing one's own self-harm or overdose is a clinical disclosure too.
    const selfHarm = (input.found.get('harm_indication') ?? []).filter(
      (h) => h.ruleId === 'harm_indication.self_harm',
    );
    for (const h of selfHarm)
      hits.push({
        ...h,
        category: 'clinical_disclosure',
        ruleId: 'clinical_disclosure.self_harm',
        confidence: 0.7,
      });
    return hits;
  },
};
