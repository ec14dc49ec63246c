import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify as classifyPost } from '../classifier/classify.js';
import type { EvidenceSpan } from '../model/incident.js';
import { classify } from './classify.js';
import { distinctSpans } from './distinct-evidence.js';

const span = (text: string, start: number, end: number, ruleId = 'r'): EvidenceSpan => ({
  ruleId,
  start,
  end,
  excerpt: text.slice(start, end),
});

describe('evidence shown once', () => {
  it('lists "I know what car she drives" once, not again as "I know what car"', () => {
    const text = 'I know what car she drives. I know where you live.';
    // The classifier's own output has the repeat (so this test can fail).
    const raw = classifyPost(text).categories.find((finding) => finding.id === 'threat');
    expect(raw?.evidence.map((item) => item.excerpt)).toContain('I know what car');
    const threat = classify(text).categories.find((finding) => finding.id === 'threat');
    expect(threat?.evidence.map((item) => item.excerpt)).toEqual([
      'I know what car she drives',
      'I know where you live',
    ]);
  });

  it('drops contained spans, joins overlapping ones under the first rule, keeps separate ones', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    expect(
      distinctSpans(
        [span(text, 0, 10, 'a'), span(text, 2, 5, 'b'), span(text, 8, 14, 'c'), span(text, 20, 22, 'd')],
        text,
      ),
    ).toEqual([span(text, 0, 14, 'a'), span(text, 20, 22, 'd')]);
    expect(distinctSpans([span(text, 3, 6, 'x'), span(text, 3, 6, 'y')], text)).toEqual([
      span(text, 3, 6, 'x'),
    ]);
  });

  it('for any spans: no two overlap, every original character is still covered, excerpts match the text', () => {
    const text = 'x'.repeat(40).replace(/x/g, (_, i: number) => String.fromCharCode(97 + (i % 26)));
    const spans = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 1, max: 12 }))
        .map(([start, length]) => span(text, start, Math.min(40, start + length))),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(spans, (input) => {
        const out = distinctSpans(input, text);
        for (let i = 1; i < out.length; i++)
          expect((out[i] as EvidenceSpan).start).toBeGreaterThanOrEqual((out[i - 1] as EvidenceSpan).end);
        for (const item of out) expect(item.excerpt).toBe(text.slice(item.start, item.end));
        for (const original of input)
          for (let at = original.start; at < original.end; at++)
            expect(out.some((item) => item.start <= at && at < item.end)).toBe(true);
      }),
    );
  });

  it('the exported classify leaves every category’s evidence distinct', () => {
    const classification = classify('I know what car she drives, you stupid cow');
    for (const finding of classification.categories)
      expect(distinctSpans(finding.evidence, '')).toHaveLength(finding.evidence.length);
  });
});
