import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type Harness, harness, ORIGIN, report } from '../test-support/harness.js';

describe('POST /v1/practices/{ods}/reports', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = await harness({ rateLimits: { reports: { burst: 3, perSecond: 0.1 } } });
    keys = await h.practice('Y90001');
  });
  afterEach(() => h.close());

  const file = (
    body: unknown = report(),
    extra: { origin?: string; reportKey?: string; headers?: Record<string, string> } = {},
  ) =>
    h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: extra.reportKey ?? keys.reportKey,
      origin: extra.origin ?? ORIGIN,
      body,
      headers: extra.headers,
    });

  it('files a report: 201 with a per-practice reference, the classification and the first steps', async () => {
    const first = await file();
    expect(first.status).toBe(201);
    expect(first.json.reference).toBe('Y90001-2026-0001');
    expect(first.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.json.state).toBe('reported');
    expect(first.json.classification.categories.map((c: { id: string }) => c.id)).toContain('abusive');
    expect(first.json.nextSteps.length).toBeGreaterThan(0);
    expect(first.json.nextSteps.every((step: unknown) => typeof step === 'string')).toBe(true);
    const second = await file(report({ text: 'When is the flu clinic this year?' }));
    expect(second.json.reference).toBe('Y90001-2026-0002');
    // Stored: the practice's API key sees both.
    const list = await h.send('GET', '/v1/practices/Y90001/incidents', { key: keys.apiKey });
    expect(list.json.items.map((i: { reference: string }) => i.reference)).toEqual([
      'Y90001-2026-0002',
      'Y90001-2026-0001',
    ]);
  });

  it('the CORS allow-list is the practice’s: preflight and response carry the allowed origin only', async () => {
    const preflight = await h.send('OPTIONS', '/v1/practices/Y90001/reports', {
      origin: ORIGIN,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-report-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Report-Key');
    const foreign = await h.send('OPTIONS', '/v1/practices/Y90001/reports', {
      origin: 'https://evil.example',
      headers: { 'access-control-request-method': 'POST' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const filed = await file();
    expect(filed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('refuses a disallowed or missing Origin with 403', async () => {
    const foreign = await file(report(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.type).toBe('/problems/origin-not-allowed');
    const none = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      body: report(),
    });
    expect(none.status).toBe(403);
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
  });

  it('refuses missing, malformed and revoked report keys with 401, another practice’s with 404', async () => {
    expect(
      (await h.send('POST', '/v1/practices/Y90001/reports', { origin: ORIGIN, body: report() })).status,
    ).toBe(401);
    expect((await file(report(), { reportKey: 'rk_nonsense' })).status).toBe(401);
    // An API key is not a report key.
    expect((await file(report(), { reportKey: keys.apiKey })).status).toBe(401);
    const other = await h.practice('Y90002');
    expect((await file(report(), { reportKey: other.reportKey })).status).toBe(404);
    const issued = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'report', allowedOrigins: [ORIGIN] },
    });
    expect((await file(report(), { reportKey: issued.json.key })).status).toBe(201);
    await h.send('DELETE', `/v1/practices/Y90001/keys/${issued.json.id}`, { key: ADMIN_KEY });
    expect((await file(report(), { reportKey: issued.json.key })).status).toBe(401);
  });

  it('a report key can read nothing', async () => {
    const filed = await file();
    for (const path of [
      '/v1/practices/Y90001/incidents',
      `/v1/practices/Y90001/incidents/${filed.json.id}`,
      '/v1/practices/Y90001',
      '/v1/practices/Y90001/reports/summary',
    ]) {
      const res = await h.send('GET', path, { reportKey: keys.reportKey, origin: ORIGIN });
      expect(res.status, path).toBe(401);
    }
    const asBearer = await h.send('GET', '/v1/practices/Y90001/incidents', { key: keys.reportKey });
    expect(asBearer.status).toBe(403);
  });

  it('rate limits filing per key and client: 429 with Retry-After, then recovers', async () => {
    for (let i = 0; i < 3; i++) expect((await file()).status).toBe(201);
    const limited = await file();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json.type).toBe('/problems/rate-limited');
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    h.advance(Number(limited.headers.get('retry-after')) * 1000);
    expect((await file()).status).toBe(201);
  });

  it('refuses invalid reports with 422 and field paths, unknown fields included', async () => {
    const res = await file({ ...report(), platform: 'myspace', atRisk: 'no', reporter: {} });
    expect(res.status).toBe(422);
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.platform', 'body.atRisk', 'body.reporter.name']));
    for (const extra of [{ id: 'x' }, { state: 'closed' }, { practiceOds: 'Y90002' }, { reference: 'A' }]) {
      h.advance(30_000); // refill the tiny test bucket: the limiter runs before validation
      const mass = await file({ ...report(), ...extra });
      expect(mass.status, JSON.stringify(extra)).toBe(422);
    }
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
  });

  it('Idempotency-Key: the same key and body file one incident and answer the same; a different body is 422', async () => {
    const headers = { 'idempotency-key': 'form-submit-7f3a' };
    const first = await file(report(), { headers });
    const again = await file(report(), { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 1 });
    const different = await file(report({ text: 'Another post entirely' }), { headers });
    expect(different.status).toBe(422);
    expect(different.json.type).toBe('/problems/idempotency-key-reused');
  });

  it('records who filed it and adds the first link of the audit chain', async () => {
    const filed = await file();
    const events = await h.send('GET', `/v1/practices/Y90001/incidents/${filed.json.id}/events`, {
      key: keys.apiKey,
    });
    expect(events.json.items).toHaveLength(1);
    expect(events.json.items[0]).toMatchObject({ type: 'report', seq: 1, prevHash: '' });
    expect(events.json.items[0].actor).toMatchObject({ role: 'staff', name: 'Robin Reception' });
    expect(events.json.items[0].keyId).toMatch(/^key_/);
  });
});
