// Reading labelled posts and the practice context each was written about.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Category, Platform } from '../../src/model/constants.js';
import type { ClassifyContext } from '../../src/model/incident.js';
import type { StaffMember } from '../../src/model/settings.js';
import { setDigest, TRAINING_SETS, type TrainingSet } from '../training-sets.js';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = resolve(packageRoot, '../..');

export interface LabelledPost {
  id: string;
  platform?: Platform;
  text: string;
  labels: Category[];
  /** ODS code of the practice the post is about, when a set covers several. */
  practice?: string;
  why?: string;
}

export interface LoadedPost extends LabelledPost {
  context: ClassifyContext;
}

export interface LoadedSet {
  name: string;
  postsPath: string;
  /** SHA-256 of the posts and every roster file. */
  digest: string;
  posts: LoadedPost[];
  rulesReadIt: boolean;
  /** True for eval/blind/ (or a folder with a BLIND marker): only aggregate figures may be shown. */
  blind: boolean;
}

interface PracticeFile {
  practice?: { name?: string; ods?: string };
  staff?: StaffMember[];
}

const contextOf = (practice: PracticeFile): ClassifyContext => ({
  staff: practice.staff ?? [],
  ...(practice.practice?.name ? { practiceName: practice.practice.name } : {}),
});

export function isBlindPath(postsPath: string): boolean {
  const dir = dirname(resolve(postsPath));
  return basename(dir) === 'blind' || existsSync(join(dir, 'BLIND'));
}

/** Posts of one file with their practice context: one practice file, or a folder of `practice-*.json`. */
export function loadPosts(
  postsPath: string,
  practice: { file?: string | undefined; folder?: string | undefined },
): { posts: LoadedPost[]; rosterTexts: string[] } {
  const rosterTexts: string[] = [];
  const byOds = new Map<string, ClassifyContext>();
  let single: ClassifyContext = {};
  if (practice.file) {
    const text = readFileSync(practice.file, 'utf8');
    rosterTexts.push(text);
    single = contextOf(JSON.parse(text) as PracticeFile);
  }
  if (practice.folder) {
    for (const name of readdirSync(practice.folder)
      .filter((f) => /^practice.*\.json$/.test(f))
      .sort()) {
      const text = readFileSync(join(practice.folder, name), 'utf8');
      rosterTexts.push(text);
      const file = JSON.parse(text) as PracticeFile;
      if (file.practice?.ods) byOds.set(file.practice.ods, contextOf(file));
    }
  }
  const text = readFileSync(postsPath, 'utf8');
  const posts = text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line): LoadedPost => {
      const post = JSON.parse(line) as LabelledPost;
      const base = post.practice ? byOds.get(post.practice) : single;
      if (!base)
        throw new Error(`${postsPath}: post ${post.id} names practice ${post.practice}, which has no roster`);
      return { ...post, context: { ...base, ...(post.platform ? { platform: post.platform } : {}) } };
    });
  return { posts, rosterTexts };
}

export function loadSet(set: TrainingSet): LoadedSet {
  const postsPath = resolve(repoRoot, set.posts);
  if (!existsSync(postsPath)) throw new Error(`Missing training set ${postsPath}.`);
  const { posts, rosterTexts } = loadPosts(postsPath, {
    file: set.practice ? resolve(repoRoot, set.practice) : undefined,
    folder: set.practices ? resolve(repoRoot, set.practices) : undefined,
  });
  return {
    name: set.name,
    postsPath,
    digest: setDigest(readFileSync(postsPath, 'utf8'), ...rosterTexts),
    posts,
    rulesReadIt: set.rulesReadIt,
    blind: false,
  };
}

export const loadTrainingSets = (): LoadedSet[] => TRAINING_SETS.map(loadSet);
