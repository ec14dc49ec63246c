import { describe, expect, it } from 'vitest';
import type { Classification } from '../../api/types.js';
import { highlightsOf } from './post-text.js';

const classification = (spans: [string, string, number, number][]): Classification => ({
  categories: [...new Set(spans.map(([category]) => category))].map((id) => ({
    id: id as 'threat',
    severity: 'critical',
    confidence: 1,
    evidence: spans
      .filter(([category]) => category === id)
      .map(([, ruleId, start, end]) => ({ ruleId, start, end, excerpt: '' })),
  })),
  severity: 'critical',
  recommendedActions: [],
  suggestedTemplates: [],
});

describe('evidence highlights', () => {
  const text = 'I will smash the place up tomorrow';

  it('merges overlapping spans into one highlight that keeps every rule once', () => {
    const highlights = highlightsOf(
      text,
      classification([
        ['threat', 'threat.premises', 7, 25],
        ['threat', 'threat.damage', 7, 22],
        ['abusive', 'abusive.violence', 13, 22],
        ['threat', 'threat.premises', 7, 25],
      ]),
    );
    expect(highlights).toHaveLength(1);
    expect(highlights[0]).toMatchObject({ start: 7, end: 25 });
    expect(highlights[0]?.matches.map((match) => match.ruleId)).toEqual([
      'threat.premises',
      'threat.damage',
      'abusive.violence',
    ]);
  });

  it('keeps separate spans apart, in text order, and drops spans outside the text', () => {
    const highlights = highlightsOf(
      text,
      classification([
        ['threat', 'threat.when', 26, 34],
        ['threat', 'threat.premises', 7, 12],
        ['threat', 'threat.bad', 40, 50],
      ]),
    );
    expect(highlights.map((highlight) => [highlight.start, highlight.end])).toEqual([
      [7, 12],
      [26, 34],
    ]);
  });
});
