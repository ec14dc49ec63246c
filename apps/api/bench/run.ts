// `npm run bench -w @policy/api`: every API figure quality.md budgets, taken in one run on this
// machine and judged as a ratio to a bare Hono baseline measured in the same run (servers in child
// processes on loopback, autocannon in this one, so load and server sit on separate cores).
//
// BENCH_SECONDS   seconds per measured load (default 10; each preceded by a 2 s warm-up)
// BENCH_SOAK=1    run the mixed-load soak for 5 minutes (default: BENCH_SOAK_SECONDS, 20 s)
// BENCH_ENGLAND=0 skip the reports run at England scale (6,300 practices with report keys)
// BENCH_ONLY=soak run only the mixed-load soak
// BENCH_ONLY=notifications run only the notification figures (report → webhook latency, outbox cost)
// BENCH_NOTIFY=0  skip the notification figures
// BENCH_ONLY=hostile run only the hostile multipart measures (50,000-part forms, maximum uploads)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { measureHotPaths } from './db-hot-path.js';
import { type HostileFigures, measureHostile } from './hostile.js';
import {
  API_NODE_ENV,
  API_NODE_FLAGS,
  type ChildServer,
  CLASSIFY,
  type LoadFigures,
  load,
  REPORT,
  startChild,
} from './lib.js';
import { measureNotifications, type NotificationFigures } from './notifications.js';
import { measureCommitRates } from './sqlite-durability.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOAK_SECONDS = process.env.BENCH_SOAK === '1' ? 300 : Number(process.env.BENCH_SOAK_SECONDS ?? 20);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface ApiInfo {
  ods: string;
  origin: string;
  reportKey: string;
  apiKey: string;
}

async function measure(name: string, options: autocannon.Options, server: ChildServer): Promise<LoadFigures> {
  await load(`${name} (warm-up)`, { ...options, duration: 2 });
  const figures = await load(name, { ...options, duration: SECONDS }, server.child.pid);
  console.log(
    `  ${name.padEnd(44)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  CPU ${figures.cpuMicrosPerRequest.toFixed(0)} µs/req  non-2xx ${figures.non2xx}${name.includes('304') ? ' (the 304s)' : ''}  errors ${figures.errors}`,
  );
  return figures;
}

