import { describe, expect, it } from 'vitest';
import { tokenize } from './normalise.js';
import { kindsOfWord, wordKind, wordKinds } from './word-kinds.js';

describe('word kinds', () => {
  it('gives each token the bits of exactly the lists its text is in', () => {
    const pets = wordKind(['cat', 'dog']);
    const farm = wordKind(['cow', 'dog']);
    const doc = tokenize('The dog and the COW met a cat');
    const kinds = wordKinds(doc);
    const named = doc.tokens.map((t, i) => [
      t.text,
      ((kinds[i] as number) & pets) !== 0,
      ((kinds[i] as number) & farm) !== 0,
    ]);
    expect(named).toEqual([
      ['the', false, false],
      ['dog', true, true],
      ['and', false, false],
      ['the', false, false],
      ['cow', false, true],
      ['met', false, false],
      ['a', false, false],
      ['cat', true, false],
    ]);
    // The same token list is answered from memory; a new post is looked up afresh.
    expect(wordKinds(doc)).toBe(kinds);
    expect([...kinds.slice(0, doc.tokens.length)]).toEqual([0, pets | farm, 0, 0, farm, 0, 0, pets]);
    expect(wordKinds(tokenize('a cat'))[1]).toBe(pets);
    // Asked again after another post, the first is looked up afresh.
    expect(wordKinds(doc)[1]).toBe(pets | farm);
  });

  it('gives a word looked up before a list was added that list’s bit too', () => {
    expect(kindsOfWord('heron')).toBe(0);
    const birds = wordKind(['heron']);
    expect(kindsOfWord('heron')).toBe(birds);
  });
});
