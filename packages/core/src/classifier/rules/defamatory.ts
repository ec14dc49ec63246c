// defamatory: a false factual allegation of wrongdoing — fraud, theft, bribery, falsifying records,
// being drunk on duty, a cover-up, negligence that killed someone — against the practice or a person.
//
// The classifier cannot know what is false; it flags allegations stated as fact. An allegation
// hedged as opinion ("I think", "probably", "seems") is an opinion, and "they don't care about
// patients, it's all about money" is a complaint: `defamatory.hedged` suppresses (see classify.ts).

import { WORD_LISTS } from '../lexicon.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import TABLE_JSON from './tables/defamatory.json' with { type: 'json' };
import { phraseRulesOf, ruleTable } from './tables/load.js';
import type { RuleFamily } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

const DIVERTABLE: readonly string[] = TABLE.lists.divertable;
export const DEFAMATORY_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

const PRACTICE_WORDS: ReadonlySet<string> = new Set([
  ...WORD_LISTS.practice,
  ...WORD_LISTS.role,
  'practice',
  'surgery',
  'dr',
]);

/** Medicines people divert for money. */

export const defamatory: RuleFamily = {
  name: 'defamatory',
  lists: { divertable: DIVERTABLE },
  rules: DEFAMATORY_RULES,
  derive: (input, direct) => {
    if (direct.length === 0) return direct;
    // An allegation in a sentence hedged as opinion is an opinion; one in a sentence reporting the
    // news or a film is a report; one about another business (with no practice word or member of
    // staff in the sentence) is not about the practice.
    const { tokens } = input.doc;
    const sentenceOf = (h: { first: number }) => (tokens[h.first] as Token).sentence;
    // An allegation repeated to refute it is not made.
    if (input.hitsOf('defamatory.refuted').length > 0) return [];
    if (input.hitsOf('defamatory.impersonation').length > 0) return [];
    const dropped = new Set(input.hitsOf('defamatory.hedged').map(sentenceOf));
    for (const h of input.hitsOf('defamatory.reported')) dropped.add(sentenceOf(h));
    const elsewhere = input.hitsOf('defamatory.elsewhere');
    if (elsewhere.length > 0) {
      const practice = new Set<number>(input.staff.map(sentenceOf));
      for (const t of tokens)
        if (PRACTICE_WORDS.has(t.text) || input.practiceWords.has(t.text)) practice.add(t.sentence);
      for (const h of elsewhere) if (!practice.has(sentenceOf(h))) dropped.add(sentenceOf(h));
    }
    if (dropped.size === 0) return direct;
    return direct.filter((hit) => !dropped.has(tokens[hit.first ?? -1]?.sentence ?? -1));
  },
};
