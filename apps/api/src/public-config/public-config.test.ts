import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

describe('GET /v1/practices/{ods}/public', () => {
  let h: Harness;
  let apiKey: string;
  beforeEach(async () => {
    h = createHarness();
    ({ apiKey } = await h.practice('Y90001', {
      staff: [{ name: 'Dr Secret Rostername', aliases: ['Dr Secret'] }],
      complaints: { email: 'complaints@y90001.example' },
    }));
  });
  afterEach(() => h.close());

  it('serves the public config to anyone, from any origin, with ETag and Cache-Control', async () => {
    const res = await h.send('GET', '/v1/practices/Y90001/public', { origin: 'https://anywhere.example' });
    expect(res.status).toBe(200);
    expect(res.json.ods).toBe('Y90001');
    expect(res.json.name).toBe('Test Surgery Y90001');
    expect(res.json.channels.complaints.email).toBe('complaints@y90001.example');
    expect(res.json.conduct.length).toBeGreaterThan(0);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers.get('cache-control')).toContain('max-age=');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('never includes the staff roster or keys', async () => {
    const res = await h.send('GET', '/v1/practices/Y90001/public');
    expect(res.text).not.toContain('Rostername');
    expect(res.text).not.toContain('staff"');
    expect(res.text).not.toMatch(/[pra]k_/);
  });

  it('answers 304 to If-None-Match with the current ETag, and changes the ETag when settings change', async () => {
    const first = await h.send('GET', '/v1/practices/Y90001/public');
    const etag = first.headers.get('etag') as string;
    const cached = await h.send('GET', '/v1/practices/Y90001/public', { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    expect(
      (await h.send('GET', '/v1/practices/Y90001/public', { headers: { 'if-none-match': `W/${etag}` } }))
        .status,
    ).toBe(304);

    await h.send('PATCH', '/v1/practices/Y90001', { key: apiKey, body: { name: 'Renamed Surgery' } });
    const changed = await h.send('GET', '/v1/practices/Y90001/public', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.name).toBe('Renamed Surgery');
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('a Welsh practice’s config carries Wales’s complaints route: Putting Things Right, the health board, the PSOW, no ICB', async () => {
    const patched = await h.send('PATCH', '/v1/practices/Y90001', {
      key: apiKey,
      body: { settings: { nation: 'wales', locale: 'cy' } },
    });
    expect(patched.status).toBe(200);
    const res = await h.send('GET', '/v1/practices/Y90001/public');
    expect(res.json.nation).toBe('wales');
    expect(res.json.complaintsRoute.words['en-GB'].procedure).toContain('Putting Things Right');
    expect(res.json.complaintsRoute.words.cy.procedure).toContain('Gweithio i Wella');
    expect(res.json.complaintsFacts.ombudsman.name).toBe('Public Services Ombudsman for Wales');
    expect(res.json.complaintsFacts.acknowledgeWithinWorkingDays).toBe(2);
    expect(res.text).not.toMatch(/Integrated Care Board|\bICB\b|Parliamentary/);
    const unknown = await h.send('PATCH', '/v1/practices/Y90001', {
      key: apiKey,
      body: { settings: { nation: 'cornwall' } },
    });
    expect(unknown.status).toBe(422);
  });

  it('a roster change alone does not change what the public sees', async () => {
    const before = await h.send('GET', '/v1/practices/Y90001/public');
    await h.send('PATCH', '/v1/practices/Y90001', {
      key: apiKey,
      body: { settings: { staff: [{ name: 'Dr Other' }] } },
    });
    const after = await h.send('GET', '/v1/practices/Y90001/public');
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  });

  it('answers a plain GET in the fast lane exactly as the routed handler does (200 and 304, headers and log line)', async () => {
    // A percent-encoded path ('%31' is '1') is left to the router, which decodes it: the same
    // practice, answered by the documented route and the app's middleware.
    const fast = '/v1/practices/Y90001/public';
    const routed = '/v1/practices/Y9000%31/public';
    const headersOf = (res: { headers: Headers }) =>
      Object.fromEntries([...res.headers].filter(([name]) => name !== 'x-request-id'));
    const first = await h.send('GET', fast);
    const etag = first.headers.get('etag') as string;
    const variants: Record<string, string>[] = [
      {},
      { 'if-none-match': etag },
      { 'if-none-match': `"other", W/${etag}` },
    ];
    for (const headers of variants) {
      const before = h.logs.length;
      const a = await h.send('GET', fast, { headers });
      const b = await h.send('GET', routed, { headers });
      expect(a.status).toBe(b.status);
      expect(headersOf(a)).toEqual(headersOf(b));
      expect(a.text).toBe(b.text);
      expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const [lineA, lineB] = h.logs.slice(before);
      const { time: _t, requestId: idA, durationMs: _d, ...restA } = lineA ?? {};
      const { time: _t2, requestId: _idB, durationMs: _d2, ...restB } = lineB ?? {};
      expect(restA).toEqual(restB);
      expect(restA).toMatchObject({ method: 'GET', route: '/v1/practices/:ods/public', status: a.status });
      expect(idA).toBe(a.headers.get('x-request-id'));
    }
    expect(headersOf(first)).toMatchObject({
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag',
      'content-type': 'application/json; charset=UTF-8',
    });
  });

  it('answers 404 problem+json for an unknown practice', async () => {
    const res = await h.send('GET', '/v1/practices/Y12345/public');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('answers a CORS preflight from any origin', async () => {
    const res = await h.send('OPTIONS', '/v1/practices/Y90001/public', {
      origin: 'https://anywhere.example',
      headers: { 'access-control-request-method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await h.send('HEAD', '/v1/practices/Y90001/public');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(res.text).toBe('');
  });

  it('notices a change made outside this process within about a second', async () => {
    const before = await h.send('GET', '/v1/practices/Y90001/public');
    const other = new Database(h.path);
    try {
      other
        .prepare('UPDATE practices SET public_json = ?, public_etag = ? WHERE ods = ?')
        .run(JSON.stringify({ ...before.json, name: 'Changed Elsewhere' }), '"changed-elsewhere"', 'Y90001');
    } finally {
      other.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await h.send('GET', '/v1/practices/Y90001/public');
    expect(after.headers.get('etag')).toBe('"changed-elsewhere"');
    expect(after.json.name).toBe('Changed Elsewhere');
  });
});
