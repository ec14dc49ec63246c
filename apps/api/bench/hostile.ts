// Hostile multipart (quality.md; issue 9): a 50,000-part report form is refused within 100 ms while
// /healthz stays answered (p99 ≤ 50 ms), and six concurrent maximum uploads (five 5 MiB screenshots
// each) keep the server's RSS within 150 MB. Run by `npm run bench` (or BENCH_ONLY=hostile).
import { request } from 'node:http';
import autocannon from 'autocannon';
import type { ChildServer } from './lib.js';
import { REPORT } from './lib.js';

/** The boundary of every form maximumUpload and hostileBody build. */
export const BOUNDARY = 'bench-hostile-boundary';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Info {
  ods: string;
  origin: string;
  reportKey: string;
}

function reportPart(): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="report"; filename="report.json"\r\nContent-Type: application/json\r\n\r\n${REPORT}\r\n`,
  );
}

/** The red team's body: the report, then `parts` one-byte screenshot (or plain field) parts. */
export function hostileBody(parts: number, name: 'screenshot' | 'field'): Buffer {
  const part =
    name === 'screenshot'
      ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nx\r\n`
      : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"\r\n\r\nx\r\n`;
  return Buffer.concat([reportPart(), Buffer.from(part.repeat(parts)), Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** Five screenshots at the 5 MiB limit, distinct per upload, and the report: the largest form allowed. */
export function maximumUpload(seed: number): Buffer {
  const shots: Buffer[] = [];
  for (let i = 0; i < 5; i++) {
    const bytes = Buffer.alloc(5 * 1024 * 1024, (seed * 7 + i) % 251);
    bytes.set(PNG_SIGNATURE);
    shots.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="s${i}.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    );
  }
  return Buffer.concat([reportPart(), ...shots, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** Sends a form with its Content-Length (as curl does); resolves at the response, with its status. */
function send(api: ChildServer, info: Info, body: Buffer): Promise<{ status: number; ms: number }> {
  const { port } = new URL(api.url);
  const started = performance.now();
  let answered = false;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/v1/practices/${info.ods}/reports`,
        headers: {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': body.length,
          'x-report-key': info.reportKey,
          origin: info.origin,
        },
      },
      (res) => {
        answered = true;
        const ms = performance.now() - started;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms }));
      },
    );
    // The server may answer before the whole body is sent; a reset after that is not a failure.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.end(body);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function healthz(url: string, seconds: number) {
  const result = await autocannon({ url: `${url}/healthz`, connections: 4, duration: seconds });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
  };
}

export interface HostileFigures {
  bodyBytes: number;
  refusals: number;
  statuses: Record<number, number>;
  refusalP50Ms: number;
  /** Over every refusal of the run (hundreds), not one: the tail is what the budget is about. */
  refusalP99Ms: number;
  refusalMaxMs: number;
  fieldRefusalP50Ms: number;
  fieldRefusalP99Ms: number;
  fieldRefusalMaxMs: number;
  healthzQuiet: { p50: number; p99: number; max: number; requests: number };
  healthzUnderAttack: { p50: number; p99: number; max: number; requests: number };
  uploads: {
    rssBeforeMb: number;
    rssMaxMb: number;
    rssAfterIdleMb: number;
    statuses: number[];
    seconds: number;
  }[];
}

export async function measureHostile(api: ChildServer, seconds = 10): Promise<HostileFigures> {
  const info = api.info as unknown as Info;
  const screenshots = hostileBody(50_000, 'screenshot');
  const fields = hostileBody(50_000, 'field');

  const healthzQuiet = await healthz(api.url, seconds);
  // Two attackers, each sending the next form as soon as the last was answered, while /healthz is loaded.
  const times: number[] = [];
  const fieldTimes: number[] = [];
  const statuses: Record<number, number> = {};
  let attacking = true;
  const attacker = async (body: Buffer, into: number[]) => {
    while (attacking) {
      const { status, ms } = await send(api, info, body);
      statuses[status] = (statuses[status] ?? 0) + 1;
      into.push(ms);
    }
  };
  const attacks = [attacker(screenshots, times), attacker(fields, fieldTimes)];
  const healthzUnderAttack = await healthz(api.url, seconds);
  attacking = false;
  await Promise.all(attacks);

  const uploads: HostileFigures['uploads'] = [];
  for (let round = 0; round < 2; round++) {
    const forms = Array.from({ length: 6 }, (_, i) => maximumUpload(round * 6 + i));
    const rssBeforeMb = api.rssBytes() / 2 ** 20;
    let rssMaxMb = rssBeforeMb;
    const sampler = setInterval(() => {
      rssMaxMb = Math.max(rssMaxMb, api.rssBytes() / 2 ** 20);
    }, 25);
    const started = performance.now();
    const results = await Promise.all(forms.map((form) => send(api, info, form)));
    const elapsed = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    clearInterval(sampler);
    uploads.push({
      rssBeforeMb,
      rssMaxMb,
      rssAfterIdleMb: api.rssBytes() / 2 ** 20,
      statuses: results.map((r) => r.status),
      seconds: elapsed,
    });
  }
  return {
    bodyBytes: screenshots.length,
    refusals: times.length + fieldTimes.length,
    statuses,
    refusalP50Ms: percentile(times, 50),
    refusalP99Ms: percentile(times, 99),
    refusalMaxMs: Math.max(...times),
    fieldRefusalP50Ms: percentile(fieldTimes, 50),
    fieldRefusalP99Ms: percentile(fieldTimes, 99),
    fieldRefusalMaxMs: Math.max(...fieldTimes),
    healthzQuiet,
    healthzUnderAttack,
    uploads,
  };
}
