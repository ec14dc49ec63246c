// Profiles one of the bench's loads on the built server: `npx tsx bench/profile.ts <load>` with
// <load> = public | 304 | reports | classify, or baseline | sized (bench/baseline-server.mjs). Runs bench/api-server.mjs under `node --cpu-prof`,
// puts the same 50-connection load on it (PROFILE_SECONDS, default 8), and prints where the
// server's CPU went — self time by function, and inclusive time of the frames named in
// PROFILE_FRAMES (comma-separated substrings) — plus CPU µs per request. Build first (`npm run build`).
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { API_NODE_FLAGS, CLASSIFY, cpuSeconds, REPORT } from './lib.js';

const which = process.argv[2] ?? 'public';
const seconds = Number(process.env.PROFILE_SECONDS ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'policy-prof-'));
const bare = which === 'baseline' || which === 'sized';
// PROFILE_SERVER: another build's bench/api-server.mjs (to compare two versions of the API).
const entry = bare
  ? fileURLToPath(new URL('./baseline-server.mjs', import.meta.url))
  : (process.env.PROFILE_SERVER ?? fileURLToPath(new URL('./api-server.mjs', import.meta.url)));

const child = fork(entry, [], {
  execArgv: [
    // PROFILE_NODE_FLAGS (space-separated, may be empty) replaces the API's usual node flags.
    ...(bare
      ? []
      : process.env.PROFILE_NODE_FLAGS !== undefined
        ? process.env.PROFILE_NODE_FLAGS.split(' ').filter(Boolean)
        : API_NODE_FLAGS),
    ...(process.env.PROFILE_OFF === '1'
      ? []
      : ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100']),
  ],
  env: process.env,
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const info = await new Promise<Record<string, string | number>>((resolve) =>
  child.on('message', (m) => {
    if ((m as { ready?: boolean }).ready) resolve(m as Record<string, string | number>);
  }),
);
const url = `http://127.0.0.1:${info.port}`;
const publicUrl = `${url}/v1/practices/${info.ods}/public`;
const etag = bare ? '' : ((await fetch(publicUrl)).headers.get('etag') ?? '');
const options: Record<string, autocannon.Options> = {
  baseline: { url: `${url}/hello` },
  sized: { url: `${url}/sized` },
  public: { url: publicUrl },
  '304': { url: publicUrl, headers: { 'if-none-match': etag } },
  reports: {
    url: `${url}/v1/practices/${info.ods}/reports`,
    method: 'POST',
    headers: {
      'x-report-key': String(info.reportKey),
      origin: String(info.origin),
      'content-type': 'application/json',
    },
    body: REPORT,
  },
  classify: {
    url: `${url}/v1/classify`,
    method: 'POST',
    headers: { authorization: `Bearer ${info.apiKey}`, 'content-type': 'application/json' },
    body: CLASSIFY(String(info.ods)),
  },
};
const chosen = options[which];
if (!chosen) throw new Error(`unknown load ${which}`);
await autocannon({ ...chosen, connections: 50, duration: 2 });
const before = cpuSeconds(child.pid);
const result = await autocannon({ ...chosen, connections: 50, duration: seconds });
const cpu = cpuSeconds(child.pid) - before;
console.log(
  `${which}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, CPU ${((cpu / result.requests.total) * 1e6).toFixed(1)} µs/req`,
);
await new Promise((done) => {
  child.once('exit', done);
  child.kill('SIGTERM');
});

if (process.env.PROFILE_OFF === '1') process.exit(0);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const kid of node.children ?? []) parent.set(kid, node.id);
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const label = (node: Node) => {
  const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
  return `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber + 1}`;
};
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
const self = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id);
  if (node) self.set(label(node), (self.get(label(node)) ?? 0) + time);
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`\nself time (of ${(total / 1e6).toFixed(1)} s sampled):`);
for (const [name, time] of [...self]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(process.env.PROFILE_TOP ?? 40)))
  console.log(`  ${pct(time)}  ${name}`);
const byModule = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id);
  if (!node) continue;
  const url = node.callFrame.url;
  const module = url.includes('/node_modules/')
    ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url)
    : url.includes('/work/main/')
      ? url.replace(/^.*\/work\/main\//, '').replace(/\/dist\/.*$/, '')
      : url.startsWith('node:')
        ? (url.split('/')[0] ?? url).replace(/^node:internal/, 'node')
        : node.callFrame.functionName || '(native)';
  byModule.set(module, (byModule.get(module) ?? 0) + time);
}
console.log('\nself time by module:');
for (const [name, time] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`  ${pct(time)}  ${name}`);
// Inclusive time: each sample counted once per distinct matching frame on its stack.
const frames = (process.env.PROFILE_FRAMES ?? '').split(',').filter(Boolean);
if (frames.length > 0) {
  const inclusive = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node) break;
      const name = label(node);
      if (!seen.has(name) && frames.some((f) => name.includes(f))) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + time);
      }
    }
  }
  console.log('\ninclusive time:');
  for (const [name, time] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 60))
    console.log(`  ${pct(time)}  ${name}`);
}
