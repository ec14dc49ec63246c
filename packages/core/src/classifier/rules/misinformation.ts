// misinformation: false health information. Recognised by the shape of the claim, not a list of
// posts: a vaccine said to cause harm or contain a device; a remedy said to cure a disease;
// antibiotics said to clear a virus; a condition or treatment called a myth or a scam; the
// conspiracy register ("big pharma", "they don't want you to know"); advice to stop medicines.
//
// Rebuttals are not misinformation: a post that says a claim is debunked, or that antibiotics
// *don't* work on colds, is suppressed by `misinformation.rebuttal` (see classify.ts).

import { WORD_LISTS } from '../lexicon.js';
import type { Doc, Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { phraseRulesOf, ruleTable } from './tables/load.js';
import TABLE_JSON from './tables/misinformation.json' with { type: 'json' };
import { hitFrom, type RuleFamily } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const MISINFORMATION_LISTS = TABLE.lists;
export const MISINFORMATION_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

const VACCINE: ReadonlySet<string> = new Set([...WORD_LISTS.vaccine, 'vaccinated', 'jabbed']);
/** Words that may open an imperative before its verb: "so don't…", "ladies, never…". */
const OPENERS: ReadonlySet<string> = new Set(TABLE.lists.misOpeners);

/** The hit starts its sentence or a clause after a comma, perhaps after one opener ("so", "please"). */
function opensSentence(doc: Doc, at: number): boolean {
  const { tokens, original } = doc;
  const here = tokens[at];
  if (!here) return false;
  const startsClause = (i: number): boolean => {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    return !prev || prev.sentence !== t.sentence || original.slice(prev.end, t.start).includes(',');
  };
  if (startsClause(at)) return true;
  return at > 0 && OPENERS.has((tokens[at - 1] as Token).text) && startsClause(at - 1);
}

export const misinformation: RuleFamily = {
  name: 'misinformation',
  lists: MISINFORMATION_LISTS,
  rules: MISINFORMATION_RULES,
  // A post that rebuts a claim repeats it; it does not spread it.
  derive: (input, direct) => {
    if (input.hitsOf('misinformation.rebuttal').length > 0) return [];
    const { tokens } = input.doc;
    const subject = input.hitsOf('misinformation.health_subject').length > 0;
    const advice = subject
      ? input
          .hitsOf('misinformation.advice_against')
          .filter((h) => opensSentence(input.doc, h.first))
          .map((h) => hitFrom(h, 'misinformation', 'misinformation.advice_against', 0.75))
      : [];
    const vaccineNamed = input
      .hitsOf('misinformation.health_subject')
      .some((h) => VACCINE.has(tokens[h.first]?.text ?? ''));
    const deaths = vaccineNamed
      ? input
          .hitsOf('misinformation.excess_deaths')
          .map((h) => hitFrom(h, 'misinformation', 'misinformation.vaccine_harm', 0.7))
      : [];
    const spread =
      input.hitsOf('misinformation.antibiotic_mention').length > 0 &&
      input.hitsOf('misinformation.viral_mention').length > 0
        ? input
            .hitsOf('misinformation.clears_claim')
            .map((h) => hitFrom(h, 'misinformation', 'misinformation.antibiotics_for_viruses', 0.7))
        : [];
    return [...direct, ...spread, ...advice, ...deaths];
  },
};
