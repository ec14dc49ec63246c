import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_SEVERITY } from '../model/constants.js';
import { policyFor } from '../model/policy.js';
import { classify, FAMILIES } from './classify.js';
import { CONTEXT } from './test-helpers.js';

describe('classify', () => {
  it('returns nothing of concern for ordinary chatter', () => {
    const result = classify('Lovely sunny day for a walk by the river', CONTEXT);
    expect(result).toEqual({
      categories: [],
      severity: null,
      recommendedActions: [],
      suggestedTemplates: [],
    });
  });

  it('gives each classification its own steps: changing one leaves the next alone', () => {
    const text = 'Dr Marsh is a useless prick and I will batter her';
    const first = classify(text, CONTEXT);
    const expected = policyFor(first.categories.map((c) => c.id));
    (first.recommendedActions[0] as { text: string }).text = 'changed';
    first.recommendedActions.pop();
    first.suggestedTemplates.length = 0;
    const second = classify(text, CONTEXT);
    expect(second.recommendedActions).toEqual(expected.actions);
    expect(second.suggestedTemplates).toEqual(expected.templates);
  });

  it('reports each category with its policy severity, the highest as the severity, and the policy’s steps', () => {
    const result = classify('Dr Marsh is a useless prick and I will batter her', CONTEXT);
    const ids = result.categories.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['threat', 'abusive', 'identifies_staff']));
    for (const c of result.categories) expect(c.severity).toBe(CATEGORY_SEVERITY[c.id]);
    expect(result.severity).toBe('critical');
    const policy = policyFor(ids);
    expect(result.recommendedActions).toEqual(policy.actions);
    expect(result.suggestedTemplates).toEqual(policy.templates);
  });

  it('lists categories in policy order (most urgent first), each with evidence naming its rule', () => {
    const result = classify('Thanks Dr Marsh! Someone should torch that place though', CONTEXT);
    const ids = result.categories.map((c) => c.id);
    expect(ids[0]).toBe('threat');
    for (const c of result.categories) {
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      for (const e of c.evidence) expect(e.ruleId.startsWith(`${c.id}.`)).toBe(true);
    }
  });

  it('gives evidence spans into the original text for any input (property)', () => {
    const word = fc.constantFrom(
      'sh1t',
      'f u c k',
      'Dr Marsh',
      'NHS 943 476 5919',
      '🔪',
      'kill',
      'you',
      'é',
      '\n',
      '?',
      'b!tch',
      'F***',
      'the nurse',
    );
    const text = fc
      .array(fc.oneof(fc.string({ maxLength: 8 }), word), { maxLength: 30 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const result = classify(t, CONTEXT);
        for (const c of result.categories) {
          expect(CATEGORIES).toContain(c.id);
          for (const e of c.evidence) {
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end).toBeGreaterThan(e.start);
            expect(e.end).toBeLessThanOrEqual(t.length);
            expect(t.slice(e.start, e.start + e.excerpt.length)).toBe(e.excerpt);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives one meaning to each rule id (hits are grouped by id, so a shared id must be the same finding)', () => {
    const rules = FAMILIES.flatMap((family, f) => family.rules.map((rule) => ({ f, rule })));
    expect(rules.length).toBeGreaterThan(100);
    const first = new Map<string, { f: number; category: string | undefined }>();
    const clashes: string[] = [];
    for (const { f, rule } of rules) {
      const earlier = first.get(rule.id);
      if (!earlier) first.set(rule.id, { f, category: rule.category });
      else if (earlier.f !== f || earlier.category !== rule.category) clashes.push(rule.id);
    }
    expect(clashes).toEqual([]);
  });

  it('takes time linear in the input: adversarial 100 KB well under a second, and ~10× the 10 KB time', () => {
    const patterns = [
      'f u c k ',
      'a'.repeat(50),
      'i i i i i i i i ',
      'kill kill kill you ',
      '1 2 3 4 5 6 7 8 9 0 ',
      'sh*t*t*t*t ',
      'my my my my dad dad ',
      'Dr Dr Dr Dr ',
      '? ? . . ! ',
      'p.r.i.c.k.',
      '🔪🔪🔪',
      'the the the the nurse nurse ',
    ].join('');
    const make = (size: number) => patterns.repeat(Math.ceil(size / patterns.length)).slice(0, size);
    const time = (text: string) => {
      const start = performance.now();
      classify(text, CONTEXT);
      return performance.now() - start;
    };
    const small = make(10_000);
    const large = make(100_000);
    time(small); // warm up
    const tSmall = Math.min(time(small), time(small), time(small));
    const tLarge = Math.min(time(large), time(large));
    expect(tLarge).toBeLessThan(1000);
    // Linear growth is 10×; allow generous noise, but a quadratic blow-up would be ~100×.
    expect(tLarge / Math.max(tSmall, 0.5)).toBeLessThan(30);
  });
});
