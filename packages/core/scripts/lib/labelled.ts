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
): { posts: LoadedPost[]; postsText: string; rosterTexts: string[] } {
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
  return { posts, postsText: text, rosterTexts };
}

/** The labels a correction may add or remove: the everyday ones the labelling guide settles. */
export const CORRECTABLE: readonly Category[] = [
  'complaint',
  'feedback',
  'enquiry',
  'appointment_request',
  'clinical_disclosure',
];

interface Correction {
  id: string;
  add?: Category[];
  remove?: Category[];
  reason: string;
}

/** Applies a set's corrections file to its posts; refuses an unknown id or a label outside CORRECTABLE. */
export function applyCorrections(posts: LoadedPost[], correctionsText: string, where: string): LoadedPost[] {
  const byId = new Map<string, Correction>();
  for (const [n, line] of correctionsText.split('\n').entries()) {
    if (line.trim() === '') continue;
    const correction = JSON.parse(line) as Correction;
    const labels = [...(correction.add ?? []), ...(correction.remove ?? [])];
    const wrong = labels.find((label) => !CORRECTABLE.includes(label));
    if (wrong || typeof correction.reason !== 'string' || correction.reason.trim() === '')
      throw new Error(
        `${where}:${n + 1}: a correction names ${wrong ?? 'no reason'}; only ${CORRECTABLE.join(', ')}`,
      );
    byId.set(correction.id, correction);
  }
  const ids = new Set(posts.map((post) => post.id));
  for (const id of byId.keys()) if (!ids.has(id)) throw new Error(`${where}: no post ${id} to correct`);
  return posts.map((post) => {
    const correction = byId.get(post.id);
    if (!correction) return post;
    const labels = new Set(post.labels);
    for (const label of correction.remove ?? []) labels.delete(label);
    for (const label of correction.add ?? []) labels.add(label);
    return { ...post, labels: [...labels] };
  });
}

export function loadSet(set: TrainingSet): LoadedSet {
  const postsPath = resolve(repoRoot, set.posts);
  if (!existsSync(postsPath)) throw new Error(`Missing training set ${postsPath}.`);
  const loaded = loadPosts(postsPath, {
    file: set.practice ? resolve(repoRoot, set.practice) : undefined,
    folder: set.practices ? resolve(repoRoot, set.practices) : undefined,
  });
  const corrections = set.corrections ? readFileSync(resolve(repoRoot, set.corrections), 'utf8') : undefined;
  const posts =
    corrections === undefined
      ? loaded.posts
      : applyCorrections(loaded.posts, corrections, set.corrections ?? '');
  return {
    name: set.name,
    postsPath,
    // What the weights file records of the set: its posts, rosters and corrections as read here.
    digest: setDigest(
      loaded.postsText,
      ...loaded.rosterTexts,
      ...(corrections === undefined ? [] : [corrections]),
    ),
    posts,
    rulesReadIt: set.rulesReadIt,
    blind: false,
  };
}

export const loadTrainingSets = (): LoadedSet[] => TRAINING_SETS.map(loadSet);
