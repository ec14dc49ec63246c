import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyCorrections, type LoadedPost, loadSet } from '../../scripts/lib/labelled.js';
import { TRAINING_SETS } from '../../scripts/training-sets.js';
import { CATEGORIES, type Category } from '../model/constants.js';
import { classify, classifyWith, readPost } from './classify.js';
import {
  FEATURE_BUCKETS,
  gramBucket,
  pairBucket,
  postFeatures,
  QUESTION_BUCKET,
  wordBucket,
} from './features.js';
import {
  compileModel,
  LEARNED_FORMAT,
  type LearnedModelFile,
  learnedHits,
  SHIPPED_MODEL_FILE,
} from './learned.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const roster = {
  staff: [{ name: 'Dr Amelia Price', role: 'GP partner' }],
  practiceName: 'Bramley Vale Surgery',
};

/** A hand-made model file: the given buckets push one category; every category's threshold 0.5. */
function fileWith(weights: [number, number][], category: Category, bias = -3): LearnedModelFile {
  const sorted = [...weights].sort((x, y) => x[0] - y[0]);
  return {
    format: LEARNED_FORMAT,
    version: 'test',
    trainedOn: {},
    buckets: FEATURE_BUCKETS,
    categories: [...CATEGORIES],
    bias: CATEGORIES.map(() => bias),
    thresholds: CATEGORIES.map(() => 0.5),
    scale: 1,
    weights: CATEGORIES.map((c) =>
      c === category
        ? [
            sorted.map(([b], i) => b - (i === 0 ? 0 : (sorted[i - 1] as [number, number])[0])),
            sorted.map(([, w]) => w),
          ]
        : [[], []],
    ),
  };
}
const featureBuckets = (text: string) => {
  const { doc, staff, practiceWords } = readPost(text, roster);
  const { buckets, count } = postFeatures(doc, staff, practiceWords);
  return new Set(buckets.slice(0, count));
};

