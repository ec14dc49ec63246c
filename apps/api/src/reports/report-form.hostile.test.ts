// Hostile multipart reports (issue 9, items 1–2): a form is parsed as it streams, its parts counted
// and its bytes capped while they arrive, so a refusal comes after the first few parts — not after
// the whole body has been read and split. Screenshots are spooled to disk, never held whole, and a
// practice's uploads are held to a daily byte quota. Timings are measured by `npm run bench`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN, PNG_BYTES, report } from '../test-support/harness.js';

const BOUNDARY = 'hostile-boundary-1234';

/**
 * A multipart body produced on demand, `parts` parts long, that records how many of its bytes were
 * pulled: a parser that stops early pulls a small fraction of it.
 */
function countedBody(parts: number, part: (i: number) => string, lead = '') {
  const encoder = new TextEncoder();
  const counter = { pulled: 0, total: 0 };
  for (let i = 0; i < parts; i++) counter.total += Buffer.byteLength(part(i));
  counter.total += Buffer.byteLength(lead) + Buffer.byteLength(`--${BOUNDARY}--\r\n`);
  let next = 0;
  let leadSent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = leadSent ? '' : lead;
      leadSent = true;
      while (next < parts && chunk.length < 16 * 1024) chunk += part(next++);
      if (next >= parts && chunk.length < 16 * 1024) {
        chunk += `--${BOUNDARY}--\r\n`;
        const bytes = encoder.encode(chunk);
        counter.pulled += bytes.length;
        controller.enqueue(bytes);
        controller.close();
        return;
      }
      const bytes = encoder.encode(chunk);
      counter.pulled += bytes.length;
      controller.enqueue(bytes);
    },
  });
  return { stream, counter };
}

const reportPart = () =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="report"; filename="report.json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(report())}\r\n`;
const screenshotPart = () =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nx\r\n`;
const fieldPart = (i: number) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\ny\r\n`;

