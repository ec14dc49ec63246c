import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.js';

describe('linkify', () => {
  it('turns http and https addresses into links, leaving the sentence around them as text', () => {
    expect(linkify('See https://example.org/a?b=1#c. Or http://x.example/')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/a?b=1#c', href: 'https://example.org/a?b=1#c' },
      { text: '. Or ' },
      { text: 'http://x.example/', href: 'http://x.example/' },
    ]);
  });
  it('keeps a bracket the address opened and drops one the sentence opened', () => {
    expect(linkify('(see https://en.example/wiki/Surgery_(medicine))')).toEqual([
      { text: '(see ' },
      {
        text: 'https://en.example/wiki/Surgery_(medicine)',
        href: 'https://en.example/wiki/Surgery_(medicine)',
      },
      { text: ')' },
    ]);
  });
  it('never links another scheme, and markup stays text', () => {
    const text = 'javascript:alert(1) data:text/html,x mailto:a@b.example <a href="https://x.example">x</a>';
    const parts = linkify(text);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts.filter((part) => 'href' in part)).toEqual([
      { text: 'https://x.example', href: 'https://x.example/' },
    ]);
  });
  it('returns plain text unchanged', () => {
    expect(linkify('Be kind to our staff.')).toEqual([{ text: 'Be kind to our staff.' }]);
    expect(linkify('')).toEqual([]);
  });
});
