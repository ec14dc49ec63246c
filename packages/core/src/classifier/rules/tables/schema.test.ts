import { describe, expect, it } from 'vitest';
import { checkTable } from './schema.js';

const valid = () => ({
  family: 'example',
  about: 'A family used only to test the table schema.',
  lists: { tool: ['hammer', 'spanner'] },
  rules: [
    {
      id: 'example.tool',
      category: 'threat',
      confidence: 0.8,
      meaning: 'The post names a tool that could be used as a weapon.',
      patterns: ['with a @tool'],
      examples: {
        match: ['he came in with a hammer', 'turned up with a spanner'],
        noMatch: ['a hammer drill'],
      },
    },
  ],
});

const errorsOf = (json: unknown): string[] => {
  const checked = checkTable('example.json', json);
  return checked.ok ? [] : checked.errors;
};

describe('rule table schema', () => {
  it('accepts a well-formed table', () => {
    expect(checkTable('example.json', valid()).ok).toBe(true);
  });

  it('rejects a rule without a meaning, naming the table, the rule and the field', () => {
    const json = valid();
    const { meaning: _, ...rule } = json.rules[0] as (typeof json.rules)[0];
    expect(errorsOf({ ...json, rules: [rule] })).toEqual([
      'example.json.rules[0 example.tool].meaning: Invalid input: expected string, received undefined',
    ]);
  });

  it('rejects too few examples, with what is wanted', () => {
    const json = valid();
    (json.rules[0] as { examples: { match: string[] } }).examples.match = ['he came in with a hammer'];
    expect(errorsOf(json)).toEqual([
      'example.json.rules[0 example.tool].examples.match: examples.match: at least two sentences the rule must match',
    ]);
  });

  it('rejects an unknown category, a confidence above 1 and an unknown field', () => {
    const json = valid();
    Object.assign(json.rules[0] as object, { category: 'rude', confidence: 1.5, note: 'x' });
    const errors = errorsOf(json);
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/rules\[0 example\.tool\]\.category/);
    expect(errors.join('\n')).toMatch(/rules\[0 example\.tool\]\.confidence/);
    expect(errors.join('\n')).toMatch(/Unrecognized key: "note"/);
  });

  it('rejects a pattern naming a word list that does not exist', () => {
    const json = valid();
    (json.rules[0] as { patterns: string[] }).patterns = ['with a @weapons'];
    expect(errorsOf(json)).toEqual([
      'example.json example.tool: unknown word list @weapons in: with a @weapons',
    ]);
  });

  it('rejects a pattern that cannot compile, and a rule id without its family', () => {
    const json = valid();
    Object.assign(json.rules[0] as object, { id: 'tool', patterns: ['_2 hammer'] });
    const errors = errorsOf(json);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^example\.json\.rules\[0 tool\]\.id: a rule id is `family\.name`/);
    const compiled = valid();
    (compiled.rules[0] as { patterns: string[] }).patterns = ['_2 hammer'];
    expect(errorsOf(compiled)).toEqual([
      'example.json example.tool: a pattern must start with a required word and end with a word: _2 hammer',
    ]);
  });

  it('rejects a list word in capitals (patterns only ever see normalised tokens)', () => {
    const json = valid();
    json.lists.tool = ['Hammer'];
    expect(errorsOf(json)[0]).toMatch(/^example\.json\.lists\.tool\[0\]: a list word is lower case/);
  });
});