describe('hostile multipart reports', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001');
  });
  afterEach(() => h.close());

  const count = (table: 'incidents' | 'evidence') =>
    (h.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const post = (body: ReadableStream<Uint8Array> | FormData, path = '/v1/practices/Y90001/reports') =>
    h.app.request(path, {
      method: 'POST',
      headers: {
        'x-report-key': keys.reportKey,
        origin: ORIGIN,
        ...(body instanceof FormData ? {} : { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }),
      },
      body,
      ...(body instanceof FormData ? {} : { duplex: 'half' }),
    } as RequestInit);

  it('refuses 50,000 one-byte screenshot parts at the sixth screenshot, having read a sliver of the body', async () => {
    const { stream, counter } = countedBody(50_000, screenshotPart, reportPart());
    const res = await post(stream);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.at(-1)?.path).toBe('screenshot[5]');
    // The parser stopped within the first chunks: far less than a tenth of the 6.9 MB was pulled.
    expect(counter.total).toBeGreaterThan(6_000_000);
    expect(counter.pulled).toBeLessThan(counter.total / 100);
    expect([count('incidents'), count('evidence')]).toEqual([0, 0]);
  });

  it('refuses 50,000 parts of other names as soon as the form has more parts than a report can', async () => {
    const { stream, counter } = countedBody(50_000, fieldPart, reportPart());
    const res = await post(stream);
    expect(res.status).toBe(413);
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toBe('/problems/payload-too-large');
    expect(problem.detail).toMatch(/6 parts/);
    expect(counter.pulled).toBeLessThan(counter.total / 100);
    expect(count('incidents')).toBe(0);
  });

  it('caps a streamed body (no Content-Length) while it arrives, never buffering it whole', async () => {
    // One huge part: nothing in it ends a part, so only the byte cap can stop it.
    const megabyte = 'z'.repeat(1024 * 1024);
    const { stream, counter } = countedBody(
      60,
      (i) =>
        i === 0
          ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="a.png"\r\n\r\n`
          : megabyte,
      reportPart(),
    );
    const res = await post(stream);
    expect(res.status).toBe(413);
    expect(counter.total).toBeGreaterThan(50 * 1024 * 1024);
    // Refused at the 25 MiB + 64 KiB cap (plus the 1 MiB chunks the stream had queued), not after 59 MiB.
    expect(counter.pulled).toBeLessThan(29 * 1024 * 1024);
    expect(count('incidents')).toBe(0);
  });

  it('answers a broken boundary, a missing boundary and a truncated body with 400, never 500', async () => {
    const truncated = new TextEncoder().encode(
      `${reportPart()}--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="a.png"\r\n\r\nabc`,
    );
    for (const [contentType, body] of [
      [`multipart/form-data; boundary=${BOUNDARY}`, truncated],
      ['multipart/form-data', new TextEncoder().encode(reportPart())],
      [`multipart/form-data; boundary=other`, new TextEncoder().encode(reportPart())],
    ] as const) {
      const res = await h.app.request('/v1/practices/Y90001/reports', {
        method: 'POST',
        headers: { 'x-report-key': keys.reportKey, origin: ORIGIN, 'content-type': contentType },
        body,
      });
      expect([400, 422], contentType).toContain(res.status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(count('incidents')).toBe(0);
  });

  it('refuses a Content-Transfer-Encoding it would not decode, naming the part', async () => {
    const body = `${reportPart()}--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="a.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(PNG_BYTES).toString('base64')}\r\n--${BOUNDARY}--\r\n`;
    const res = await h.app.request('/v1/practices/Y90001/reports', {
      method: 'POST',
      headers: {
        'x-report-key': keys.reportKey,
        origin: ORIGIN,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
      body,
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([
      { path: 'screenshot[0]', message: expect.stringMatching(/Transfer-Encoding/) },
    ]);
  });

  it('never writes a screenshot part that is not a picture to the spool', async () => {
    // A form that streams its parts one at a time, each sent once the spool shows the one before.
    const spool = join(dirname(h.path), '.uploads');
    const screenshot = (bytes: Uint8Array | string) =>
      Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="screenshot"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        Buffer.from(bytes),
        Buffer.from('\r\n'),
      ]);
    const pieces = [
      Buffer.from(reportPart()),
      screenshot(PNG_BYTES),
      screenshot(`not a picture ${'x'.repeat(4096)}`),
      screenshot(PNG_BYTES),
    ];
    const spooledCounts: number[] = [];
    const waitForSpool = async (files: number) => {
      for (let i = 0; i < 200 && readdirSync(spool).length < files; i++)
        await new Promise((resolve) => setTimeout(resolve, 5));
    };
    let next = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (next === 2) await waitForSpool(1);
        if (next === 4) {
          // The third screenshot was read after the second: by now each part has had its chance.
          await waitForSpool(3);
          spooledCounts.push(readdirSync(spool).length);
          controller.enqueue(new TextEncoder().encode(`--${BOUNDARY}--\r\n`));
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(pieces[next++] as Buffer));
      },
    });
    const res = await post(stream);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([
      { path: 'screenshot[1]', message: 'must be a PNG, JPEG or WebP picture' },
    ]);
    // The two pictures were spooled; the text in between never was.
    expect(spooledCounts).toEqual([2]);
    expect(readdirSync(spool)).toEqual([]);
  });

  it('leaves no spooled screenshot behind, filed or refused', async () => {
    const form = () => {
      const f = new FormData();
      f.append('report', new Blob([JSON.stringify(report())], { type: 'application/json' }), 'r.json');
      f.append('screenshot', new Blob([PNG_BYTES as Uint8Array<ArrayBuffer>]), 'a.png');
      return f;
    };
    expect((await post(form())).status).toBe(201);
    const bad = form();
    bad.append('screenshot', new Blob([new TextEncoder().encode('not a picture')]), 'b.png');
    expect((await post(bad)).status).toBe(422);
    // Screenshots are spooled beside the database while a form streams in.
    expect(readdirSync(join(dirname(h.path), '.uploads'))).toEqual([]);
  });
});

