// `npm run bench -w @policy/desk` (and the root `npm run bench`): the desk's budgets (quality.md).
// 1. First-load JavaScript, min+gzip, Lit included: the shell plus the chunks of the first screen
//    (sign-in for a visitor, the queue for someone signed in), from Vite's manifest of the build.
// 2. Screen changes in real Chromium on the demo practice with demo data: from the hash change to
//    the screen's `desk-screen-ready` (its data on screen), median and p95 over rounds, against a
//    baseline measured in the same run (one same-origin API round trip from the page).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '@policy/api/server';
import { chromium } from 'playwright-core';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const BUDGET_KB = 60;
const SCREEN_BUDGET_MS = 100;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  src?: string;
}

function firstLoad(): { visitor: number; signedIn: number; entryOnly: number } {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const gz = new Map<string, number>();
  const size = (file: string) => {
    let found = gz.get(file);
    if (found === undefined) {
      found = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
      gz.set(file, found);
    }
    return found;
  };
  const closure = (key: string, into = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry) ?? '';
  const screenKey = (name: string) =>
    Object.keys(manifest).find((key) => key.includes(`screens/${name}/`)) ?? '';
  const total = (keys: string[]) => {
    const files = new Set<string>();
    for (const key of keys) closure(key, files);
    return [...files].filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + size(file), 0);
  };
  return {
    entryOnly: total([entryKey]),
    visitor: total([entryKey, screenKey('auth')]),
    signedIn: total([entryKey, screenKey('queue')]),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0;

async function screenChanges(
  rounds: number,
): Promise<{ baseline: number[]; screens: Record<string, number[]> }> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-desk-bench-'));
  const server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databasePath: join(dir, 'bench.sqlite'),
    demo: true,
    log: () => {},
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const keys = server.demoKeys;
    if (!keys) throw new Error('the demo practice was not seeded');
    const origin = `http://127.0.0.1:${server.port}`;
    // Demo data: a practice's busy month, 30 reports of every kind.
    const texts = [
      'Waited 40 minutes again today, the service here is a joke',
      'Can someone book me an appointment for Tuesday please',
      'Dr Raman is a useless idiot and I will come down there and smash the place up',
      'Thank you to the nurses for looking after my mum so well',
      'The receptionist Sam was rude and laughed at me on the phone',
      'Vaccines cause more harm than good, do not let them jab your kids',
    ];
    for (let i = 0; i < 30; i += 1) {
      const response = await fetch(`${origin}/v1/practices/${keys.ods}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': keys.reportKey, origin, 'content-type': 'application/json' },
        body: JSON.stringify({
          platform: 'facebook',
          seenAt: new Date().toISOString(),
          location: 'practice_page',
          author: { handle: `@poster${i % 7}`, kind: 'patient' },
          text: texts[i % texts.length],
          atRisk: false,
          reporter: { name: 'Bench' },
        }),
      });
      if (!response.ok) throw new Error(`report ${i}: ${response.status}`);
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${origin}/desk/#/sign-in`);
    await page.getByLabel('Email address').fill(keys.manager.email);
    await page.getByLabel('Password', { exact: true }).fill(keys.manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    const incidentId = await page
      .locator('ol.incidents a.reference')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).hash.split('/').pop());
    const route = [`/incidents/${incidentId}`, '/report', '/settings', '/queue'];
    const screens: Record<string, number[]> = Object.fromEntries(
      route.map((path) => [path.replace(/\/[0-9a-f-]{36}$/, '/:id'), []]),
    );
    screens['/report (months)'] = [];
    const baseline: number[] = [];
    for (let round = 0; round < rounds + 1; round += 1) {
      baseline.push(
        await page.evaluate(async () => {
          const started = performance.now();
          await (await fetch('/v1/session', { credentials: 'same-origin' })).json();
          return performance.now() - started;
        }),
      );
      for (const path of route) {
        const [ready, complete] = await page.evaluate(
          (hash) =>
            new Promise<[number, number]>((resolve) => {
              const started = performance.now();
              let readyAt = 0;
              document.addEventListener(
                'desk-screen-ready',
                () => {
                  readyAt = performance.now() - started;
                  // The report fills in its month-by-month tables after its totals.
                  if (!hash.startsWith('#/report')) resolve([readyAt, readyAt]);
                },
                { once: true, capture: true },
              );
              document.addEventListener(
                'desk-screen-complete',
                () => resolve([readyAt, performance.now() - started]),
                {
                  once: true,
                  capture: true,
                },
              );
              location.hash = hash;
            }),
          `#${path}`,
        );
        // Round 0 loads each screen's code for the first time: not counted.
        if (round > 0) {
          screens[path.replace(/\/[0-9a-f-]{36}$/, '/:id')]?.push(ready);
          if (path === '/report') screens['/report (months)']?.push(complete);
        }
      }
    }
    return { baseline: baseline.slice(1), screens };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = firstLoad();
console.log('desk first-load JavaScript, min+gzip (Lit included)');
console.log(`  shell alone              ${kb(sizes.entryOnly)}`);
console.log(
  `  sign-in (visitor)        ${kb(sizes.visitor)}  = ${(sizes.visitor / 1024 / BUDGET_KB).toFixed(2)} × the ${BUDGET_KB} KB budget`,
);
console.log(
  `  queue (signed in)        ${kb(sizes.signedIn)}  = ${(sizes.signedIn / 1024 / BUDGET_KB).toFixed(2)} × the ${BUDGET_KB} KB budget`,
);
const rounds = Number(process.env.DESK_BENCH_ROUNDS ?? 10);
const { baseline, screens } = await screenChanges(rounds);
const floor = median(baseline);
console.log(
  `desk screen change on the demo data (30 incidents), ${rounds} rounds, hash change → data on screen`,
);
console.log(`  baseline: one same-origin API round trip from the page, median ${floor.toFixed(1)} ms`);
// The budget is held by the median (this machine is shared: p95 swings with its neighbours' load).
let worst = 0;
for (const [name, times] of Object.entries(screens)) {
  if (!name.includes('(months)')) worst = Math.max(worst, median(times));
  console.log(
    `  ${name.padEnd(16)} median ${median(times).toFixed(1).padStart(6)} ms  p95 ${p95(times).toFixed(1).padStart(6)} ms  (${(median(times) / Math.max(floor, 0.1)).toFixed(1)} × baseline)`,
  );
}
const sizeOk = Math.max(sizes.visitor, sizes.signedIn) <= BUDGET_KB * 1024;
console.log(
  `budgets: first load ≤ ${BUDGET_KB} KB ${sizeOk ? 'PASS' : 'FAIL'}; screen change median ≤ ${SCREEN_BUDGET_MS} ms ${worst <= SCREEN_BUDGET_MS ? 'PASS' : 'FAIL'}`,
);
if (!sizeOk || worst > SCREEN_BUDGET_MS) process.exitCode = 1;
