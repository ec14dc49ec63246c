import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setDigest, TRAINING_SETS } from '../../scripts/training-sets.js';
import { CATEGORIES, type Category } from '../model/constants.js';
import { classify, readPost } from './classify.js';
import { type LearnedModel, learnedFeatures, learnedHits } from './learned.js';
import { LEARNED_MODEL, LEARNED_TRAINED_ON } from './learned-weights.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const roster = {
  staff: [{ name: 'Dr Amelia Price', role: 'GP partner' }],
  practiceName: 'Bramley Vale Surgery',
};

/** A hand-made model: one word pushes one category. */
function modelWith(word: string, category: Category, weight: number): LearnedModel {
  return {
    bias: CATEGORIES.map(() => -3),
    weights: { [`u:${word}`]: [CATEGORIES.indexOf(category), weight] },
  };
}
const hitsOf = (text: string, model: LearnedModel) => {
  const { doc, staff, practiceWords } = readPost(text, roster);
  return learnedHits(doc, staff, practiceWords, model);
};

describe('learned layer', () => {
  it('was trained on the labelled posts as they are now (retrain with `npm run train -w @policy/core`)', () => {
    const checked: string[] = [];
    for (const set of TRAINING_SETS) {
      const posts = resolve(repoRoot, set.posts);
      // The dev set lives outside the repository; the held-out sets always travel with it.
      if (!existsSync(posts)) continue;
      const digest = setDigest(
        readFileSync(posts, 'utf8'),
        readFileSync(resolve(repoRoot, set.practice), 'utf8'),
      );
      expect({ set: set.name, digest }).toEqual({ set: set.name, digest: LEARNED_TRAINED_ON[set.name] });
      checked.push(set.name);
    }
    expect(checked).toEqual(
      expect.arrayContaining(['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5']),
    );
  });

  it('sees staff names, the practice name and numbers as placeholders, so it carries between practices', () => {
    const { doc, staff, practiceWords } = readPost('Dr Price at Bramley told me to ring 111 back', roster);
    const names = learnedFeatures(doc, staff, practiceWords).map((feature) => feature.name);
    expect(names).toEqual(expect.arrayContaining(['u:~staff', 'u:~practice', 'u:~num', 'b:~staff at']));
    expect(names).not.toContain('u:price');
    expect(names).not.toContain('u:bramley');
  });

  it('never pairs words across a sentence break', () => {
    const { doc, staff, practiceWords } = readPost('Lovely day. Awful service', roster);
    const names = learnedFeatures(doc, staff, practiceWords).map((feature) => feature.name);
    expect(names).toContain('b:lovely day');
    expect(names).not.toContain('b:day awful');
  });

  it('finds a category over its threshold, with the words that weighed most as evidence', () => {
    const text = 'honestly the flibbertigibbet again';
    const hits = hitsOf(text, modelWith('flibbertigibbet', 'complaint', 4));
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit?.ruleId).toBe('learned.complaint');
    expect(text.slice(hit?.start, hit?.end)).toBe('flibbertigibbet');
    expect(hit?.confidence).toBeCloseTo(1 / (1 + Math.exp(-1)), 2);
    // Under the threshold: nothing.
    expect(hitsOf(text, modelWith('flibbertigibbet', 'complaint', 2))).toEqual([]);
  });

  it('is skipped when the caller asks for the rules alone', () => {
    const posts = [
      'someone needs to teach that lot a lesson they won’t forget',
      'can I get my bloods booked for next week please',
      'that place is a shambles from top to bottom',
    ];
    const learnedIn = (context: typeof roster & { rulesOnly?: boolean }) =>
      posts.flatMap((text) =>
        classify(text, context).categories.flatMap((category) =>
          category.evidence.filter((span) => span.ruleId.startsWith('learned.')),
        ),
      );
    expect(learnedIn(roster).length).toBeGreaterThan(0);
    expect(learnedIn({ ...roster, rulesOnly: true })).toEqual([]);
  });

  it('only adds to the rules: a category the rules found keeps the rules’ evidence alone', () => {
    const result = classify(
      'Absolutely disgusting service, waited 3 hours and nobody apologised. Shocking.',
      roster,
    );
    const complaint = result.categories.find((category) => category.id === 'complaint');
    expect(complaint).toBeDefined();
    expect(complaint?.evidence.some((span) => span.ruleId.startsWith('learned.'))).toBe(false);
  });

  it('does not overrule the rules: a category whose phrases matched but were vetoed stays out', () => {
    // The misinformation rules match the myth's words here and then veto them as a rebuttal.
    const rebuttal = 'Reminder: the covid jab can’t give you covid, there is no live virus in it';
    expect(classify(rebuttal, roster).categories.map((category) => category.id)).not.toContain(
      'misinformation',
    );
  });

  it('holds weights for every category and stays small enough to ship to a browser', () => {
    expect(LEARNED_MODEL.bias).toHaveLength(CATEGORIES.length);
    const used = new Set<number>();
    for (const pairs of Object.values(LEARNED_MODEL.weights))
      for (let k = 0; k < pairs.length; k += 2) used.add(pairs[k] as number);
    expect(used.size).toBe(CATEGORIES.length);
    expect(Object.keys(LEARNED_MODEL.weights).length).toBeLessThan(12_000);
  });
});
