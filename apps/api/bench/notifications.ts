// Notification figures quality.md budgets: report → webhook delivered latency (p50/p99) at idle and
// at 200 reports/s, and report POST throughput with a webhook endpoint registered vs without (the
// outbox may cost at most 10 %). The API runs in a child process as deployed (dispatcher on);
// the receiver runs here, a plain node:http server answering 200 at once.
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChildServer, type LoadFigures, load, REPORT } from './lib.js';

interface ApiInfo {
  ods: string;
  origin: string;
  reportKey: string;
  apiKey: string;
}

export interface LatencyFigures {
  reports: number;
  /** Requests that failed (connection errors or non-201). */
  failed: number;
  delivered: number;
  /** Send → webhook received. */
  p50: number;
  p99: number;
  max: number;
  /** Send → 201 received, for comparison: how much of the above is the report itself. */
  postP50: number;
  postP99: number;
  /** 201 received → webhook received: what the outbox and dispatcher add. */
  afterAckP50: number;
  afterAckP99: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a report on a pooled keep-alive connection; the incident id, or null. */
function postReport(api: ChildServer, info: ApiInfo): Promise<string | null> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        hostname,
        port,
        method: 'POST',
        path: `/v1/practices/${info.ods}/reports`,
        agent,
        headers: { 'x-report-key': info.reportKey, origin: info.origin, 'content-type': 'application/json' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 201) return resolve(null);
          resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id);
        });
      },
    );
    request.on('error', () => resolve(null));
    request.end(REPORT);
  });
}

export interface NotificationFigures {
  idle: LatencyFigures;
  /** For reference on a loaded machine: between idle and the budget's 200/s. */
  at50: LatencyFigures;
  at200: LatencyFigures;
  without: LoadFigures[];
  withWebhook: LoadFigures[];
  /** Mean req/s with a webhook over mean req/s without. */
  throughputRatio: number;
}

async function startReceiver() {
  const arrivals = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      try {
        const id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { incidentId?: string } })
          .data.incidentId;
        if (id && !arrivals.has(id)) arrivals.set(id, at);
      } catch {
        // not ours
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function register(api: ChildServer, url: string): Promise<void> {
  const info = api.info as unknown as ApiInfo;
  const response = await fetch(`${api.url}/v1/practices/${info.ods}/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, events: ['incident.created'] }),
  });
  if (response.status !== 201)
    throw new Error(`register webhook: ${response.status} ${await response.text()}`);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);

/** Files `count` reports at `perSecond`, then waits for their deliveries; latency from send to arrival. */
async function latency(
  api: ChildServer,
  arrivals: Map<string, number>,
  perSecond: number,
  count: number,
): Promise<LatencyFigures> {
  const info = api.info as unknown as ApiInfo;
  const sent = new Map<string, number>();
  const acked = new Map<string, number>();
  const answered: number[] = [];
  let failed = 0;
  const requests: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = performance.now();
    requests.push(
      postReport(api, info).then((id) => {
        if (id === null) failed += 1;
        else {
          const now = performance.now();
          sent.set(id, at);
          acked.set(id, now);
          answered.push(now - at);
        }
      }),
    );
  }
  await Promise.all(requests);
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline && [...sent.keys()].some((id) => !arrivals.has(id)))
    await new Promise((resolve) => setTimeout(resolve, 20));
  const latencies = [...sent]
    .filter(([id]) => arrivals.has(id))
    .map(([id, at]) => (arrivals.get(id) as number) - at)
    .sort((a, b) => a - b);
  answered.sort((a, b) => a - b);
  const afterAck = [...acked]
    .filter(([id]) => arrivals.has(id))
    .map(([id, at]) => Math.max(0, (arrivals.get(id) as number) - at))
    .sort((a, b) => a - b);
  return {
    reports: sent.size,
    failed,
    delivered: latencies.length,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    max: Math.round(latencies.at(-1) ?? Number.NaN),
    postP50: Math.round(percentile(answered, 0.5)),
    postP99: Math.round(percentile(answered, 0.99)),
    afterAckP50: Math.round(percentile(afterAck, 0.5)),
    afterAckP99: Math.round(percentile(afterAck, 0.99)),
  };
}

export async function measureNotifications(
  start: (env?: Record<string, string>) => Promise<ChildServer>,
  seconds: number,
): Promise<NotificationFigures> {
  const receiver = await startReceiver();
  try {
    const hooked = await start();
    await register(hooked, receiver.url);
    const idle = await latency(hooked, receiver.arrivals, 10, 100);
    console.log(
      `  report → webhook, idle (10 reports/s)          p50 ${idle.p50} ms  p99 ${idle.p99} ms  max ${idle.max} ms  (${idle.delivered}/${idle.reports} delivered, ${idle.failed} failed; the POST alone: p50 ${idle.postP50} ms, p99 ${idle.postP99} ms; 201 → webhook: p50 ${idle.afterAckP50} ms, p99 ${idle.afterAckP99} ms)`,
    );
    const at50 = await latency(hooked, receiver.arrivals, 50, 50 * seconds);
    console.log(
      `  report → webhook, at 50 reports/s              p50 ${at50.p50} ms  p99 ${at50.p99} ms  max ${at50.max} ms  (${at50.delivered}/${at50.reports} delivered, ${at50.failed} failed; the POST alone: p50 ${at50.postP50} ms, p99 ${at50.postP99} ms; 201 → webhook: p50 ${at50.afterAckP50} ms, p99 ${at50.afterAckP99} ms)`,
    );
    const at200 = await latency(hooked, receiver.arrivals, 200, 200 * seconds);
    console.log(
      `  report → webhook, at 200 reports/s             p50 ${at200.p50} ms  p99 ${at200.p99} ms  max ${at200.max} ms  (${at200.delivered}/${at200.reports} delivered, ${at200.failed} failed; the POST alone: p50 ${at200.postP50} ms, p99 ${at200.postP99} ms; 201 → webhook: p50 ${at200.afterAckP50} ms, p99 ${at200.afterAckP99} ms)`,
    );
    await hooked.stop();

    // Throughput, interleaved (without, with, without, with) on fresh servers: the machine is shared.
    const without: LoadFigures[] = [];
    const withWebhook: LoadFigures[] = [];
    for (let round = 0; round < 2; round++) {
      for (const hook of [false, true]) {
        const api = await start();
        if (hook) await register(api, receiver.url);
        const info = api.info as unknown as ApiInfo;
        const options = {
          url: `${api.url}/v1/practices/${info.ods}/reports`,
          method: 'POST' as const,
          headers: {
            'x-report-key': info.reportKey,
            origin: info.origin,
            'content-type': 'application/json',
          },
          body: REPORT,
        };
        await load('warm-up', { ...options, duration: 2 });
        const figures = await load(
          hook ? 'reports, webhook registered' : 'reports, no webhook',
          { ...options, duration: seconds },
          api.child.pid,
        );
        (hook ? withWebhook : without).push(figures);
        console.log(
          `  ${figures.name.padEnd(44)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s  p99 ${figures.p99} ms  CPU ${figures.cpuMicrosPerRequest.toFixed(0)} µs/req  non-2xx ${figures.non2xx}`,
        );
        await api.stop();
      }
    }
    const mean = (list: LoadFigures[]) => list.reduce((sum, f) => sum + f.requestsPerSecond, 0) / list.length;
    return { idle, at50, at200, without, withWebhook, throughputRatio: mean(withWebhook) / mean(without) };
  } finally {
    await receiver.close();
  }
}
