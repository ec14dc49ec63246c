// threat: a threat of violence or harm to staff, patients or premises — explicit ("I'll stab …"),
// with a weapon ("coming in with a bat"), against the building ("torch that place"), or veiled
// ("watch your back", "I know what time she finishes", "better not be on her own").
//
// Figurative violence is not a threat: "could kill for a coffee", "this cough is killing me",
// "smashed it", "knock him down a peg", "bomb service". Patterns therefore need a violent verb AND a
// person or place as its object, never the verb alone.

import type { Doc, Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { wordKind, wordKinds } from '../word-kinds.js';
import { AboutPractice, SentenceFlags, threatVetoed } from './concern-signals.js';
import { phraseRulesOf, ruleTable } from './tables/load.js';
import TABLE_JSON from './tables/threat.json' with { type: 'json' };
import type { Hit, RuleFamily } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const THREAT_LISTS = TABLE.lists;
export const THREAT_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

// A backstop for threats phrased in ways no pattern lists: in one sentence, a violent word, a person or
// place near it, and a word of intent or menace ("Someone should teach that receptionist some manners
// with a fist"). Figurative uses ("kill for a coffee", "killing me", "smashed it") are excluded.
const VIOLENT: ReadonlySet<string> = new Set(TABLE.lists.thViolent);
const TARGET: ReadonlySet<string> = new Set(TABLE.lists.thTarget);
const MENACE: ReadonlySet<string> = new Set(TABLE.lists.thMenace);
const FIGURATIVE_AFTER: ReadonlySet<string> = new Set(TABLE.lists.thFigurativeAfter);
/** A sentence about a procedure ("the jab will hurt you a bit") is not a threat. */
const PROCEDURE: ReadonlySet<string> = new Set(TABLE.lists.thProcedure);
// The same lists as bits of a token's kinds: cueCombination tests every token of every post.
const VIOLENT_WORD = wordKind(VIOLENT);
const TARGET_WORD = wordKind(TARGET);
const MENACE_WORD = wordKind(MENACE);
const FIGURATIVE_AFTER_WORD = wordKind(FIGURATIVE_AFTER);
const PROCEDURE_WORD = wordKind(PROCEDURE);

function cueCombination(doc: Doc): Hit[] {
  const tokens = doc.tokens;
  const kinds = wordKinds(doc);
  const hits: Hit[] = [];
  let s = 0;
  while (s < tokens.length && hits.length < 5) {
    const sentence = (tokens[s] as Token).sentence;
    let e = s;
    while (e < tokens.length && (tokens[e] as Token).sentence === sentence) e++;
    let menace = false;
    let procedure = false;
    for (let k = s; k < e; k++) {
      const word = kinds[k] as number;
      if (word & MENACE_WORD) menace = true;
      if (word & PROCEDURE_WORD) procedure = true;
    }
    if (procedure) menace = false;
    if (menace) {
      for (let k = s; k < e; k++) {
        const token = tokens[k] as Token;
        if (!((kinds[k] as number) & VIOLENT_WORD)) continue;
        const after = tokens[k + 1];
        if (after && after.sentence === sentence && (kinds[k + 1] as number) & FIGURATIVE_AFTER_WORD)
          continue;
        // "a kick up the backside", "kick up a fuss"
        if (token.text === 'kick' && after?.text === 'up') continue;
        let target = -1;
        for (let m = Math.max(s, k - 4); m < Math.min(e, k + 5); m++)
          if (m !== k && (kinds[m] as number) & TARGET_WORD) target = m;
        if (target < 0) continue;
        const first = Math.min(k, target);
        const last = Math.max(k, target);
        hits.push({
          category: 'threat',
          ruleId: 'threat.cue_combination',
          start: (tokens[first] as Token).start,
          end: (tokens[last] as Token).end,
          confidence: 0.6,
          first,
          last: last + 1,
        });
        break;
      }
    }
    s = e;
  }
  return hits;
}

/** "I know where the surgery's car park is": a place everyone knows, not where someone leaves their car. */
function carPark(tokens: readonly Token[], hit: Hit): boolean {
  if (hit.ruleId !== 'threat.veiled' || hit.first === undefined || hit.last === undefined) return false;
  for (let k = hit.first; k + 1 < hit.last + 1; k++)
    if (tokens[k]?.text === 'car' && tokens[k + 1]?.text === 'park') return true;
  return false;
}

export const threat: RuleFamily = {
  name: 'threat',
  lists: THREAT_LISTS,
  rules: THREAT_RULES,
  derive: (input, direct) => {
    const flags = new SentenceFlags(input.doc.tokens);
    const about = new AboutPractice(input);
    const kept = direct.filter(
      (hit) => !threatVetoed(input, hit, flags, about) && !carPark(input.doc.tokens, hit),
    );
    if (kept.length > 0) return kept;
    return cueCombination(input.doc).filter((hit) => !threatVetoed(input, hit, flags, about));
  },
};
