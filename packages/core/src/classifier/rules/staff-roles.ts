// identifies_staff without a name: a role that only one person holds ("the practice manager", "the
// pharmacist" when the roster has one), a role with a description that singles someone out ("the
// male GP", "that receptionist with the nose ring", "the new locum"), or a role caught on camera
// ("filming these receptionists"). "The receptionists" in general, or "the doctor" at a practice
// with several, identifies nobody. Names are matched in ../staff.ts.

import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { OTHER_BUSINESSES, roleCounts, roleFamily } from '../staff.js';
import { wordKind, wordKinds } from '../word-kinds.js';
import { phraseRulesOf, ruleTable } from './tables/load.js';
import TABLE_JSON from './tables/staff-roles.json' with { type: 'json' };
import { type Hit, hitFrom, type RuleFamily } from './types.js';

const OTHER_BUSINESS_WORD = wordKind(OTHER_BUSINESSES);

const TABLE = ruleTable(TABLE_JSON);

export const STAFF_ROLE_LISTS = TABLE.lists;
export const STAFF_ROLE_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

const ROLE_AS_GROUP = new Set(STAFF_ROLE_LISTS.roleAsGroup);

/** Words for filming or photographing someone. */
const RECORDING_WORDS: ReadonlySet<string> = new Set(TABLE.lists.staffRecordingWords);

/**
 * Filming or photographing earlier in the same sentence ("filmed a man kicking off … and the
 * receptionist stayed calm"). Audio recordings of a consultation are left out: the clinician in one is
 * not singled out by the recording.
 */
function recordedBefore(tokens: readonly Token[], at: number): boolean {
  const sentence = (tokens[at] as Token).sentence;
  for (let k = at - 1; k >= Math.max(0, at - 40); k--) {
    const token = tokens[k] as Token;
    if (token.sentence !== sentence) return false;
    if (RECORDING_WORDS.has(token.text)) return true;
  }
  return false;
}

export const identifiesStaff: RuleFamily = {
  name: 'identifies_staff',
  lists: STAFF_ROLE_LISTS,
  rules: STAFF_ROLE_RULES,
  derive: (input, direct) => {
    const hits: Hit[] = input.staff.map((m) => ({
      category: 'identifies_staff',
      ruleId: m.ruleId,
      start: m.start,
      end: m.end,
      confidence: m.confidence,
    }));
    // "the practice manager": only identifying when one person on the roster has that role. With
    // no roster, only the practice manager is assumed to be one person.
    const roster = input.context.staff ?? [];
    const counts = roleCounts(roster);
    // A role in a sentence about another business ("the nurse at the vets") is someone else's staff.
    const tokens = input.doc.tokens;
    const kinds = wordKinds(input.doc);
    const elsewhere = new Set<number>();
    for (let k = 0; k < tokens.length; k++)
      if ((kinds[k] as number) & OTHER_BUSINESS_WORD) elsewhere.add((tokens[k] as Token).sentence);
    for (const signal of input.hitsOf('identifies_staff.unique_role')) {
      if (elsewhere.has((tokens[signal.first] as Token).sentence)) continue;
      // "the nurse team", "the nurse appointments": a group or a service, not one person.
      const after = tokens[signal.last];
      if (
        after &&
        after.sentence === (tokens[signal.first] as Token).sentence &&
        ROLE_AS_GROUP.has(after.text)
      )
        continue;
      const role = (input.doc.tokens[signal.last - 1] as Token).text;
      const family = roleFamily(role);
      if (family === null) continue;
      // Locums are rarely on the roster, and a practice seldom has more than one at a time.
      const unique =
        family === 'locum'
          ? (counts.get('locum') ?? 0) <= 1
          : roster.length > 0
            ? counts.get(family) === 1
            : family === 'manager';
      if (unique) hits.push(hitFrom(signal, 'identifies_staff'));
      // A role in a post that was filmed or photographed is the one person in the footage.
      else if (recordedBefore(tokens, signal.first))
        hits.push(hitFrom(signal, 'identifies_staff', 'identifies_staff.recorded', 0.6));
    }
    // "Muslim receptionist wouldn't …", "Male nurse at …": a described role opening a sentence.
    for (const signal of input.hitsOf('identifies_staff.described_role')) {
      const first = tokens[signal.first] as Token;
      const before = tokens[signal.first - 1];
      const opens = before === undefined || before.sentence !== first.sentence;
      // "Female GP available Tuesday?" asks for a kind of clinician; it names no one.
      const asked = input.doc.questions.has(first.sentence);
      if (opens && !asked && !elsewhere.has(first.sentence))
        hits.push(hitFrom(signal, 'identifies_staff', 'identifies_staff.description', 0.6));
    }
    const local =
      elsewhere.size === 0
        ? direct
        : direct.filter((h) => !elsewhere.has(tokens[h.first ?? -1]?.sentence ?? -1));
    return [...hits, ...local];
  },
};
