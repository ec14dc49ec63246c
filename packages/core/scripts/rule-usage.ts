// For each phrase pattern, on how many labelled posts it fires: in the sets the rules were written from,
// and in the sets they never read. Patterns that fire on one post or none were written for one post.
//
//   npm run rule-usage -w @policy/core [-- --list=<max fires>]

import { loadTrainingSets } from './lib/labelled.js';
import { isProtected, patternUsage } from './lib/rule-usage.js';

const listArg = process.argv.find((a) => a.startsWith('--list='));
const listMax = listArg ? Number(listArg.slice('--list='.length)) : undefined;
const usage = patternUsage(loadTrainingSets());
const buckets = [0, 1, 2, 4, 9, Number.POSITIVE_INFINITY];
const label = (k: number) => {
  const min = k === 0 ? 0 : (buckets[k - 1] as number) + 1;
  const max = buckets[k] as number;
  return max === Number.POSITIVE_INFINITY ? `${min}+` : min === max ? String(min) : `${min}–${max}`;
};
console.log(`${usage.length} patterns; posts each fires on in the sets the rules were written from:`);
for (const [k, max] of buckets.entries()) {
  const min = k === 0 ? 0 : (buckets[k - 1] as number) + 1;
  const n = usage.filter((u) => u.readFires >= min && u.readFires <= max).length;
  const unread = usage.filter((u) => u.readFires >= min && u.readFires <= max && u.unreadFires > 0).length;
  console.log(
    `  ${label(k).padStart(6)} posts: ${String(n).padStart(5)} patterns (${unread} of them fire on a set the rules never read)`,
  );
}
const byFamily = new Map<string, { all: number; tail: number }>();
for (const u of usage) {
  const family = u.rule.id.split('.')[0] as string;
  const entry = byFamily.get(family) ?? { all: 0, tail: 0 };
  entry.all++;
  if (u.readFires <= 1 && !isProtected(u.rule.id)) entry.tail++;
  byFamily.set(family, entry);
}
console.log('\nby family: patterns, and how many fire on at most one post and are not protected');
for (const [family, { all, tail }] of [...byFamily].sort((x, y) => y[1].tail - x[1].tail))
  console.log(`  ${family.padEnd(22)} ${String(all).padStart(5)} ${String(tail).padStart(5)}`);
if (listMax !== undefined)
  for (const u of usage
    .filter((x) => x.readFires <= listMax)
    .sort((x, y) => (x.rule.id < y.rule.id ? -1 : 1)))
    console.log(`${u.rule.id}\t${u.readFires}/${u.unreadFires}\t${u.pattern}`);
