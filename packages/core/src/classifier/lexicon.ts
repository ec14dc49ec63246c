// Shared word lists, referred to from patterns as `@name` (see phrases.ts). The words are data, in
// lexicon.json (what each list is for is in its `notes`); schema.ts checks them in the tests and the
// build. Words are written as the normaliser leaves them: lower case, apostrophes removed ("dont",
// "im", "shes"). Keep lists general — vocabulary of the language people use, never names or places
// from one post.

import LEXICON from './lexicon.json' with { type: 'json' };

export const WORD_LISTS: Readonly<Record<keyof typeof LEXICON.lists, readonly string[]>> = LEXICON.lists;

export type WordListName = keyof typeof WORD_LISTS;

export const wordSet = (name: WordListName): ReadonlySet<string> => new Set<string>(WORD_LISTS[name]);
