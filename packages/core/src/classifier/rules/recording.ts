// recording: a photo, video or audio recording of staff or patients on the premises.
//
// Needs both a recording ("filmed", "pic of", "on tape", 📹) and people to be in it (staff, a named
// member of staff, patients, "everyone", the queue, the waiting room, a consultation). A photo of
// the toilets, of a new bench or of the author's own rash is not a recording of people; a
// screenshot of a phone queue is not either; a "video consultation" is a kind of appointment.

import { findPersonNames } from '../names.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { LINK_LISTS, LINK_RULES, videoLinkHits } from './contact-details.js';
import { phraseRulesOf, ruleTable } from './tables/load.js';
import TABLE_JSON from './tables/recording.json' with { type: 'json' };
import { Coverage, type Hit, hitFrom, type RuleFamily, type RuleInput } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const RECORDING_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

/** "the hand gel dispenser", "the ticket machine": a role word used for a thing. */
const THING_BEFORE: ReadonlySet<string> = new Set(TABLE.lists.recThingBefore);
/** "can people stop sharing that photo": the people asked are the audience, not in the shot. */
const AUDIENCE_AFTER: ReadonlySet<string> = new Set(TABLE.lists.recAudienceAfter);
const objectNotPerson = (tokens: readonly Token[], at: number): boolean =>
  (tokens[at]?.text === 'dispenser' && THING_BEFORE.has(tokens[at - 1]?.text ?? '')) ||
  AUDIENCE_AFTER.has(tokens[at + 1]?.text ?? '');

const SELFIE_COMPANY: ReadonlySet<string> = new Set(TABLE.lists.recSelfieCompany);

/** Things a photo is taken of: "a pic of the waiting room clock", "photo of the new mural". */
const THINGS: ReadonlySet<string> = new Set(TABLE.lists.recThings);
const MEDIA_FILLER: ReadonlySet<string> = new Set(TABLE.lists.recMediaFiller);
const OBJECT_SKIP: ReadonlySet<string> = new Set(TABLE.lists.recObjectSkip);

/**
 * "A pic of the waiting room clock", "photo of the new mural": the recording is of a thing when the
 * first few words of its object name a thing before any person.
 */
function ofAThing(tokens: readonly Token[], media: { last: number }, people: Coverage): boolean {
  let k = media.last;
  // "snapped a quick pic of …": look past the words naming the picture itself.
  for (let n = 0; n < 3 && tokens[k] && MEDIA_FILLER.has((tokens[k] as Token).text); n++) k++;
  if (tokens[k]?.text !== 'of') return false;
  const sentence = (tokens[k] as Token).sentence;
  while (tokens[k] && OBJECT_SKIP.has((tokens[k] as Token).text)) k++;
  for (let n = 0; n < 3; n++, k++) {
    const t = tokens[k];
    if (!t || t.sentence !== sentence) return false;
    if (THINGS.has(t.text)) return true;
    if (people.overlaps({ first: k, last: k + 1 })) {
      // "the waiting room clock": a place word then a thing is still a thing.
      const next = tokens[k + 1];
      const afterNext = tokens[k + 2];
      if (next && THINGS.has(next.text)) return true;
      if (t.text === 'waiting' && afterNext && THINGS.has(afterNext.text)) return true;
      return false;
    }
  }
  return false;
}

function selfieWithOthers(tokens: readonly Token[], after: number): boolean {
  for (let k = after; k < after + 3 && k < tokens.length; k++)
    if (SELFIE_COMPANY.has((tokens[k] as Token).text)) return true;
  return false;
}

export const recording: RuleFamily = {
  name: 'recording',
  lists: LINK_LISTS,
  rules: [...RECORDING_RULES, ...LINK_RULES],
  derive: (input) => [...peopleRecorded(input), ...videoLinkHits(input)],
};

/** A recording word with people in the same sentence (or the next), not of a thing or for care. */
function peopleRecorded(input: RuleInput): Hit[] {
  const notMedia = input.hitsOf('recording.not_media');
  const excluded = new Coverage(input.doc.tokens.length, notMedia);
  const { tokens } = input.doc;
  // A selfie is of the author: it counts only "with" someone or at the practice ("selfie in reception").
  const candidates = input.hitsOf('recording.media');
  if (candidates.length === 0) return [];
  // Made past the early return: a named closure costs a call at each creation under tsx.
  const sentenceOf = (at: number) => tokens[at]?.sentence ?? -1;
  const peopleHits = input.hitsOf('recording.people');
  const inView = new Set(input.hitsOf('recording.in_view').map((h) => sentenceOf(h.first)));
  const peopleTokens = new Coverage(tokens.length, peopleHits);
  const media = candidates
    .filter((m) => !excluded.overlaps(m))
    .filter((m) => tokens[m.first]?.text !== 'selfie' || selfieWithOthers(tokens, m.last))
    .filter((m) => inView.size > 0 || !ofAThing(tokens, m, peopleTokens));
  if (media.length === 0) return [];
  // People must be in the sentence that speaks of the recording, not anywhere in the post.
  // (or the one after it: "Snapped the notice by reception. Behind it, three staff at their desks").
  const mediaSentences = new Set(media.flatMap((m) => [sentenceOf(m.first), sentenceOf(m.first) + 1]));
  // People in it: a people word, a member of staff, or a named person just after the recording word
  // ("[photo] Spotted Callum Reid …"), but not a name further on ("photo of the bench … Bill Harris").
  const named = findPersonNames(input.doc);
  const people =
    peopleHits.some((h) => mediaSentences.has(sentenceOf(h.first)) && !objectNotPerson(tokens, h.first)) ||
    input.staff.some((m) => mediaSentences.has(sentenceOf(m.first))) ||
    media.some((m) => named.some((p) => p.first >= m.last && p.first - m.last <= 6 && p.kind !== 'given'));
  return people ? media.map((m) => hitFrom(m, 'recording', 'recording.people_on_premises', 0.8)) : [];
}
