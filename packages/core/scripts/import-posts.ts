// Brings newly written labelled posts into a training set, leaving out near-duplicates of posts the
// training sets already hold (and of each other), so a rewording never sits on both sides of a fold.
//
//   npx tsx scripts/import-posts.ts <new posts.jsonl> <destination posts.jsonl> [--threshold 0.6]
//        [--id-prefix <prefix>] [--check-blind]
//
// Near-duplicate: Jaccard similarity ≥ threshold between the posts' sets of word 3-shingles (lower
// case, letters and digits only; a post under 3 words is one shingle). The destination is rewritten
// from the source each time, so a source that grows in batches can be imported again. Lines that are
// not valid labelled posts are reported and left out. --id-prefix renames ids (`<prefix>-0001`…, in
// source order) so two sets whose writers both numbered from 1 keep distinct ids.
//
// --check-blind also leaves out new posts that are near-duplicates of a post in eval/blind/ (a
// rewording there would be trained on and then scored as unseen). The blind posts are compared in
// memory only: nothing of them is printed — not their text, not their ids — only the new post's id.
// Without the flag eval/blind/ is never read.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATEGORIES, type Category } from '../src/model/constants.js';
import { loadTrainingSets, packageRoot } from './lib/labelled.js';

const args = process.argv.slice(2);
const thresholdAt = args.indexOf('--threshold');
const threshold = thresholdAt >= 0 ? Number(args[thresholdAt + 1]) : 0.6;
const prefixAt = args.indexOf('--id-prefix');
const idPrefix = prefixAt >= 0 ? args[prefixAt + 1] : undefined;
const checkBlind = args.includes('--check-blind');
const [source, destination] = args.filter(
  (a, i) =>
    !a.startsWith('--') && (thresholdAt < 0 || i !== thresholdAt + 1) && (prefixAt < 0 || i !== prefixAt + 1),
);
if (!source || !destination) {
  console.error('usage: tsx scripts/import-posts.ts <new posts.jsonl> <destination posts.jsonl>');
  process.exit(2);
}

function shingles(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  if (words.length < 3) out.add(words.join(' '));
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

const destinationPath = resolve(destination);
const existing = loadTrainingSets()
  .filter((set) => set.postsPath !== destinationPath)
  .flatMap((set) =>
    set.posts.map((post) => ({ id: `${set.name}/${post.id}`, shingles: shingles(post.text) })),
  );
// An inverted index from shingle to posts, so each new post is compared only with posts it shares one with.
const index = new Map<string, number[]>();
const register = (id: number, set: Set<string>) => {
  for (const s of set) {
    const list = index.get(s);
    if (list) list.push(id);
    else index.set(s, [id]);
  }
};
const all = [...existing];
for (const [i, post] of existing.entries()) register(i, post.shingles);

// Blind posts: compared, never shown.
const blindDir = join(packageRoot, 'eval/blind');
const blind: Set<string>[] = [];
// Blind sets sit in eval/blind/ itself or in a folder of their own beneath it (with their rosters).
if (checkBlind && existsSync(blindDir))
  for (const name of readdirSync(blindDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.jsonl'),
  ))
    for (const line of readFileSync(join(blindDir, name), 'utf8').split('\n'))
      if (line.trim() !== '') blind.push(shingles((JSON.parse(line) as { text: string }).text));
const blindIndex = new Map<string, number[]>();
for (const [i, set] of blind.entries())
  for (const s of set) {
    const list = blindIndex.get(s);
    if (list) list.push(i);
    else blindIndex.set(s, [i]);
  }
let blindDuplicates = 0;
let sourceIndex = 0;

const kept: string[] = [];
let duplicates = 0;
let invalid = 0;
for (const line of readFileSync(resolve(source), 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  let post: { id?: unknown; text?: unknown; labels?: unknown };
  try {
    post = JSON.parse(line);
  } catch {
    invalid++;
    continue;
  }
  const labels = post.labels;
  if (
    typeof post.id !== 'string' ||
    typeof post.text !== 'string' ||
    !Array.isArray(labels) ||
    !labels.every((l) => CATEGORIES.includes(l as Category))
  ) {
    console.error(`left out (not a labelled post): ${String(post.id)}`);
    invalid++;
    continue;
  }
  sourceIndex++;
  if (idPrefix) post.id = `${idPrefix}-${String(sourceIndex).padStart(4, '0')}`;
  const own = shingles(post.text);
  const blindCandidates = new Set<number>();
  for (const s of own) for (const k of blindIndex.get(s) ?? []) blindCandidates.add(k);
  if ([...blindCandidates].some((k) => jaccard(own, blind[k] as Set<string>) >= threshold)) {
    console.log(`near-duplicate of a blind post (not shown): ${post.id}`);
    blindDuplicates++;
    continue;
  }
  const candidates = new Set<number>();
  for (const s of own) for (const k of index.get(s) ?? []) candidates.add(k);
  const match = [...candidates].find(
    (k) => jaccard(own, (all[k] as { shingles: Set<string> }).shingles) >= threshold,
  );
  if (match !== undefined) {
    console.log(`near-duplicate: ${post.id} ≈ ${(all[match] as { id: string }).id}`);
    duplicates++;
    continue;
  }
  register(all.length, own);
  all.push({ id: String(post.id), shingles: own });
  kept.push(idPrefix ? JSON.stringify(post) : line.trim());
}
if (existsSync(destinationPath)) console.log(`rewriting ${destinationPath}`);
writeFileSync(destinationPath, `${kept.join('\n')}\n`);
console.log(
  `${kept.length} posts kept, ${duplicates} near-duplicates and ${invalid} invalid lines left out (Jaccard ≥ ${threshold} on word 3-shingles)`,
);
if (checkBlind)
  console.log(
    `checked against ${blind.length} blind posts: ${blindDuplicates} new posts left out as near-duplicates of one`,
  );
