// Every labelled post's classification, to check that an engine change leaves the output alone.
//
//   npx tsx scripts/snapshot-classify.ts write /tmp/before.json
//   npx tsx scripts/snapshot-classify.ts compare /tmp/before.json
//
// Covers every training set (scripts/training-sets.ts: dev, holdouts, eval/train/**) with the
// shipped model and with the rules alone, plus long and adversarial texts like the bench's. Never
// reads eval/blind. `compare` prints each post whose categories, rule ids, spans or confidences
// differ, and exits 1 if any does.

import { readFileSync, writeFileSync } from 'node:fs';
import { classify } from '../src/classifier/classify.js';
import type { ClassifyContext } from '../src/model/incident.js';
import { loadTrainingSets } from './lib/labelled.js';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'compare') || !file) {
  console.error('usage: snapshot-classify.ts write|compare <file.json>');
  process.exit(2);
}

const results: Record<string, unknown> = {};
const record = (key: string, text: string, context: ClassifyContext): void => {
  const { categories, severity } = classify(text, context);
  results[key] = { severity, categories };
};

const sets = loadTrainingSets();
for (const set of sets)
  for (const post of set.posts) {
    record(`${set.name}/${post.id}`, post.text, post.context);
    record(`${set.name}/${post.id}/rules`, post.text, { ...post.context, rulesOnly: true });
  }
// Long texts: every set's posts joined, and a repetitive adversarial text.
for (const set of sets) {
  const context = set.posts[0]?.context ?? {};
  record(`${set.name}/joined`, set.posts.map((p) => p.text).join('\n'), context);
  record(`${set.name}/joined-flat`, set.posts.map((p) => p.text).join(' '), context);
}
const ADVERSARIAL =
  "f u c k a aaaaaaaaaaaaaaaaaaaaaaaa i i i i i kill kill kill you 1 2 3 4 5 6 943 476 5919 sh*t*t*t*t my my my dad dad Dr Dr Dr ? ? . . ! p.r.i.c.k. 🔪🔪🔪 the the nurse nurse don't don't '' '' Jean Carter Jean Carter ";
const context0 = sets[0]?.posts[0]?.context ?? {};
for (const size of [1_000, 30_000])
  record(`adversarial/${size}`, ADVERSARIAL.repeat(size / 100).slice(0, size), context0);

const count = Object.keys(results).length;
if (mode === 'write') {
  writeFileSync(file, JSON.stringify(results));
  console.log(`wrote ${count} classifications to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  let differ = 0;
  for (const [key, value] of Object.entries(results)) {
    const was = JSON.stringify(before[key]);
    const now = JSON.stringify(value);
    if (was !== now) {
      differ++;
      if (differ <= 20) console.log(`${key}\n  before ${was?.slice(0, 600)}\n  after  ${now.slice(0, 600)}`);
    }
  }
  const missing = Object.keys(before).filter((key) => !(key in results)).length;
  console.log(`${count} classifications compared: ${differ} differ, ${missing} missing`);
  process.exit(differ > 0 || missing > 0 ? 1 : 0);
}
