// harm_indication: a sign of risk of harm to self or others — suicidal thoughts, self-harm, an
// overdose, a goodbye note; a child or vulnerable adult being hurt, neglected or frightened.
//
// Figurative death talk is not a sign of risk: "nearly died laughing", "dying for a brew",
// "where hope goes to die", "I'll probably be dead by then". Patterns name the act, the intent or
// the hopelessness, never "die"/"dead" alone.
//
// Safeguarding signs come in two strengths: a strong one (someone hits the kids, an adult is left
// with nobody checking on them) fires on its own; weaker ones (bruises, "scared of him", "who do I
// tell?") need two in the same post (see `derive` in classify.ts).

import type { PhraseRule } from '../phrases.js';
import TABLE_JSON from './tables/harm.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import { hitFrom, type RuleFamily } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const HARM_LISTS = TABLE.lists;
export const HARM_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

const YOUNG_CHILD: ReadonlySet<string> = new Set(TABLE.lists.harmYoungChild);
const TIME_CLAUSE: ReadonlySet<string> = new Set(TABLE.lists.harmTimeClause);
const CUT_THING: ReadonlySet<string> = new Set(TABLE.lists.harmCutThing);
const POSSESSIVE: ReadonlySet<string> = new Set(TABLE.lists.harmPossessive);
/** The words after a cutting verb name a thing: "cutting her own hair", "cut back on". */
function cutsAThing(tokens: readonly { text: string }[], after: number): boolean {
  for (let k = after; k < Math.min(tokens.length, after + 3); k++) {
    const text = (tokens[k] as { text: string }).text;
    if (CUT_THING.has(text)) return true;
    if (!POSSESSIVE.has(text)) return false;
  }
  return false;
}
const SUICIDE_TOPIC: ReadonlySet<string> = new Set(TABLE.lists.harmSuicideTopic);
const ASKED: ReadonlySet<string> = new Set(TABLE.lists.harmAsked);
const IF: ReadonlySet<string> = new Set(TABLE.lists.harmIf);
/** "The doctor asked if I'd had thoughts of harming myself": a screening question, not a disclosure. */
export function reportedQuestion(
  tokens: readonly { text: string; sentence: number }[],
  first: number,
): boolean {
  const sentence = (tokens[first] as { sentence: number }).sentence;
  let sawIf = false;
  for (let k = first - 1; k >= Math.max(0, first - 10); k--) {
    const t = tokens[k] as { text: string; sentence: number };
    if (t.sentence !== sentence) return false;
    if (IF.has(t.text)) sawIf = true;
    else if (sawIf && ASKED.has(t.text)) return true;
  }
  return false;
}
const LAUGHTER: ReadonlySet<string> = new Set(TABLE.lists.harmLaughter);

export const harm: RuleFamily = {
  name: 'harm_indication',
  lists: HARM_LISTS,
  rules: HARM_RULES,
  derive: (input, all) => {
    // "killing myself laughing", "ending myself lol": laughter after the words makes them figurative.
    const tokens = input.doc.tokens;
    const direct = all.filter((hit) => {
      const after = hit.last === undefined ? undefined : tokens[hit.last];
      if (after && LAUGHTER.has(after.text)) return false;
      // "suicide prevention course", "asked if I'd had thoughts of harming myself, I said no"
      if (after && SUICIDE_TOPIC.has(after.text)) return false;
      if (hit.first !== undefined && reportedQuestion(tokens, hit.first)) return false;
      // "been cutting her own hair", "cutting back": the cut is of a thing.
      if (hit.last !== undefined && cutsAThing(tokens, hit.last)) return false;
      // "we'll see who's laughing when I'm done": a time clause, not a goodbye.
      const before = hit.first === undefined ? undefined : tokens[hit.first - 1];
      if (before && TIME_CLAUSE.has(before.text) && hit.ruleId === 'harm_indication.suicidal') return false;
      // "my toddler hits me": the child is the one hitting, not the one at risk.
      if (hit.ruleId === 'harm_indication.safeguarding' && hit.first !== undefined) {
        for (let k = hit.first - 1; k >= Math.max(0, hit.first - 2); k--) {
          const before = tokens[k];
          if (before && YOUNG_CHILD.has(before.text)) return false;
        }
      }
      return true;
    });
    // Two different weaker signs (bruises + "who do I tell?") make a safeguarding concern.
    const signs = input.hitsOf('harm_indication.concern_sign');
    // Signs that overlap ("shouts at her" inside "shouts at her kids") are one sign.
    let distinct = 0;
    let end = -1;
    const seen = new Set<string>();
    for (const sign of [...signs].sort((a, b) => a.start - b.start)) {
      const text = input.doc.original.slice(sign.start, sign.end).toLowerCase();
      if (sign.start < end || seen.has(text)) continue;
      seen.add(text);
      end = sign.end;
      distinct++;
    }
    if (distinct < 2) return direct;
    return [
      ...direct,
      ...signs.map((sign) => hitFrom(sign, 'harm_indication', 'harm_indication.safeguarding_signs', 0.7)),
    ];
  },
};
