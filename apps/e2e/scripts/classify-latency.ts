// `npx tsx scripts/classify-latency.ts` (in apps/e2e): the numbers behind the report form's choice
// of classifier, measured in Chromium on this machine against the real API on loopback.
// - in the browser: @policy/core's classify bundled as the lazy chunk the form would load
//   (size min+gzip, time to import it, time per post);
// - over HTTP: POST /v1/classify with the report key, as the form does (round trip per post).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchBrowser, openProbe } from '../src/support/browser.js';
import { startStack } from '../src/support/stack.js';

const dir = mkdtempSync(join(tmpdir(), 'classify-chunk-'));
const core = fileURLToPath(import.meta.resolve('@policy/core'));
writeFileSync(join(dir, 'entry.js'), `export { classify } from ${JSON.stringify(core)};\n`);
await build({
  root: process.cwd(),
  configFile: false,
  logLevel: 'silent',
  build: {
    lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: () => 'classify.js' },
    outDir: join(dir, 'out'),
    minify: true,
    target: 'es2022',
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});
const chunk = readFileSync(join(dir, 'out', readdirSync(join(dir, 'out'))[0] ?? 'classify.js'));
const gz = gzipSync(chunk, { level: 9 }).length;

// ~300-character posts of the kinds staff report.
const POSTS = [
  'Waited 40 minutes past my appointment at the surgery today and the receptionist was rude to me when I asked why. This is the third time this month. I am going to complain to the ICB about this practice, the service is a disgrace and nobody seems to care about patients any more.',
  'Does anyone know if the flu clinic is running this Saturday at the health centre? I tried to ring but the line was engaged all morning. Also can I get my repeat prescription through the app or do I have to go in? Thanks in advance, would be good to know before the weekend.',
  'Dr Raman is a useless idiot who should be struck off. She ignored my mum for weeks and now she is in hospital. I know where that woman parks her car and she had better watch herself. Everyone avoid this surgery, they do not care whether you live or die.',
];

const stack = await startStack({
  unlimited: true,
  files: { '/bench/classify.js': { body: chunk, type: 'text/javascript' } },
});
const browser = await launchBrowser();
try {
  const url = stack.page('/bench', { body: '<p>bench</p>', csp: false });
  const { page, close } = await openProbe(browser);
  await page.goto(url);
  // A string, not a function: tsx would wrap a function's inner helpers in its own `__name`.
  const measure = `(async ({ posts, api, key, ods }) => {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
    const t0 = performance.now();
    const mod = await import('/bench/classify.js');
    const importMs = performance.now() - t0;
    const local = [];
    for (let i = 0; i < 600; i++) {
      const start = performance.now();
      mod.classify(posts[i % posts.length]);
      local.push(performance.now() - start);
    }
    const remote = [];
    for (let i = 0; i < 150; i++) {
      const start = performance.now();
      const response = await fetch(api + '/v1/classify', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-report-key': key },
        body: JSON.stringify({ text: posts[i % posts.length], practice: ods }),
        credentials: 'omit',
      });
      await response.json();
      remote.push(performance.now() - start);
    }
    return {
      importMs,
      localMedianMs: median(local.slice(100)),
      localP95Ms: p95(local.slice(100)),
      remoteMedianMs: median(remote.slice(20)),
      remoteP95Ms: p95(remote.slice(20)),
    };
  })(${JSON.stringify({ posts: POSTS, api: stack.apiUrl, key: stack.reportKey, ods: stack.ods })})`;
  const result = (await page.evaluate(measure)) as {
    importMs: number;
    localMedianMs: number;
    localP95Ms: number;
    remoteMedianMs: number;
    remoteP95Ms: number;
  };
  await close();
  const f = (n: number) => n.toFixed(2);
  console.log(
    `classifier choice — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`,
  );
  console.log(`in-browser chunk: ${chunk.length} B min, ${gz} B min+gzip (${(gz / 1024).toFixed(1)} KB)`);
  console.log(
    `  first import (loopback, cold): ${f(result.importMs)} ms; per ~300-char post: median ${f(result.localMedianMs)} ms, p95 ${f(result.localP95Ms)} ms`,
  );
  console.log(
    `POST /v1/classify from Chromium (loopback, CORS): median ${f(result.remoteMedianMs)} ms, p95 ${f(result.remoteP95Ms)} ms`,
  );
} finally {
  await browser.close();
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
}
