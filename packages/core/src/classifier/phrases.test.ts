import { describe, expect, it } from 'vitest';
import { tokenize } from './normalise.js';
import { compilePattern, PhraseMatcher, type PhraseRule } from './phrases.js';

const LISTS = { pet: ['cat', 'dog'] };
const rule = (...patterns: string[]): PhraseRule => ({ id: 'test.rule', confidence: 1, patterns });
const matches = (text: string, ...patterns: string[]) =>
  new PhraseMatcher([rule(...patterns)], LISTS).find(tokenize(text)).map((h) => text.slice(h.start, h.end));

describe('phrase patterns', () => {
  it('matches exact words, alternatives, prefixes, suffixes and word lists', () => {
    expect(matches('I love my dog', 'love my @pet')).toEqual(['love my dog']);
    expect(matches('the kitten', 'kit*')).toEqual(['kitten']);
    expect(matches('after her appendectomy', '*ectomy')).toEqual(['appendectomy']);
    expect(matches('red or blue', 'red|green or blue|pink')).toEqual(['red or blue']);
  });

  it('skips at most N tokens in a gap, and an optional element may be absent', () => {
    expect(matches('kill the big bad wolf', 'kill _3 wolf')).toEqual(['kill the big bad wolf']);
    expect(matches('kill the very big bad wolf', 'kill _3 wolf')).toEqual([]);
    expect(matches('a very good day', 'a very? good day')).toEqual(['a very good day']);
    expect(matches('a good day', 'a very? good day')).toEqual(['a good day']);
  });

  it('never matches across a sentence break, and `$` anchors at the end of a sentence', () => {
    expect(matches('I know. Where you live', 'know _2 where')).toEqual([]);
    expect(matches("She'll see. Later", 'shell see $')).toEqual(["She'll see"]);
    expect(matches("She'll see it later", 'shell see $')).toEqual([]);
  });

  it('finds a pattern in a sentence beside others that lack its words (the sentence-signature check)', () => {
    // Later sentences hold the required words but not after the start: only the first matches.
    const text = 'I will find you and the car. The car is fine. Find it? You will.';
    expect(matches(text, 'find you _3 car', 'will find? you? _2 car')).toEqual([
      'will find you and the car',
      'find you and the car',
    ]);
    // Every word of a longer list is signed: any of them lets the pattern be tried.
    const many = 'a b c d e f g h'.split(' ').map((w) => `${w}x`);
    for (const word of many)
      expect(matches(`call ${word} now`, `call ${many.join('|')} now`)).toHaveLength(1);
  });

  it('refuses patterns that cannot be matched efficiently or make no sense', () => {
    expect(() => compilePattern('_2 word', LISTS)).toThrow();
    expect(() => compilePattern('word _2', LISTS)).toThrow();
    expect(() => compilePattern('word? other', LISTS)).toThrow();
    expect(() => compilePattern('word _9 other', LISTS)).toThrow();
    expect(() => compilePattern('@nolist', LISTS)).toThrow();
    expect(() => compilePattern('a*', LISTS)).toThrow();
    expect(() => compilePattern('$ word', LISTS)).toThrow();
  });
});

describe('the rule patterns themselves', () => {
  it('never mix a one-word alternative with the first word of a two-word phrase ("wont|will not")', async () => {
    // Alternatives are single tokens: `wont|will not` reads as (wont|will) then "not", so "wont" alone
    // can never match. This guards the easiest mistake to make when writing a rule.
    const { FAMILIES } = await import('./classify.js');
    const suspicious: string[] = [];
    for (const family of FAMILIES) {
      for (const rule of family.rules) {
        for (const pattern of rule.patterns) {
          const elements = pattern.split(/\s+/);
          for (let i = 0; i + 1 < elements.length; i++) {
            const alternatives = (elements[i] as string).split('|');
            const next = elements[i + 1] as string;
            const joinsNext = ['not', 'one', 'am'].includes(next);
            const starters = [
              'will',
              'do',
              'can',
              'no',
              'i',
              'is',
              'are',
              'does',
              'did',
              'would',
              'could',
              'should',
            ];
            if (joinsNext && alternatives.length > 1 && alternatives.some((a) => starters.includes(a))) {
              suspicious.push(`${rule.id}: ${pattern}`);
            }
          }
        }
      }
    }
    expect(suspicious).toEqual([]);
  });
});
