// The rule tables' examples are their tests. Every rule's patterns, matched on their own (with every
// word list), must fire on each of its `match` sentences — so a sentence proves the rule it is listed
// under, not some neighbour. A `noMatch` near miss must not become evidence: for a rule that names a
// category, classify() (rules only) must not cite the rule's id, whether no pattern fires or the
// family's `derive` step vetoes it ("burning question for the practice"); for a signal, which is never
// evidence itself, none of its patterns may fire. A table's `findings` (made in code from signals and
// detectors, e.g. a phone number beside a name) are checked end to end: classify() must cite the
// finding for each `match` sentence and not for any near miss.

import { describe, expect, it } from 'vitest';
import { FAMILIES, readPost } from '../../classify.js';
import { WORD_LISTS } from '../../lexicon.js';
import LEXICON from '../../lexicon.json' with { type: 'json' };
import { PhraseMatcher } from '../../phrases.js';
import { CONTEXT, rulesOf } from '../../test-helpers.js';
import { lookBehind } from '../concern-signals.js';
import { RULE_TABLES } from './index.js';
import { phraseRulesOf, type TableRule } from './load.js';
import { checkTable, lexiconSchema } from './schema.js';

const lists: Record<string, readonly string[]> = { ...WORD_LISTS };
for (const family of FAMILIES) Object.assign(lists, family.lists ?? {});

const expandWords = (words: readonly string[]): ReadonlySet<string> =>
  new Set(words.flatMap((w) => (w.startsWith('@') ? (lists[w.slice(1)] ?? []) : [w])));

function matches(rule: TableRule, sentence: string): boolean {
  const [phraseRule] = phraseRulesOf([rule]);
  const matcher = new PhraseMatcher(phraseRule ? [phraseRule] : [], lists);
  const { doc } = readPost(sentence, CONTEXT);
  const behind = rule.behind?.map((step) => ({ words: expandWords(step.words), within: step.within }));
  return matcher
    .find(doc)
    .some((hit) => behind === undefined || lookBehind(doc.tokens, hit.first, behind) >= 0);
}

describe('rule tables', () => {
  for (const table of RULE_TABLES) {
    describe(table.family, () => {
      it('has the shape of a rule table, and every pattern compiles', () => {
        const checked = checkTable(table.family, table, lists);
        expect(checked.ok ? [] : checked.errors).toEqual([]);
      });
      for (const [index, rule] of table.rules.entries()) {
        it(`${rule.id} #${index}: matches its examples and none of its near misses`, () => {
          const missed = rule.examples.match.filter((sentence) => !matches(rule, sentence));
          const fired = rule.examples.noMatch.filter((sentence) =>
            rule.category === undefined ? matches(rule, sentence) : rulesOf(sentence).includes(rule.id),
          );
          expect({ missed, fired }).toEqual({ missed: [], fired: [] });
        });
      }
      for (const finding of table.findings ?? []) {
        it(`${finding.id} (a finding made in code): classify() cites it for its examples, not its near misses`, () => {
          const missed = finding.examples.match.filter((sentence) => !rulesOf(sentence).includes(finding.id));
          const fired = finding.examples.noMatch.filter((sentence) => rulesOf(sentence).includes(finding.id));
          expect({ missed, fired }).toEqual({ missed: [], fired: [] });
        });
      }
    });
  }

  it('the shared lexicon has the shape of one (lists of normalised words, each with a note)', () => {
    const parsed = lexiconSchema.safeParse(LEXICON);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('defines each word list once (patterns see the lists of every table, so a second would override the first)', () => {
    const owners = new Map<string, string[]>();
    for (const [family, names] of [
      ['lexicon', Object.keys(LEXICON.lists)] as const,
      ...RULE_TABLES.map((t) => [t.family, Object.keys(t.lists)] as const),
    ])
      for (const name of names) owners.set(name, [...(owners.get(name) ?? []), family]);
    expect([...owners].filter(([, families]) => families.length > 1)).toEqual([]);
  });

  it('names each family once', () => {
    const names = RULE_TABLES.map((t) => t.family);
    expect(new Set(names).size).toBe(names.length);
  });
});
