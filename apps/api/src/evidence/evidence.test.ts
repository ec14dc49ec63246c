import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  JPEG_BYTES,
  ORIGIN,
  PNG_BYTES,
  report,
} from '../test-support/harness.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('evidence', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  let id: string;
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001');
    const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report(),
    });
    id = filed.json.id;
  });
  afterEach(() => h.close());

  const upload = (
    rawBody: Uint8Array | string | FormData,
    contentType?: string,
    headers: Record<string, string> = {},
  ) =>
    h.send('POST', `/v1/practices/Y90001/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: rawBody as never,
      ...(contentType ? { contentType } : {}),
      headers,
    });

  it('stores a PNG screenshot and gives back identical bytes with their SHA-256', async () => {
    const res = await upload(PNG_BYTES, 'image/png', { 'x-captured-at': '2026-03-10T09:05:00+00:00' });
    expect(res.status).toBe(201);
    expect(res.json.evidence).toMatchObject({
      kind: 'screenshot',
      mediaType: 'image/png',
      size: PNG_BYTES.length,
      sha256: sha256(PNG_BYTES),
      capturedAt: '2026-03-10T09:05:00.000Z',
    });
    expect(res.json.incident.evidence).toHaveLength(1);
    const back = await h.send(
      'GET',
      `/v1/practices/Y90001/incidents/${id}/evidence/${res.json.evidence.id}`,
      {
        key: keys.apiKey,
      },
    );
    expect(back.status).toBe(200);
    expect(Buffer.from(back.bytes).equals(Buffer.from(PNG_BYTES))).toBe(true);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(back.headers.get('x-content-sha256')).toBe(sha256(PNG_BYTES));
    expect(back.headers.get('repr-digest')).toBe(
      `sha-256=:${createHash('sha256').update(PNG_BYTES).digest('base64')}:`,
    );
    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${id}/events`, { key: keys.apiKey });
    expect(timeline.json.items.at(-1).type).toBe('record_evidence');
  });

  it('accepts multipart uploads, typed by the bytes, not the file name or part header', async () => {
    const form = new FormData();
    form.set('file', new Blob([JPEG_BYTES], { type: 'image/png' }), 'screenshot.png');
    form.set('capturedAt', '2026-03-10T09:06:00Z');
    const res = await upload(form);
    expect(res.status).toBe(201);
    expect(res.json.evidence.mediaType).toBe('image/jpeg');
    expect(res.json.evidence.sha256).toBe(sha256(JPEG_BYTES));
  });

  it('accepts a text capture', async () => {
    const text = 'Copied from the post at 09:04: "you are all useless"';
    const res = await upload(text, 'text/plain; charset=utf-8');
    expect(res.status).toBe(201);
    expect(res.json.evidence.kind).toBe('text');
    const back = await h.send(
      'GET',
      `/v1/practices/Y90001/incidents/${id}/evidence/${res.json.evidence.id}`,
      {
        key: keys.apiKey,
      },
    );
    expect(back.text).toBe(text);
  });

  it('refuses files that are not what they claim (415) and types it does not take', async () => {
    const fakePng = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    expect((await upload(fakePng, 'image/png')).status).toBe(415);
    expect((await upload(PNG_BYTES, 'text/plain')).status).toBe(415);
    expect((await upload(fakePng, 'image/svg+xml')).status).toBe(415);
    expect((await upload(PNG_BYTES, 'application/octet-stream')).status).toBe(415);
    const form = new FormData();
    form.set('file', new Blob([fakePng]), 'evil.png');
    expect((await upload(form)).status).toBe(415);
    const stored = h.db.$client.prepare('SELECT count(*) AS n FROM evidence').get();
    expect(stored).toEqual({ n: 0 });
  });

  it('refuses more than 5 MiB with 413', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_BYTES.subarray(0, 8));
    const res = await upload(big, 'image/png');
    expect(res.status).toBe(413);
    const atLimit = new Uint8Array(5 * 1024 * 1024);
    atLimit.set(PNG_BYTES.subarray(0, 8));
    expect((await upload(atLimit, 'image/png')).status).toBe(201);
  });

  it('refuses an empty upload or a bad capture time with 422', async () => {
    expect((await upload(new Uint8Array(0), 'image/png')).status).toBe(422);
    expect((await upload(PNG_BYTES, 'image/png', { 'x-captured-at': 'last tuesday' })).status).toBe(422);
  });

  it('another practice’s key gets 404 for the upload and the bytes', async () => {
    const stored = await upload(PNG_BYTES, 'image/png');
    const other = await h.practice('Y90002');
    const read = await h.send(
      'GET',
      `/v1/practices/Y90001/incidents/${id}/evidence/${stored.json.evidence.id}`,
      {
        key: other.apiKey,
      },
    );
    expect(read.status).toBe(404);
    const write = await h.send('POST', `/v1/practices/Y90002/incidents/${id}/evidence`, {
      key: other.apiKey,
      rawBody: PNG_BYTES as never,
      contentType: 'image/png',
    });
    expect(write.status).toBe(404);
  });

  it('Idempotency-Key: a retried upload stores the evidence once', async () => {
    const headers = { 'idempotency-key': 'upload-42' };
    const first = await upload(PNG_BYTES, 'image/png', headers);
    const again = await upload(PNG_BYTES, 'image/png', headers);
    expect(first.status).toBe(201);
    expect(again.json.evidence.id).toBe(first.json.evidence.id);
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 1 });
    const other = await upload(JPEG_BYTES, 'image/jpeg', headers);
    expect(other.status).toBe(422);
  });

  it('reads a multipart upload as it streams: 100,000 parts are refused after the first few', async () => {
    const boundary = 'evidence-boundary';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nx\r\n`;
    const total = part.length * 100_000;
    let pulled = 0;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 100_000) {
          controller.enqueue(new TextEncoder().encode(`--${boundary}--\r\n`));
          return controller.close();
        }
        const chunk = new TextEncoder().encode(part.repeat(500));
        sent += 500;
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await h.app.request(`/v1/practices/Y90001/incidents/${id}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keys.apiKey}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    // The first chunk and the one the stream reads ahead: 2 of 200.
    expect(pulled).toBeLessThan(total / 50);
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 0 });
  });
});
