import { describe, expect, it } from 'vitest';
import { fixtureConfig } from '../../test-support/fixtures.js';
import { apiOrigin, isPublicPracticeConfig, loadPublicConfig, parseConfigAttribute } from './config.js';
import { fill, formatDate, resolveLocale } from './i18n.js';
import { mailtoUrl, safeUrl, telUrl } from './safe-url.js';

describe('resolveLocale', () => {
  it('lets the lang attribute override the practice locale', () => {
    expect(resolveLocale('cy', 'en-GB')).toBe('cy');
    expect(resolveLocale('cy-GB', 'en-GB')).toBe('cy');
    expect(resolveLocale('en', 'cy')).toBe('en-GB');
  });
  it('falls back to the practice locale, then English', () => {
    expect(resolveLocale(undefined, 'cy')).toBe('cy');
    expect(resolveLocale('fr', 'cy')).toBe('cy');
    expect(resolveLocale('', undefined)).toBe('en-GB');
  });
});

describe('formatDate', () => {
  it('writes dates in English and Welsh', () => {
    expect(formatDate('2026-03-02', 'en-GB')).toBe('2 March 2026');
    expect(formatDate('2026-03-02', 'cy')).toBe('2 Mawrth 2026');
    expect(formatDate('2026-12-31', 'cy')).toBe('31 Rhagfyr 2026');
  });
  it('ignores anything that is not an ISO date', () => {
    expect(formatDate('last week', 'en-GB')).toBeUndefined();
    expect(formatDate(undefined, 'en-GB')).toBeUndefined();
    expect(formatDate('2026-13-01', 'en-GB')).toBeUndefined();
  });
});

describe('fill', () => {
  it('fills named slots and leaves unknown ones', () => {
    expect(fill('Within {n} months {x}', { n: 12 })).toBe('Within 12 months {x}');
  });
});

describe('safe links', () => {
  it('keeps web, mail and phone links only', () => {
    expect(safeUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeUrl('/relative')).toBeUndefined();
  });
  it('builds tel: and mailto: links from what people type', () => {
    expect(telUrl('01632 960 001')).toBe('tel:01632960001');
    expect(telUrl('call us')).toBeUndefined();
    expect(mailtoUrl('a@b.example')).toBe('mailto:a@b.example');
    expect(mailtoUrl('a@b.example?body=x" onclick="')).toBeUndefined();
  });
});

describe('configuration', () => {
  it('accepts the public config shape and rejects others', () => {
    expect(isPublicPracticeConfig(fixtureConfig())).toBe(true);
    expect(isPublicPracticeConfig({ ...fixtureConfig(), conduct: 'x' })).toBe(false);
    expect(isPublicPracticeConfig({ ...fixtureConfig(), locale: 'fr' })).toBe(false);
    // The nation's complaints route, with the guide's words in both languages, is required.
    const { complaintsRoute, ...withoutRoute } = fixtureConfig();
    expect(isPublicPracticeConfig(withoutRoute)).toBe(false);
    const { cy: _welsh, ...englishOnly } = complaintsRoute.words;
    expect(
      isPublicPracticeConfig({
        ...fixtureConfig(),
        complaintsRoute: { ...complaintsRoute, words: englishOnly },
      }),
    ).toBe(false);
    expect(isPublicPracticeConfig(parseConfigAttribute('{not json'))).toBe(false);
    expect(parseConfigAttribute(null)).toBeUndefined();
  });
  it('refuses a malformed practice code without a request', async () => {
    const result = await loadPublicConfig('http://127.0.0.1:9', '../admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_practice' } });
  });
  it('uses the api attribute only when it is an http(s) URL', () => {
    expect(apiOrigin('https://policy.example/')).toBe('https://policy.example');
    expect(apiOrigin('javascript:alert(1)')).not.toContain('javascript');
  });
});