describe('learned layer', () => {
  it('was trained on the labelled posts as they are now (retrain with `npm run train -w @policy/core`)', () => {
    const checked: string[] = [];
    for (const set of TRAINING_SETS) {
      const posts = resolve(repoRoot, set.posts);
      // The dev set lives outside the repository; the sets in eval/ always travel with it.
      if (!existsSync(posts)) continue;
      const digest = loadSet(set).digest;
      expect({ set: set.name, digest }).toEqual({
        set: set.name,
        digest: SHIPPED_MODEL_FILE.trainedOn[set.name],
      });
      checked.push(set.name);
    }
    expect(checked).toEqual(expect.arrayContaining(['holdout4', 'holdout5', 'trainA']));
  });

  it('is never trained on the blind set', () => {
    expect(TRAINING_SETS.some((set) => set.posts.includes('/blind/'))).toBe(false);
    expect(Object.keys(SHIPPED_MODEL_FILE.trainedOn).some((name) => name.includes('blind'))).toBe(false);
  });

  it('sees staff names, the practice name and numbers as placeholders, so it carries between practices', () => {
    const buckets = featureBuckets('Dr Price at Bramley told me to ring 111 back');
    for (const word of ['~staff', '~practice', '~num']) expect(buckets.has(wordBucket(word))).toBe(true);
    expect(buckets.has(pairBucket('~staff', 'at'))).toBe(true);
    expect(buckets.has(wordBucket('price'))).toBe(false);
    expect(buckets.has(wordBucket('bramley'))).toBe(false);
    expect(buckets.has(gramBucket('pri'))).toBe(false);
  });

  it('reads character n-grams within words, so a respelling shares most of its features', () => {
    const a = featureBuckets('gonna');
    const b = featureBuckets('gunna');
    for (const gram of ['nna', 'nna>', 'na>']) {
      expect(a.has(gramBucket(gram))).toBe(true);
      expect(b.has(gramBucket(gram))).toBe(true);
    }
    expect(a.has(gramBucket('<go'))).toBe(true);
    expect(b.has(gramBucket('<go'))).toBe(false);
    // Never across a word boundary.
    expect(featureBuckets('kill them').has(gramBucket('l t'))).toBe(false);
  });

  it('never pairs words across a sentence break', () => {
    const buckets = featureBuckets('Lovely day. Awful service');
    expect(buckets.has(pairBucket('lovely', 'day'))).toBe(true);
    expect(buckets.has(pairBucket('day', 'awful'))).toBe(false);
  });

  it('reads a question as a question: one feature per question asked, never shown as evidence', () => {
    const count = (text: string) => {
      const { doc, staff, practiceWords } = readPost(text, roster);
      const { buckets, count } = postFeatures(doc, staff, practiceWords);
      return [...buckets.slice(0, count)].filter((b) => b === QUESTION_BUCKET).length;
    };
    expect(count('who do I tell?')).toBe(1);
    expect(count('who do I tell. Is it the surgery? Or the school?')).toBe(2);
    expect(count('I told them. Nobody rang back')).toBe(0);

    const model = compileModel(
      fileWith(
        [
          [QUESTION_BUCKET, 300],
          [wordBucket('flibbertigibbet'), 10],
        ],
        'enquiry',
      ),
    );
    const read = (text: string) => {
      const { doc, staff, practiceWords } = readPost(text, roster);
      return learnedHits(doc, staff, practiceWords, () => false, model);
    };
    const [hit] = read('the flibbertigibbet?');
    expect(hit?.ruleId).toBe('learned.enquiry');
    expect('the flibbertigibbet?'.slice(hit?.start, hit?.end)).toBe('flibbertigibbet');
    expect(read('the flibbertigibbet.')).toEqual([]);
    // A question with no content word to show is not reported.
    expect(read('is it?')).toEqual([]);
  });

  it('finds a category over its threshold, with the content words that weighed most as evidence', () => {
    const text = 'honestly the flibbertigibbet again';
    const model = compileModel(fileWith([[wordBucket('flibbertigibbet'), 400]], 'complaint'));
    const { doc, staff, practiceWords } = readPost(text, roster);
    const hits = learnedHits(doc, staff, practiceWords, () => false, model);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit?.ruleId).toBe('learned.complaint');
    expect(text.slice(hit?.start, hit?.end)).toBe('flibbertigibbet');
    expect(hit?.confidence).toBeGreaterThan(0.5);
    // Under the threshold: nothing.
    const weak = compileModel(fileWith([[wordBucket('flibbertigibbet'), 2]], 'complaint'));
    expect(learnedHits(doc, staff, practiceWords, () => false, weak)).toEqual([]);
  });

  it('never shows a stop-word as evidence, and reports nothing it cannot explain with a content word', () => {
    const text = 'with the with the';
    const model = compileModel(
      fileWith(
        [
          [wordBucket('with'), 400],
          [wordBucket('the'), 400],
        ],
        'identifies_staff',
      ),
    );
    const { doc, staff, practiceWords } = readPost(text, roster);
    expect(learnedHits(doc, staff, practiceWords, () => false, model)).toEqual([]);
    // Nor a common verb or time word: "know" and "time" are no reason a manager would accept.
    const vague = compileModel(
      fileWith(
        [
          [wordBucket('know'), 400],
          [wordBucket('time'), 400],
        ],
        'threat',
      ),
    );
    const read = readPost('I know what time you finish', roster);
    expect(learnedHits(read.doc, read.staff, read.practiceWords, () => false, vague)).toEqual([]);
  });

  it('never shows a contraction of a stop-word, the practice name or a number as evidence', () => {
    const model = compileModel(
      fileWith(
        [
          [wordBucket('hell'), 400],
          [wordBucket('~practice'), 400],
          [wordBucket('~num'), 400],
        ],
        'threat',
      ),
    );
    const read = (text: string) => {
      const { doc, staff, practiceWords } = readPost(text, roster);
      return learnedHits(doc, staff, practiceWords, () => false, model);
    };
    // "he'll" is read as the token "hell": the original shows it is "he" + "'ll".
    expect(read("he'll see at Bramley at 5")).toEqual([]);
    // The word itself, written as a word, is evidence.
    const [hit] = read('what the hell');
    expect(hit?.ruleId).toBe('learned.threat');
  });

  it('points its evidence at the words as written, however they were respelled', () => {
    const text = 'that rec3pt!onist is a right m0ron';
    const { doc, staff, practiceWords } = readPost(text, roster);
    const model = compileModel(fileWith([[wordBucket('moron'), 400]], 'abusive'));
    const [hit] = learnedHits(doc, staff, practiceWords, () => false, model);
    expect(text.slice(hit?.start, hit?.end)).toBe('m0ron');
  });

  it('is skipped when the caller asks for the rules alone', () => {
    const posts = [
      'someone needs to teach that lot a lesson they won’t forget',
      'can I get my bloods booked for next week please',
      'that place is a shambles from top to bottom',
      'nobody would even notice if I just stopped turning up to anything',
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

  it('does not overrule the rules: a category whose phrases matched but were vetoed stays out', () => {
    // The misinformation rules match the myth's words here and then veto them as a rebuttal.
    const rebuttal = 'Reminder: the covid jab can’t give you covid, there is no live virus in it';
    const model = compileModel(fileWith([[wordBucket('covid'), 400]], 'misinformation'));
    expect(classifyWith(rebuttal, roster, model).categories.map((category) => category.id)).not.toContain(
      'misinformation',
    );
  });

  it('ships a versioned model over every category, small enough for a browser', () => {
    expect(SHIPPED_MODEL_FILE.format).toBe(LEARNED_FORMAT);
    expect(SHIPPED_MODEL_FILE.version).toMatch(/^2\.[0-9a-f]{12}$/);
    expect(SHIPPED_MODEL_FILE.categories).toEqual([...CATEGORIES]);
    const weights = SHIPPED_MODEL_FILE.weights.reduce((n, [deltas]) => n + (deltas?.length ?? 0), 0);
    expect(weights).toBeGreaterThan(CATEGORIES.length * 100);
    // 10,000 per category since the second round (more data; +0.006 macro-F1 over 5,000 in cross-validation).
    expect(weights).toBeLessThan(CATEGORIES.length * 12_000);
    // Threat and harm are never left to the model alone: the rules' findings always stand.
    expect(SHIPPED_MODEL_FILE.modelOnly ?? []).not.toContain('threat');
    expect(SHIPPED_MODEL_FILE.modelOnly ?? []).not.toContain('harm_indication');
  });
});

describe('label corrections of a training set', () => {
  const posts: LoadedPost[] = [
    { id: 'p1', text: 'why is nobody ever on the phones', labels: ['enquiry'], context: {} },
    { id: 'p2', text: 'lovely nurse', labels: ['feedback'], context: {} },
  ];
  const line = (correction: object) => JSON.stringify(correction);

  it('moves the everyday labels it names and leaves every other post as written', () => {
    const corrected = applyCorrections(
      posts,
      line({ id: 'p1', add: ['complaint'], remove: ['enquiry'], reason: 'a venting question' }),
      'test',
    );
    expect(corrected.map((post) => post.labels)).toEqual([['complaint'], ['feedback']]);
  });

  it('refuses a label the guide does not settle, a post that is not there, or no reason', () => {
    expect(() => applyCorrections(posts, line({ id: 'p1', add: ['threat'], reason: 'x' }), 'test')).toThrow(
      /threat/,
    );
    expect(() =>
      applyCorrections(posts, line({ id: 'p9', add: ['complaint'], reason: 'x' }), 'test'),
    ).toThrow(/no post p9/);
    expect(() =>
      applyCorrections(posts, line({ id: 'p1', add: ['complaint'], reason: '' }), 'test'),
    ).toThrow();
  });
});
