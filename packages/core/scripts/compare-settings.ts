// Compares training settings before one is chosen for scripts/lib/linear.ts, on the sets the rules never
// read: each variant's out-of-fold scores (folds by source set), each set's thresholds chosen on the
// other unread sets' scores, then pooled. Cheaper than `npm run eval` (no inner cross-validation per
// fold), so use it to choose, and the eval to report. Never reads eval/blind/.
//
//   npx tsx scripts/compare-settings.ts '{"base":{},"nb":{"nbAlpha":0.5}}' 0.5,0.55,0.6
//   (variants as JSON of SETTINGS overrides, then the critical precision floors to try)
//   --without=a,b  leave these sets out entirely (to measure what adding them did)
//   --pool=a,b     report only these sets (the thresholds are still chosen on all the others)

import { CATEGORIES, type Category, CRITICAL_CATEGORIES } from '../src/model/constants.js';
import { loadTrainingSets } from './lib/labelled.js';
import { chooseThresholds, f1Of, outOfFold, predicts, prepare, type Scored, SETTINGS } from './lib/linear.js';

type Settings = typeof SETTINGS;
const started = performance.now();
const option = (name: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',');
const without = option('without') ?? [];
const pool = option('pool');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const { prepared, buckets } = prepare(loadTrainingSets().filter((set) => !without.includes(set.name)));
const variants = JSON.parse(positional[0] ?? '{"shipped":{}}') as Record<string, Partial<Settings>>;
const floors = (positional[1] ?? String(SETTINGS.criticalPrecisionFloor)).split(',').map(Number);
const unread = prepared.flatMap((set, k) => (set.set.rulesReadIt ? [] : [k]));
const reported = unread.filter((k) => !pool || pool.includes(prepared[k]?.set.name ?? ''));
const critical = CATEGORIES.flatMap((category, c) =>
  (CRITICAL_CATEGORIES as readonly Category[]).includes(category) ? [c] : [],
);

for (const [name, overrides] of Object.entries(variants)) {
  const settings = { ...SETTINGS, ...overrides } as Settings;
  const oof = outOfFold(prepared, buckets.length, settings);
  for (const floor of floors) {
    const tally = CATEGORIES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
    for (const k of reported) {
      const others = unread.filter((j) => j !== k).flatMap((j) => oof[j] as Scored[]);
      const decisions = chooseThresholds(others, { ...settings, criticalPrecisionFloor: floor } as Settings);
      for (const { example, p } of oof[k] as Scored[])
        for (const [c, decision] of decisions.entries()) {
          const predicted = predicts(
            example.rules[c] as number,
            p[c] as number,
            decision.threshold,
            decision.mode,
          );
          const t = tally[c] as { tp: number; fp: number; fn: number };
          if (predicted && example.labels[c] === 1) t.tp++;
          else if (predicted) t.fp++;
          else if (example.labels[c] === 1) t.fn++;
        }
    }
    const f1 = tally.map(f1Of);
    const sum = (key: 'tp' | 'fp' | 'fn') => critical.reduce((n, c) => n + (tally[c]?.[key] ?? 0), 0);
    console.log(
      `${name} floor ${floor}: macro-F1 ${(f1.reduce((a, b) => a + b, 0) / f1.length).toFixed(3)}  threat+harm recall ${(sum('tp') / (sum('tp') + sum('fn'))).toFixed(3)} precision ${(sum('tp') / (sum('tp') + sum('fp'))).toFixed(3)}`,
    );
    console.log(`  ${CATEGORIES.map((c, i) => `${c} ${((f1[i] as number) * 100).toFixed(0)}`).join(', ')}`);
  }
}
console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
