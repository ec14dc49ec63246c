// The shape of a rule table (tables/*.json), checked with zod by tables.test.ts and at build time by
// scripts/check-tables.ts — never at run time, so zod stays out of the browser bundle. Beyond the
// shape it checks what JSON cannot express: every `@list` a pattern names exists (in the table or the
// shared lexicon), every pattern compiles, rule ids are `family.name`, and each rule has examples.

import { z } from 'zod';
import { CATEGORIES } from '../../../model/constants.js';
import { compilePattern } from '../../phrases.js';

const word = z
  .string()
  .regex(/^[a-z0-9*@]+$/, 'a list word is lower case letters or digits (patterns see normalised tokens)');
const behindWord = z
  .string()
  .regex(/^(@[a-zA-Z][a-zA-Z0-9]*|[a-z0-9]+)$/, 'a word before a hit is a lower-case word or @list');
const sentence = z.string().trim().min(3, 'an example is a sentence');

export const tableRuleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z_]+\.[a-zA-Z0-9_]+$/, 'a rule id is `family.name` in lower case, e.g. `threat.weapon`'),
    category: z.enum(CATEGORIES).optional(),
    confidence: z.number().gt(0).max(1),
    meaning: z
      .string()
      .trim()
      .min(20, 'meaning: one plain sentence a practice manager would understand')
      .max(240, 'meaning: one sentence, not an essay')
      .regex(/[.!?]$/, 'meaning: end the sentence with a full stop'),
    patterns: z.array(z.string().trim().min(1)).min(1, 'a rule needs at least one pattern'),
    behind: z
      .array(
        z.object({ words: z.array(behindWord).min(1), within: z.number().int().min(1).max(10) }).strict(),
      )
      .min(1)
      .optional(),
    examples: z
      .object({
        match: z.array(sentence).min(2, 'examples.match: at least two sentences the rule must match'),
        noMatch: z.array(sentence).min(1, 'examples.noMatch: at least one near miss the rule must not match'),
      })
      .strict(),
  })
  .strict();

const examples = z
  .object({
    match: z.array(sentence).min(2, 'examples.match: at least two sentences the rule must match'),
    noMatch: z.array(sentence).min(1, 'examples.noMatch: at least one near miss the rule must not match'),
  })
  .strict();
const meaning = z
  .string()
  .trim()
  .min(20, 'meaning: one plain sentence a practice manager would understand')
  .max(240, 'meaning: one sentence, not an essay')
  .regex(/[.!?]$/, 'meaning: end the sentence with a full stop');

export const tableFindingSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z_]+\.[a-zA-Z0-9_]+$/,
        'a finding id is `category.name`, e.g. `threat.staff_contact_details`',
      ),
    category: z.enum(CATEGORIES),
    meaning,
    examples,
  })
  .strict();

export const ruleTableSchema = z
  .object({
    $schema: z.string().optional(),
    family: z.string().regex(/^[a-z][a-z0-9-]*$/),
    about: z.string().trim().min(20),
    lists: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.array(word).min(1)),
    rules: z.array(tableRuleSchema).min(1),
    findings: z.array(tableFindingSchema).optional(),
  })
  .strict();

export type ParsedTable = z.infer<typeof ruleTableSchema>;

/** The shared lexicon (lexicon.json): word lists only, each with a note on what it is for. */
export const lexiconSchema = z
  .object({
    about: z.string().trim().min(20),
    notes: z.record(z.string(), z.string().trim().min(10)),
    lists: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.array(word).min(1)),
  })
  .strict()
  .refine((lexicon) => Object.keys(lexicon.lists).every((name) => name in lexicon.notes), {
    message: 'every list needs a note saying what it is for',
  });

/**
 * Checks a table: its shape, then that every pattern compiles against the lists it may use (its own
 * plus `shared`, the lexicon and other tables). Errors name the table, the rule and what is wrong.
 */
export function checkTable(
  name: string,
  json: unknown,
  shared: Readonly<Record<string, readonly string[]>> = {},
): { ok: true; table: ParsedTable } | { ok: false; errors: string[] } {
  const parsed = ruleTableSchema.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const at = issue.path.reduce<string>((text, key, i) => {
        if (i === 1 && issue.path[0] === 'rules' && typeof key === 'number') {
          const rule = (json as { rules?: { id?: unknown }[] }).rules?.[key];
          return `${text}[${key}${typeof rule?.id === 'string' ? ` ${rule.id}` : ''}]`;
        }
        return typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`;
      }, name);
      return `${at}: ${issue.message}`;
    });
    return { ok: false, errors };
  }
  const table = parsed.data;
  const lists = { ...shared, ...table.lists };
  const errors: string[] = [];
  for (const rule of table.rules) {
    for (const pattern of rule.patterns) {
      try {
        compilePattern(pattern, lists);
      } catch (error) {
        errors.push(`${name} ${rule.id}: ${(error as Error).message}`);
      }
    }
    for (const step of rule.behind ?? [])
      for (const w of step.words)
        if (w.startsWith('@') && lists[w.slice(1)] === undefined)
          errors.push(`${name} ${rule.id}: behind names an unknown word list ${w}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, table };
}
