// The rule tables (rules/tables/*.json) as the phrase rules and word lists the families use.
//
// A table is data: word lists, and rules of `id`, `category` (absent for a signal that a family's
// `derive` step combines), `confidence`, `meaning` (one plain sentence, shown to a manager as what the
// evidence means), `patterns` (the phrase language of phrases.ts) and `examples` that the rule must
// and must not match — tables.test.ts runs every example, so the examples are the rule's tests.
// The JSON is imported, not read from disk, so it works in the browser; its shape is checked with zod
// by the tests and by the build (schema.ts, scripts/check-tables.ts), not again at run time.

import type { Category } from '../../../model/constants.js';
import type { PhraseRule } from '../../phrases.js';

/** Words that must stand before a hit (nearest first), each step within `within` tokens of the last. */
export interface TableBehind {
  /** Words, or `@name` for every word of a list. */
  words: readonly string[];
  within: number;
}

export interface TableRule {
  id: string;
  category?: Category;
  confidence: number;
  meaning: string;
  patterns: readonly string[];
  /** Only for rules matched from their rarest word (concern-signals.ts): words that must precede the hit. */
  behind?: readonly TableBehind[];
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

/**
 * A finding a family's `derive` step makes in code from signals and detectors (a phone number beside a
 * name): no patterns of its own, but a meaning and examples that classify() must and must not cite it for.
 */
export interface TableFinding {
  id: string;
  category: Category;
  meaning: string;
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

export interface RuleTable<L extends string = string> {
  /** The family (file name without `.json`). */
  family: string;
  /** What the family is for and what it must leave alone, in a sentence or two. */
  about: string;
  lists: Readonly<Record<L, readonly string[]>>;
  rules: readonly TableRule[];
  findings?: readonly TableFinding[];
}

/** The table's rules as phrase rules: only what the matcher needs (meaning and examples stay behind). */
export const phraseRulesOf = (rules: readonly TableRule[]): PhraseRule[] =>
  rules.map((rule) =>
    rule.category === undefined
      ? { id: rule.id, confidence: rule.confidence, patterns: rule.patterns }
      : { id: rule.id, category: rule.category, confidence: rule.confidence, patterns: rule.patterns },
  );

/**
 * Types an imported table. `lists` keeps the JSON's own keys, so `TABLE.lists.weapon` is checked by
 * the compiler; the rest is taken as the schema says (schema.ts proves it in the tests and the build).
 */
export function ruleTable<T extends { lists: Record<string, string[]> }>(
  json: T,
): RuleTable<Extract<keyof T['lists'], string>> {
  return json as unknown as RuleTable<Extract<keyof T['lists'], string>>;
}

/** Every rule's meaning by rule id, for explaining evidence (the first table listing an id wins). */
export function meaningsOf(tables: readonly RuleTable[]): ReadonlyMap<string, string> {
  const meanings = new Map<string, string>();
  for (const table of tables)
    for (const rule of table.rules) if (!meanings.has(rule.id)) meanings.set(rule.id, rule.meaning);
  return meanings;
}
