// The server's memory with uploads alone (issue 9): a fresh API process (bench/api-server.mjs, as the
// bench starts it), then six concurrent maximum uploads (a report with five 5 MiB screenshots each)
// twice, and then every one of those 60 screenshots downloaded, 30 at a time — the server's RSS
// sampled every 25 ms from /proc. Unlike `BENCH_ONLY=hostile`, no attack comes first, so what is
// measured is the upload and download paths themselves.
//
//   npm run build -w @policy/api && npx tsx bench/uploads-probe.ts [runs]   (inside apps/api)
//
// It runs the compiled dist/ (build first). PROBE_OUT=<file> also writes the figures as JSON.
// PROBE_SERVER=<path to another checkout's apps/api/bench/api-server.mjs> measures that build instead
// (e.g. the base commit, extracted with `git archive` and built, for a before/after in one sitting).
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BOUNDARY, maximumUpload } from './hostile.js';
import { API_NODE_FLAGS, type ChildServer, startChild } from './lib.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface Info {
  ods: string;
  origin: string;
  reportKey: string;
  apiKey: string;
}

interface Answer {
  status: number;
  body: Buffer;
}

function call(
  api: ChildServer,
  options: { method: string; path: string; headers: Record<string, string | number> },
  body?: Buffer,
): Promise<Answer> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, ...options }, (res) => {
      const chunks: Buffer[] = [];
      // A download's body is counted, not kept: the client must not be what holds the memory here.
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (options.method === 'POST') chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: options.method === 'POST' ? Buffer.concat(chunks) : Buffer.from(String(size)),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Samples the server's RSS every 25 ms while `work` runs; the peak and the RSS before it. */
async function sampled<T>(api: ChildServer, work: () => Promise<T>) {
  const beforeMb = api.rssBytes() / 2 ** 20;
  let maxMb = beforeMb;
  const sampler = setInterval(() => {
    maxMb = Math.max(maxMb, api.rssBytes() / 2 ** 20);
  }, 25);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  // What the process holds as the work ends: V8's heap, array buffers, the rest (C heap, code, SQLite).
  const memory = await api.memory();
  const mb = (key: string) => round(Number(memory?.[key] ?? Number.NaN) / 2 ** 20);
  const held = {
    rss: mb('rss'),
    heapTotal: mb('heapTotal'),
    heapUsed: mb('heapUsed'),
    external: mb('external'),
    arrayBuffers: mb('arrayBuffers'),
  };
  await new Promise((resolve) => setTimeout(resolve, 3000));
  clearInterval(sampler);
  return {
    beforeMb: round(beforeMb),
    maxMb: round(maxMb),
    afterMb: round(api.rssBytes() / 2 ** 20),
    seconds: round(seconds),
    held,
    result,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

async function probe() {
  const entry = process.env.PROBE_SERVER ?? here('./api-server.mjs');
  const api = await startChild(entry, { BENCH_UPLOAD_QUOTA_MIB: '100000' }, API_NODE_FLAGS);
  try {
    const info = api.info as unknown as Info;
    const rounds = [];
    const stored: { incident: string; evidence: string }[] = [];
    for (let round = 0; round < 2; round++) {
      const forms = Array.from({ length: 6 }, (_, i) => maximumUpload(round * 6 + i));
      const figures = await sampled(api, () =>
        Promise.all(
          forms.map((form) =>
            call(
              api,
              {
                method: 'POST',
                path: `/v1/practices/${info.ods}/reports`,
                headers: {
                  'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
                  'content-length': form.length,
                  'x-report-key': info.reportKey,
                  origin: info.origin,
                },
              },
              form,
            ),
          ),
        ),
      );
      for (const answer of figures.result) {
        if (answer.status !== 201) continue;
        const json = JSON.parse(answer.body.toString('utf8')) as { id: string; evidence: { id: string }[] };
        for (const evidence of json.evidence) stored.push({ incident: json.id, evidence: evidence.id });
      }
      rounds.push({ ...figures, result: figures.result.map((answer) => answer.status) });
    }
    // Every stored screenshot downloaded, 30 at a time.
    const downloads = await sampled(api, async () => {
      const statuses: number[] = [];
      let bytes = 0;
      for (let i = 0; i < stored.length; i += 30) {
        const batch = await Promise.all(
          stored.slice(i, i + 30).map(({ incident, evidence }) =>
            call(api, {
              method: 'GET',
              path: `/v1/practices/${info.ods}/incidents/${incident}/evidence/${evidence}`,
              headers: { authorization: `Bearer ${info.apiKey}` },
            }),
          ),
        );
        for (const answer of batch) {
          statuses.push(answer.status);
          bytes += Number(answer.body.toString());
        }
      }
      return { statuses, bytes };
    });
    return {
      uploads: rounds,
      downloads: {
        ...downloads,
        result: {
          count: downloads.result.statuses.length,
          ok: downloads.result.statuses.filter((status) => status === 200).length,
          mib: round(downloads.result.bytes / 2 ** 20),
        },
      },
    };
  } finally {
    await api.stop();
  }
}

const runs = Number(process.argv[2] ?? 3);
const all = [];
for (let run = 1; run <= runs; run++) {
  const load = loadavg()[0]?.toFixed(2);
  const figures = await probe();
  all.push({ run, loadAverage: load, ...figures });
  const [first, second] = figures.uploads;
  console.log(
    `run ${run} (load ${load}): uploads RSS ${first?.beforeMb} → ${first?.maxMb} MB (statuses ${first?.result.join(',')}), 2nd round ${second?.beforeMb} → ${second?.maxMb} MB; ` +
      `held at the end of round 1 ${JSON.stringify(first?.held)}; ` +
      `downloads ${figures.downloads.result.ok}/${figures.downloads.result.count} (${figures.downloads.result.mib} MiB) RSS ${figures.downloads.beforeMb} → ${figures.downloads.maxMb} MB`,
  );
}
if (process.env.PROBE_OUT) writeFileSync(process.env.PROBE_OUT, `${JSON.stringify(all, null, 2)}\n`);
