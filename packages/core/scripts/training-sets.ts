// The labelled sets the learned layer is trained on (scripts/train.ts), paths from the repository
// root. The dev set lives outside the repository (../shared/eval); the held-out sets live in eval/.

import { createHash } from 'node:crypto';

export const TRAINING_SETS = [
  { name: 'dev', posts: '../shared/eval/posts.dev.jsonl', practice: '../shared/eval/practice.dev.json' },
  {
    name: 'holdout',
    posts: 'packages/core/eval/posts.holdout.jsonl',
    practice: 'packages/core/eval/practice.holdout.json',
  },
  {
    name: 'holdout2',
    posts: 'packages/core/eval/posts.holdout2.jsonl',
    practice: 'packages/core/eval/practice.holdout2.json',
  },
  {
    name: 'holdout3',
    posts: 'packages/core/eval/posts.holdout3.jsonl',
    practice: 'packages/core/eval/practice.holdout3.json',
  },
  {
    name: 'holdout4',
    posts: 'packages/core/eval/posts.holdout4.jsonl',
    practice: 'packages/core/eval/practice.holdout4.json',
  },
  {
    name: 'holdout5',
    posts: 'packages/core/eval/posts.holdout5.jsonl',
    practice: 'packages/core/eval/practice.holdout5.json',
  },
] as const;

/** What the weights file records of a set, so a test can tell when the weights are older than the posts. */
export const setDigest = (posts: string, practice: string): string =>
  createHash('sha256').update(posts).update('\n--\n').update(practice).digest('hex');
