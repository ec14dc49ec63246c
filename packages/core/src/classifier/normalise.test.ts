import { describe, expect, it } from 'vitest';
import { maskedMatch, tokenize } from './normalise.js';

const texts = (s: string) => tokenize(s).tokens.map((t) => t.text);

describe('tokenize', () => {
  it('lower-cases words and keeps offsets into the original text', () => {
    const original = 'Hello  THERE, Dr. Smith!';
    const doc = tokenize(original);
    expect(doc.tokens.map((t) => t.text)).toEqual(['hello', 'there', 'dr', 'smith']);
    for (const t of doc.tokens)
      expect(original.slice(t.start, t.end).toLowerCase().replace('.', '')).toBe(t.text);
  });

  it('reads leetspeak between letters as letters, but leaves numbers and edge punctuation alone', () => {
    expect(texts('sh1t b!tch pr!cks sh!t')).toEqual(['shit', 'bitch', 'pricks', 'shit']);
    expect(texts('sh1t')).toEqual(['shit']);
    expect(texts('10mg')).toEqual(['10mg']);
    expect(texts('WAX!!!')).toEqual(['wax']);
  });

  it('joins spaced-out single letters into one word spanning the whole run', () => {
    const original = 'you f u c k i n g idiot';
    const doc = tokenize(original);
    const joined = doc.tokens.find((t) => t.text === 'fucking');
    expect(joined).toBeDefined();
    expect(original.slice(joined?.start, joined?.end)).toBe('f u c k i n g');
    expect(texts('p.r.i.c.k')).toEqual(['prick']);
    // Two single letters are not a run.
    expect(texts('a b test')).toEqual(['a', 'b', 'test']);
  });

  it('keeps masks as wildcards and matches them only against same-length words with the same first letter', () => {
    const doc = tokenize('sh*te and F***');
    expect(doc.tokens.map((t) => [t.text, t.masked])).toEqual([
      ['sh*te', true],
      ['and', false],
      ['f***', true],
    ]);
    expect(maskedMatch('f***', 'fuck')).toBe(true);
    expect(maskedMatch('f***', 'fucking')).toBe(false);
    expect(maskedMatch('sh*te', 'shite')).toBe(true);
    expect(maskedMatch('sh*te', 'skate')).toBe(false);
  });

  it('collapses drawn-out letters', () => {
    expect(texts('fuuuuck soooo good')).toEqual(['fuck', 'so', 'good']);
  });

  it('drops apostrophes inside words and folds accents', () => {
    expect(texts("don't I’m café")).toEqual(['dont', 'im', 'cafe']);
  });

  it('reads meaningful emoji as words, with their own offsets', () => {
    const original = 'see you soon 🔪';
    const knife = tokenize(original).tokens.at(-1);
    expect(knife?.text).toBe('knife');
    expect(original.slice(knife?.start, knife?.end)).toBe('🔪');
  });

  it('numbers sentences and remembers which are questions; a title abbreviation does not end one', () => {
    const doc = tokenize('Is it open? Dr. Jones said yes. Fine');
    const sentenceOf = (w: string) => doc.tokens.find((t) => t.text === w)?.sentence;
    expect(sentenceOf('dr')).toBe(sentenceOf('jones'));
    expect(sentenceOf('open')).not.toBe(sentenceOf('jones'));
    expect(doc.questions.has(sentenceOf('open') as number)).toBe(true);
    expect(doc.questions.has(sentenceOf('jones') as number)).toBe(false);
  });

  it('notices shouting and posts with no capitals', () => {
    expect(tokenize('THIS IS COMPLETELY UNACCEPTABLE FROM YOU').shouting).toBe(true);
    expect(tokenize('This is fine from you all').shouting).toBe(false);
    expect(tokenize('all in lower case here').caseless).toBe(true);
  });

  it('folds Central European letters to their base letter, keeping the word whole', () => {
    expect(tokenize('Wiśniewska and Łukasz Dvořák').tokens.map((t) => t.text)).toEqual([
      'wisniewska',
      'and',
      'lukasz',
      'dvorak',
    ]);
  });

  it('marks where the first wide character is, so scans for emoji and look-alikes can skip the rest', () => {
    // Latin-1 and Latin Extended letters are not wide: accented names are ordinary text.
    expect(tokenize('Dvořák said the café was shut, ok?').wideFrom).toBe(-1);
    expect(tokenize('see you soon 🔪').wideFrom).toBe('see you soon '.length);
    expect(tokenize('what a ѕcam').wideFrom).toBe('what a '.length); // Cyrillic ѕ
    expect(tokenize('ｐａｋｉ').wideFrom).toBe(0);
  });
});
