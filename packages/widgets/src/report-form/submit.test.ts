import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReportInput } from '@policy/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Screenshot } from './model.js';
import { reportsUrl, retryAfterMs, sendReport } from './submit.js';

// sendReport against a real HTTP server on loopback: what goes on the wire, and how each answer
// the API can give is read.

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: Server;
let origin = '';
let seen: Seen[] = [];
let answer: { status: number; body?: unknown; headers?: Record<string, string> } = { status: 201 };

const REPORT: ReportInput = {
  platform: 'facebook',
  seenAt: '2026-11-25T09:15:00.000Z',
  location: 'practice_page',
  author: { kind: 'unknown' },
  text: 'Dr Patel is useless',
  atRisk: false,
  reporter: { name: 'Sam Jones' },
};
const FILED = {
  id: 'inc_1',
  reference: 'PR-2026-0001',
  classification: { categories: [], severity: null, recommendedActions: [], suggestedTemplates: [] },
  nextSteps: ['Save the evidence'],
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 255]);

const send = (screenshots: Screenshot[] = [], api = origin) =>
  sendReport({
    api,
    practice: 'Y01234',
    reportKey: 'rk_test',
    idempotencyKey: 'idem-1',
    report: REPORT,
    screenshots,
    timeoutMs: 5000,
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  answer = { status: 201, body: FILED };
});

describe('sendReport: the request', () => {
  it('posts JSON with the report key and the idempotency key when there are no screenshots', async () => {
    const result = await send();
    expect(result).toEqual({ ok: true, value: FILED });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/practices/Y01234/reports');
    expect(request?.headers['x-report-key']).toBe('rk_test');
    expect(request?.headers['idempotency-key']).toBe('idem-1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.cookie).toBeUndefined();
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual(REPORT);
  });

  it('posts multipart with a `report` JSON part and one `screenshot` part per file, bytes unchanged', async () => {
    const shots: Screenshot[] = [
      { id: 'a', name: 'one.png', type: 'image/png', size: PNG.length, blob: new Blob([PNG]) },
      { id: 'b', name: 'two.png', type: 'image/png', size: 3, blob: new Blob([PNG.slice(0, 3)]) },
    ];
    await send(shots);
    const [request] = seen;
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request?.body ?? Buffer.alloc(0)), {
      headers: { 'content-type': String(request?.headers['content-type']) },
    }).formData();
    const report = form.get('report') as File;
    expect(report.type).toBe('application/json');
    expect(JSON.parse(await report.text())).toEqual(REPORT);
    const files = form.getAll('screenshot') as File[];
    expect(files.map((file) => [file.name, file.type])).toEqual([
      ['one.png', 'image/png'],
      ['two.png', 'image/png'],
    ]);
    expect(new Uint8Array((await files[0]?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(PNG);
  });

  it('builds the reports URL without doubled slashes and with the code escaped', () => {
    expect(reportsUrl('https://api.example/', 'A81001')).toBe(
      'https://api.example/v1/practices/A81001/reports',
    );
    expect(reportsUrl('https://api.example', 'A/1')).toBe('https://api.example/v1/practices/A%2F1/reports');
  });
});

describe('sendReport: reading the answer', () => {
  it('retries (server) on 5xx, 408, 409 and an unreadable 201', async () => {
    for (const status of [500, 502, 503, 408, 409]) {
      answer = { status, body: { title: 'x' } };
      expect(await send()).toEqual({ ok: false, error: { code: 'server', status } });
    }
    answer = { status: 201, body: { hello: 'world' } };
    expect(await send()).toEqual({ ok: false, error: { code: 'server', status: 201 } });
  });

  it('reads 429 Retry-After', async () => {
    answer = { status: 429, body: { status: 429 }, headers: { 'retry-after': '7' } };
    expect(await send()).toEqual({ ok: false, error: { code: 'rate_limited', retryAfterMs: 7000 } });
  });

  it('keeps refused keys (401/403/404) apart from invalid reports (other 4xx)', async () => {
    for (const status of [401, 403, 404]) {
      answer = { status, body: { status, detail: 'The report key is not valid, or it has been revoked.' } };
      const result = await send();
      expect(result.ok === false && result.error.code).toBe('refused');
    }
    answer = {
      status: 422,
      body: { status: 422, detail: 'Invalid', errors: [{ path: 'text', message: 'Required' }] },
    };
    expect(await send()).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        status: 422,
        problem: { status: 422, detail: 'Invalid', errors: [{ path: 'text', message: 'Required' }] },
      },
    });
  });

  it('tells a key refused for this website (403 origin-not-allowed) from other refusals: it is final', async () => {
    const problem = {
      type: '/problems/origin-not-allowed',
      title: 'Forbidden',
      status: 403,
      detail: 'Report keys work only from the practice’s allowed web origins.',
    };
    answer = { status: 403, body: problem };
    expect(await send()).toEqual({ ok: false, error: { code: 'origin_refused', status: 403, problem } });
    // Another 403 (a key of another practice) is not this refusal.
    answer = { status: 403, body: { ...problem, type: '/problems/forbidden' } };
    const other = await send();
    expect(other.ok === false && other.error.code).toBe('refused');
  });

  it('calls an unreachable server a network error (safe to retry)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await send([], `http://127.0.0.1:${port}`);
    expect(result.ok === false && result.error.code).toBe('network');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