const mb = (bytes: unknown) => `${(Number(bytes) / 2 ** 20).toFixed(1)}`;
function describeMemory(memory: Record<string, unknown> | undefined): string {
  if (!memory) return 'not reported';
  const spaces = Object.entries((memory.heapSpaces as Record<string, number>) ?? {})
    .filter(([, used]) => used > 2 ** 20)
    .map(([name, used]) => `${name.replace(/_space$/, '')} ${mb(used)}`)
    .join(', ');
  return `RSS ${mb(memory.rss)} MB: V8 heap ${mb(memory.heapUsed)} used of ${mb(memory.heapTotal)} (${spaces}), external ${mb(memory.external)} (array buffers ${mb(memory.arrayBuffers)}); SQLite cache_size ${memory.sqlitePageCacheKiB}, mmap ${memory.sqliteMmapBytes}`;
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function soak(api: ChildServer, info: ApiInfo) {
  // Spread over the practices the server seeded (BENCH_SOAK_PRACTICES), each request kind in the
  // proportions a practice sees: mostly patients' public reads, some classification as staff type,
  // a report, the manager's list and the partners' summary now and then.
  const practices = ((api.info.soakPractices as ApiInfo[] | undefined) ?? []).concat(info);
  const requests: autocannon.Request[] = practices.flatMap((p) => {
    const auth = { authorization: `Bearer ${p.apiKey}`, 'content-type': 'application/json' };
    return [
      { method: 'GET', path: `/v1/practices/${p.ods}/public` },
      { method: 'GET', path: `/v1/practices/${p.ods}/public` },
      { method: 'GET', path: `/v1/practices/${p.ods}/public` },
      {
        method: 'POST',
        path: `/v1/practices/${p.ods}/reports`,
        headers: { 'x-report-key': p.reportKey, origin: p.origin, 'content-type': 'application/json' },
        body: REPORT,
      },
      { method: 'POST', path: '/v1/classify', headers: auth, body: CLASSIFY(p.ods) },
      { method: 'GET', path: `/v1/practices/${p.ods}/incidents?limit=25`, headers: auth },
      { method: 'GET', path: `/v1/practices/${p.ods}/reports/summary`, headers: auth },
      { method: 'GET', path: '/healthz' },
    ] satisfies autocannon.Request[];
  });
  const rss: { second: number; mb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(
    () => rss.push({ second: Math.round((Date.now() - started) / 1000), mb: api.rssBytes() / 2 ** 20 }),
    1000,
  );
  const result = await autocannon({
    url: api.url,
    connections: 20,
    overallRate: 200,
    duration: SOAK_SECONDS,
    requests,
  });
  clearInterval(sampler);
  const memory = await api.memory({ collect: true });
  // Least-squares slope of RSS over the second half (after warm-up), in MB per minute.
  const tail = rss.slice(Math.floor(rss.length / 2));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const mx = mean(tail.map((p) => p.second));
  const my = mean(tail.map((p) => p.mb));
  const slope =
    tail.reduce((sum, p) => sum + (p.second - mx) * (p.mb - my), 0) /
    Math.max(
      1e-9,
      tail.reduce((sum, p) => sum + (p.second - mx) ** 2, 0),
    );
  return {
    seconds: SOAK_SECONDS,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssStartMb: rss[0]?.mb ?? 0,
    rssEndMb: rss.at(-1)?.mb ?? 0,
    rssMaxMb: Math.max(...rss.map((p) => p.mb)),
    rssSlopeMbPerMinute: slope * 60,
    rssEvery30s: rss.filter((p) => p.second % 30 === 0).map((p) => Math.round(p.mb)),
    memoryAtEnd: memory,
  };
}

function notificationBudgets(figures: NotificationFigures): [string, boolean, string][] {
  return [
    [
      'report → webhook p99 ≤ 1 s at idle',
      figures.idle.p99 <= 1000 && figures.idle.delivered === figures.idle.reports,
      `p50 ${figures.idle.p50} ms, p99 ${figures.idle.p99} ms (${figures.idle.delivered}/${figures.idle.reports})`,
    ],
    [
      'report → webhook p99 ≤ 5 s at 200 req/s',
      figures.at200.p99 <= 5000 && figures.at200.delivered === figures.at200.reports,
      `p50 ${figures.at200.p50} ms, p99 ${figures.at200.p99} ms (${figures.at200.delivered}/${figures.at200.reports})`,
    ],
    [
      'reports with a webhook ≥ 0.9× without',
      figures.throughputRatio >= 0.9,
      `${figures.throughputRatio.toFixed(2)}×`,
    ],
  ];
}

async function main() {
  const start = (JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const startEnv = Object.entries(API_NODE_ENV).map(([name, value]) => `${name}=${value}`);
  if (!start.includes(API_NODE_FLAGS.join(' ')) || !startEnv.every((setting) => start.includes(setting)))
    console.warn(
      `the start script (${start}) does not run node with ${[...startEnv, ...API_NODE_FLAGS].join(' ')}, as the bench does`,
    );
  // The API runs from its compiled dist/, as deployed (no TypeScript loader in the measured process).
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync(
      process.execPath,
      [here('../../../node_modules/typescript/bin/tsc'), '-p', here('../tsconfig.build.json')],
      { stdio: 'inherit' },
    );
    if (build.status !== 0) console.warn('tsc reported errors; benchmarking what it emitted');
  }
  if (process.env.BENCH_ONLY === 'hostile') {
    console.log(
      `hostile multipart, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    const figures = await hostile();
    console.log(JSON.stringify(figures, null, 2));
    for (const [what, ok, figure] of hostileBudgets(figures))
      console.log(`  ${verdict(ok)}  ${what.padEnd(56)} ${figure}`);
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  if (process.env.BENCH_ONLY === 'soak') {
    // Only the mixed-load soak (with BENCH_SOAK=1: the 5-minute run quality.md names).
    const server = await startChild(here('./api-server.mjs'), { BENCH_SOAK_PRACTICES: '40' });
    console.log(
      `mixed load at 200 req/s for ${SOAK_SECONDS} s, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    const figures = await soak(server, server.info as unknown as ApiInfo);
    await server.stop();
    console.log(JSON.stringify(figures, null, 2));
    console.log(`memory at the end of the soak: ${describeMemory(figures.memoryAtEnd)}`);
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  if (process.env.BENCH_ONLY === 'notifications') {
    console.log(
      `notification figures, ${SECONDS} s loads, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    const figures = await measureNotifications((env) => startChild(here('./api-server.mjs'), env), SECONDS);
    for (const [what, ok, figure] of notificationBudgets(figures))
      console.log(`  ${verdict(ok)}  ${what.padEnd(56)} ${figure}`);
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  const machine = `${cpus().length} vCPU (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`;
  console.log(`policy API benchmarks — ${new Date().toISOString()} — ${machine}`);
  // A shared machine: the load before the run says how far to trust its figures.
  console.log(
    `load average before the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `loads: autocannon, 50 connections, ${SECONDS} s each after a 2 s warm-up; servers in child processes on 127.0.0.1\n`,
  );

  // The baseline is taken before and after the API's loads (the machine is shared; noise drifts),
  // and the budgets use the mean of the two.
  const baselineServer = await startChild(here('./baseline-server.mjs'));
  const baselineBefore = await measure(
    'baseline: bare Hono c.json (~0.4 KB)',
    {
      url: `${baselineServer.url}/hello`,
    },
    baselineServer,
  );
  const baselineSized = await measure(
    `bare Hono, a ${((baselineServer.info.sizedBytes as number) / 1024).toFixed(1)} KB body (for reference)`,
    { url: `${baselineServer.url}/sized` },
    baselineServer,
  );

  const api = await startChild(here('./api-server.mjs'));
  const info = api.info as unknown as ApiInfo;
  const publicConfig = await measure(
    'GET /v1/practices/{ods}/public',
    {
      url: `${api.url}/v1/practices/${info.ods}/public`,
    },
    api,
  );
  // The same read from a server with request logging off: what the log line costs per request.
  const quiet = await startChild(here('./api-server.mjs'), { BENCH_NO_LOGS: '1' });
  const publicNoLogs = await measure(
    'GET …/public, request logs off (for reference)',
    { url: `${quiet.url}/v1/practices/${(quiet.info as unknown as ApiInfo).ods}/public` },
    quiet,
  );
  await quiet.stop();
  const etag = (await fetch(`${api.url}/v1/practices/${info.ods}/public`)).headers.get('etag') ?? '';
  const notModified = await measure(
    'GET …/public with If-None-Match (304)',
    {
      url: `${api.url}/v1/practices/${info.ods}/public`,
      headers: { 'if-none-match': etag },
    },
    api,
  );
  const reports = await measure(
    'POST /v1/practices/{ods}/reports',
    {
      url: `${api.url}/v1/practices/${info.ods}/reports`,
      method: 'POST',
      headers: { 'x-report-key': info.reportKey, origin: info.origin, 'content-type': 'application/json' },
      body: REPORT,
    },
    api,
  );
  const classify = await measure(
    'POST /v1/classify',
    {
      url: `${api.url}/v1/classify`,
      method: 'POST',
      headers: { authorization: `Bearer ${info.apiKey}`, 'content-type': 'application/json' },
      body: CLASSIFY(info.ods),
    },
    api,
  );
  const baselineAfter = await measure(
    'baseline again, after the API loads',
    {
      url: `${baselineServer.url}/hello`,
    },
    baselineServer,
  );
  await baselineServer.stop();
  const baseline: LoadFigures = {
    ...baselineBefore,
    name: 'baseline (mean of before and after)',
    requestsPerSecond: (baselineBefore.requestsPerSecond + baselineAfter.requestsPerSecond) / 2,
    p50: (baselineBefore.p50 + baselineAfter.p50) / 2,
    p99: (baselineBefore.p99 + baselineAfter.p99) / 2,
    cpuMicrosPerRequest: (baselineBefore.cpuMicrosPerRequest + baselineAfter.cpuMicrosPerRequest) / 2,
  };
  await api.stop();

  // The soak gets a fresh process: the saturation loads above grow the heap, and the budget is about
  // steady mixed load, not the aftermath of 50-connection floods.
  const soakServer = await startChild(here('./api-server.mjs'), { BENCH_SOAK_PRACTICES: '40' });
  console.log(`\n  mixed load at 200 req/s for ${SOAK_SECONDS} s…`);
  const soakFigures = await soak(soakServer, soakServer.info as unknown as ApiInfo);
  console.log(
    `  soak: ${soakFigures.requestsPerSecond.toFixed(0)} req/s, p50 ${soakFigures.p50} ms, p99 ${soakFigures.p99} ms, non-2xx ${soakFigures.non2xx}, errors ${soakFigures.errors}; RSS ${soakFigures.rssStartMb.toFixed(0)} → ${soakFigures.rssEndMb.toFixed(0)} MB (max ${soakFigures.rssMaxMb.toFixed(0)}), trend ${soakFigures.rssSlopeMbPerMinute.toFixed(2)} MB/min`,
  );
  console.log(`  memory at the end of the soak: ${describeMemory(soakFigures.memoryAtEnd)}`);
  await soakServer.stop();

  console.log('\n  hostile multipart…');
  const hostileFigures = await hostile();
  console.log(
    `  50,000-part forms: ${hostileFigures.refusals} refused (${JSON.stringify(hostileFigures.statuses)}), p50 ${hostileFigures.refusalP50Ms.toFixed(1)} ms, max ${hostileFigures.refusalMaxMs.toFixed(1)} ms; /healthz p99 ${hostileFigures.healthzUnderAttack.p99} ms under attack (${hostileFigures.healthzQuiet.p99} ms quiet); 6 maximum uploads: RSS max ${Math.max(...hostileFigures.uploads.map((u) => u.rssMaxMb)).toFixed(0)} MB`,
  );

  let england: LoadFigures | undefined;
  if (process.env.BENCH_ENGLAND !== '0') {
    const big = await startChild(here('./api-server.mjs'), { BENCH_EXTRA_PRACTICES: '6300' });
    const bigInfo = big.info as unknown as ApiInfo;
    england = await measure(
      'POST reports, 6,300 practices with report keys',
      {
        url: `${big.url}/v1/practices/${bigInfo.ods}/reports`,
        method: 'POST',
        headers: {
          'x-report-key': bigInfo.reportKey,
          origin: bigInfo.origin,
          'content-type': 'application/json',
        },
        body: REPORT,
      },
      big,
    );
    await big.stop();
  }

  let notifications: NotificationFigures | undefined;
  if (process.env.BENCH_NOTIFY !== '0') {
    console.log('\n  notifications');
    notifications = await measureNotifications((env) => startChild(here('./api-server.mjs'), env), SECONDS);
  }

  console.log('\n  hot-path database access (in process, best of 9 interleaved rounds)');
  const hot = measureHotPaths();
  for (const figure of hot)
    console.log(
      `  ${figure.name.padEnd(44)} API ${figure.apiOpsPerSecond.toFixed(0).padStart(8)}/s  raw ${Number.isNaN(figure.rawOpsPerSecond) ? '       —' : figure.rawOpsPerSecond.toFixed(0).padStart(8)}/s  ${Number.isNaN(figure.ratio) ? '' : `${figure.ratio.toFixed(2)}×`}`,
    );

  console.log('\n  SQLite commit cost (WAL, one small transaction per commit)');
  const commits = measureCommitRates();
  for (const rate of commits)
    console.log(
      `  synchronous=${rate.synchronous.padEnd(6)} ${rate.commitsPerSecond.toFixed(0).padStart(7)} commits/s  ${rate.microsPerCommit.toFixed(0)} µs/commit`,
    );

  const budgets: [string, boolean, string][] = [
    [
      'public config ≥ 0.75× baseline req/s',
      publicConfig.requestsPerSecond >= 0.75 * baseline.requestsPerSecond,
      `${(publicConfig.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}×`,
    ],
    [
      'public config, in server CPU per request: ≤ 1/0.75 × baseline’s',
      publicConfig.cpuMicrosPerRequest <= baseline.cpuMicrosPerRequest / 0.75,
      `${publicConfig.cpuMicrosPerRequest.toFixed(0)} µs vs ${baseline.cpuMicrosPerRequest.toFixed(0)} µs (${(baseline.cpuMicrosPerRequest / publicConfig.cpuMicrosPerRequest).toFixed(2)}×)`,
    ],
    [
      'public config p99 ≤ 2× baseline p99',
      publicConfig.p99 <= 2 * Math.max(1, baseline.p99),
      `${publicConfig.p99} ms vs ${baseline.p99} ms`,
    ],
    [
      'reports ≥ 2,500 req/s at 50 connections',
      reports.requestsPerSecond >= 2500,
      `${reports.requestsPerSecond.toFixed(0)} req/s`,
    ],
    ['reports p99 ≤ 25 ms', reports.p99 <= 25, `${reports.p99} ms`],
    [
      'reports zero non-2xx',
      reports.non2xx === 0 && reports.errors === 0,
      `${reports.non2xx} non-2xx, ${reports.errors} errors`,
    ],
    [
      'classify ≥ 5,000 req/s',
      classify.requestsPerSecond >= 5000,
      `${classify.requestsPerSecond.toFixed(0)} req/s`,
    ],
    ...hot
      .filter((figure) => !Number.isNaN(figure.ratio))
      .map((figure): [string, boolean, string] => [
        `DB ${figure.name} ≥ 0.8× raw`,
        figure.ratio >= 0.8,
        `${figure.ratio.toFixed(2)}×`,
      ]),
    [
      'mixed 200 req/s: p99 ≤ 100 ms, 0 errors',
      soakFigures.p99 <= 100 && soakFigures.errors === 0 && soakFigures.non2xx === 0,
      `p99 ${soakFigures.p99} ms, ${soakFigures.non2xx} non-2xx (${soakFigures.seconds} s)`,
    ],
    [
      'RSS ≤ 150 MB under mixed load',
      soakFigures.rssMaxMb <= 150,
      `max ${soakFigures.rssMaxMb.toFixed(0)} MB`,
    ],
  ];
  budgets.push(...hostileBudgets(hostileFigures));
  if (england)
    budgets.push([
      'reports at 6,300 practices ≥ 2,500 req/s, p99 ≤ 25 ms',
      england.requestsPerSecond >= 2500 && england.p99 <= 25,
      `${england.requestsPerSecond.toFixed(0)} req/s, p99 ${england.p99} ms`,
    ]);
  if (notifications) budgets.push(...notificationBudgets(notifications));
  console.log('\n  budgets (quality.md)');
  for (const [what, ok, figure] of budgets) console.log(`  ${verdict(ok)}  ${what.padEnd(56)} ${figure}`);

  console.log(
    `\n  load average after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const results = {
    date: new Date().toISOString(),
    machine,
    loadAverage: loadavg(),
    seconds: SECONDS,
    baseline,
    baselineSized,
    publicConfig,
    publicNoLogs,
    notModified,
    reports,
    classify,
    england,
    soak: soakFigures,
    notifications,
    hostile: hostileFigures,
    hot,
    commits,
    budgets,
  };
  const out = process.env.BENCH_OUT;
  if (out) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}

/** A fresh API process (nothing else has grown its heap), its upload quota raised for the uploads. */
async function hostile(): Promise<HostileFigures> {
  const server = await startChild(here('./api-server.mjs'), { BENCH_UPLOAD_QUOTA_MIB: '4096' });
  try {
    return await measureHostile(server, Math.min(SECONDS, 10));
  } finally {
    await server.stop();
  }
}

function hostileBudgets(figures: HostileFigures): [string, boolean, string][] {
  const rssMax = Math.max(...figures.uploads.map((u) => u.rssMaxMb));
  return [
    [
      '50,000-part form refused in ≤ 100 ms',
      figures.refusalMaxMs <= 100 && figures.fieldRefusalMaxMs <= 100,
      `max ${figures.refusalMaxMs.toFixed(1)} ms (screenshots), ${figures.fieldRefusalMaxMs.toFixed(1)} ms (fields); p99 ${figures.refusalP99Ms.toFixed(1)} / ${figures.fieldRefusalP99Ms.toFixed(1)} ms; ${figures.refusals} forms`,
    ],
    [
      '/healthz p99 ≤ 50 ms meanwhile',
      figures.healthzUnderAttack.p99 <= 50,
      `${figures.healthzUnderAttack.p99} ms (quiet ${figures.healthzQuiet.p99} ms)`,
    ],
    [
      'RSS ≤ 150 MB under 6 concurrent maximum uploads',
      rssMax <= 150 && figures.uploads.every((u) => u.statuses.every((s) => s === 201)),
      `max ${rssMax.toFixed(0)} MB; after 10 s idle ${figures.uploads.map((u) => u.rssAfterIdleMb.toFixed(0)).join(', ')} MB`,
    ],
  ];
}

await main();
