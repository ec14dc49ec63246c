// The API under test, in its own process, as deployed: plain node (with the start script's flags,
// bench/lib.ts API_NODE_FLAGS) running the compiled dist/ (run.ts builds it first), the real
// startServer on loopback over a fresh SQLite file,
// rate limits off (the benchmark is the load), request logs on as deployed (stdout goes to /dev/null).
// BENCH_EXTRA_PRACTICES seeds that many further practices, each with a report key, so figures can be
// taken at England scale (~6,300 practices) as well as with one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { Store } from '../dist/db/store.js';
import { issueKey } from '../dist/http/auth.js';
import { publicOf, settingsFrom } from '../dist/practices/practice-config.js';
import { DEMO_SETTINGS } from '../dist/seed/demo.js';
import { startServer } from '../dist/server.js';
import { defaultWebhookPolicy } from '../dist/services/webhook-guard.js';

const ADMIN = `ak_bench_${'c'.repeat(40)}`;
const ORIGIN = 'https://bench-surgery.example';
const ODS = 'Y90101';

const dir = mkdtempSync(join(tmpdir(), 'policy-bench-'));
const running = await startServer({
  port: 0,
  hostname: '127.0.0.1',
  databasePath: join(dir, 'bench.sqlite'),
  bootstrapAdminKey: ADMIN,
  rateLimits: { reports: false, classify: false },
  // The notification dispatcher runs, as in `npm start`; the bench's webhook receiver is on loopback.
  notifications: { policy: defaultWebhookPolicy({ allowPrivate: true }) },
  // BENCH_UPLOAD_QUOTA_MIB: the hostile-multipart bench uploads more than a practice's default day.
  ...(process.env.BENCH_UPLOAD_QUOTA_MIB
    ? { uploads: { dailyQuotaBytes: Number(process.env.BENCH_UPLOAD_QUOTA_MIB) * 2 ** 20 } }
    : {}),
  // BENCH_NO_LOGS=1: no request log lines, to measure what logging costs per request.
  ...(process.env.BENCH_NO_LOGS === '1' ? { log: () => {} } : {}),
});

const extra = Number(process.env.BENCH_EXTRA_PRACTICES ?? 0);
if (extra > 0) {
  const store = new Store(running.db);
  const now = new Date();
  store.transaction(() => {
    for (let i = 0; i < extra; i++) {
      const ods = `B${String(10000 + i)}`;
      const settings = settingsFrom({ ...DEMO_SETTINGS, ods, name: `Practice ${ods}` });
      store.insertPractice({
        ods,
        name: settings.name,
        settings: JSON.stringify(settings),
        ...publicOf(settings),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      issueKey(
        store,
        {
          type: 'report',
          practices: [ods],
          scopes: [],
          allowedOrigins: [`https://${ods.toLowerCase()}.example`],
        },
        now,
      );
    }
  });
}

const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
const post = async (path, body) => {
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return await response.json();
};
const { ods: _ods, name: _name, ...settings } = DEMO_SETTINGS;
await post('/v1/practices', { ods: ODS, name: 'Bench Surgery', settings });
const reportKey = (await post(`/v1/practices/${ODS}/keys`, { type: 'report', allowedOrigins: [ORIGIN] })).key;
const apiKey = (
  await post(`/v1/practices/${ODS}/keys`, {
    type: 'api',
    scopes: ['incidents:read', 'incidents:write', 'reports:read', 'settings:write'],
  })
).key;

// BENCH_SOAK_PRACTICES further practices with their own keys, for a mixed load spread the way real
// traffic is (each practice sees a little of it).
const soakPractices = [];
for (let i = 0; i < Number(process.env.BENCH_SOAK_PRACTICES ?? 0); i++) {
  const ods = `S${String(10000 + i)}`;
  const origin = `https://${ods.toLowerCase()}.example`;
  await post('/v1/practices', { ods, name: `Soak Surgery ${i}`, settings });
  soakPractices.push({
    ods,
    origin,
    reportKey: (await post(`/v1/practices/${ods}/keys`, { type: 'report', allowedOrigins: [origin] })).key,
    apiKey: (await post(`/v1/practices/${ods}/keys`, { type: 'api' })).key,
  });
}

process.send?.({
  ready: true,
  soakPractices,
  port: running.port,
  ods: ODS,
  origin: ORIGIN,
  reportKey,
  apiKey,
  databasePath: join(dir, 'bench.sqlite'),
});
// What holds the server's memory, on request (the soak prints it at the end). 'memory:collect' also
// gives what is left after a full collection (what is retained, not garbage); plain 'memory' leaves
// the heap alone, so a probe can ask between two measured rounds.
process.on('message', (message) => {
  if (message !== 'memory' && message !== 'memory:collect') return;
  const db = running.db.$client;
  const before = process.memoryUsage();
  const collect = message === 'memory:collect' && typeof globalThis.gc === 'function';
  if (collect) globalThis.gc();
  process.send?.({
    memory: {
      ...before,
      ...(collect ? { afterGc: process.memoryUsage() } : {}),
      heapSpaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size])),
      sqlitePageCacheKiB: Number(db.pragma('cache_size', { simple: true })),
      sqliteMmapBytes: Number(db.pragma('mmap_size', { simple: true })),
    },
  });
});
process.on('SIGTERM', () => {
  running.close().then(() => process.exit(0));
});