describe('daily upload quota per practice', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  const QUOTA = 100 * 1024;
  const shot = (n: number, size = 30 * 1024) => {
    const bytes = new Uint8Array(size);
    bytes.set(PNG_BYTES);
    bytes[size - 1] = n;
    return bytes;
  };
  beforeEach(async () => {
    h = createHarness({ uploads: { dailyQuotaBytes: QUOTA } });
    keys = await h.practice('Y90001');
    await h.practice('Y90002');
  });
  afterEach(() => h.close());

  const form = (shots: Uint8Array[]) => {
    const f = new FormData();
    f.append('report', new Blob([JSON.stringify(report())], { type: 'application/json' }), 'r.json');
    for (const bytes of shots) f.append('screenshot', new Blob([bytes as Uint8Array<ArrayBuffer>]), 's.png');
    return f;
  };
  const file = (shots: Uint8Array[], reportKey = keys.reportKey) =>
    h.send('POST', '/v1/practices/Y90001/reports', { reportKey, origin: ORIGIN, rawBody: form(shots) });
  const evidenceCount = () =>
    (h.db.$client.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;

  it('refuses uploads past the day’s quota with 413, Retry-After to midnight UTC, storing nothing; the next day is fresh', async () => {
    expect((await file([shot(1), shot(2)])).status).toBe(201); // 60 KiB
    const over = await file([shot(3), shot(4)]); // would be 120 KiB
    expect(over.status).toBe(413);
    expect(over.json.type).toBe('/problems/upload-quota-exceeded');
    expect(over.json.detail).toMatch(/100 KiB/);
    // The harness clock is 09:30 UTC: 14.5 hours to midnight.
    expect(over.headers.get('retry-after')).toBe(String(14.5 * 3600));
    expect(evidenceCount()).toBe(2);
    // A report without screenshots is still filed: the quota is on bytes, not on reports.
    expect((await file([])).status).toBe(201);
    // Screenshots that fit what is left are taken.
    expect((await file([shot(5)])).status).toBe(201);
    h.advance(15 * 3600 * 1000);
    expect((await file([shot(6), shot(7)])).status).toBe(201);
    expect(evidenceCount()).toBe(5);
  });

  it('counts evidence uploaded with an API key too, and refuses it past the quota', async () => {
    const filed = await file([shot(1), shot(2), shot(3)]); // 90 KiB
    expect(filed.status).toBe(201);
    const upload = await h.send('POST', `/v1/practices/Y90001/incidents/${filed.json.id}/evidence`, {
      key: keys.apiKey,
      rawBody: shot(9, 20 * 1024),
      contentType: 'image/png',
    });
    expect(upload.status).toBe(413);
    expect(upload.json.type).toBe('/problems/upload-quota-exceeded');
    expect(evidenceCount()).toBe(3);
  });

  it('refuses a single form bigger than the quota while it streams', async () => {
    const res = await file([shot(1, 60 * 1024), shot(2, 60 * 1024)]);
    expect(res.status).toBe(413);
    expect(res.json.type).toBe('/problems/upload-quota-exceeded');
    expect(evidenceCount()).toBe(0);
  });
});

describe('a body that ends inside a screenshot', () => {
  it('is a 400, not an uncaught stream error that would end the process', async () => {
    const h = createHarness();
    try {
      const keys = await h.practice('Y90001');
      const uncaught: unknown[] = [];
      const listener = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', listener);
      try {
        for (const name of ['screenshot', 'file', 'report'])
          for (const ending of ['\x89PNG\r\n', '\x89PNG', ''])
            for (const lead of [reportPart(), '']) {
              const body = `${lead}--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${ending}`;
              const res = await h.app.request('/v1/practices/Y90001/reports', {
                method: 'POST',
                headers: {
                  'x-report-key': keys.reportKey,
                  origin: ORIGIN,
                  'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
                },
                body,
              });
              expect(res.status, `${name} ${JSON.stringify(ending)}`).toBe(400);
            }
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(uncaught).toEqual([]);
      } finally {
        process.off('uncaughtException', listener);
      }
    } finally {
      h.close();
    }
  });
});
