import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN, report } from './test-support/harness.js';

describe('the app as a whole', () => {
  let h: Harness;
  beforeEach(async () => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('answers unknown routes with a 404 problem and every response with an X-Request-Id', async () => {
    const res = await h.send('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ type: '/problems/not-found', title: expect.any(String), status: 404 });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request with the route pattern, and no post text, names, keys or query', async () => {
    const keys = await h.practice('Y90001');
    const text = 'Dr Zebediah Quarrington is a disgrace and I know where he lives';
    const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report({ text, author: { name: 'Ottoline Pemberton-Vaux', kind: 'patient' } }),
    });
    await h.send('GET', `/v1/practices/Y90001/incidents?from=2026-03-01&state=reported`, {
      key: keys.apiKey,
    });
    const line = h.logs.find((l) => l.route === '/v1/practices/:ods/reports');
    expect(line).toMatchObject({ method: 'POST', status: 201, requestId: filed.headers.get('x-request-id') });
    expect(line?.durationMs).toEqual(expect.any(Number));
    const all = JSON.stringify(h.logs);
    for (const secret of [
      'Zebediah',
      'Quarrington',
      'Ottoline',
      'Robin Reception',
      keys.reportKey,
      keys.apiKey,
      'state=reported',
    ])
      expect(all).not.toContain(secret);
  });

  it('never answers 500 or a stack trace to hostile input', async () => {
    const keys = await h.practice('Y90001');
    const attempts: [string, string, Parameters<Harness['send']>[2]][] = [
      [
        'POST',
        '/v1/practices/Y90001/reports',
        { reportKey: keys.reportKey, origin: ORIGIN, rawBody: 'null', contentType: 'application/json' },
      ],
      [
        'POST',
        '/v1/practices/Y90001/reports',
        { reportKey: keys.reportKey, origin: ORIGIN, rawBody: '"x"', contentType: 'application/json' },
      ],
      [
        'POST',
        '/v1/practices/Y90001/reports',
        {
          reportKey: keys.reportKey,
          origin: ORIGIN,
          rawBody: '{"__proto__":{"x":1}}',
          contentType: 'application/json',
        },
      ],
      [
        'POST',
        '/v1/practices/Y90001/reports',
        {
          reportKey: keys.reportKey,
          origin: ORIGIN,
          rawBody: '\u0000\u0001',
          contentType: 'application/json',
        },
      ],
      [
        'POST',
        '/v1/practices/Y90001/reports',
        {
          reportKey: keys.reportKey,
          origin: ORIGIN,
          rawBody: '{}',
          contentType: 'application/json; charset=latin1',
        },
      ],
      ['POST', '/v1/classify', { key: keys.apiKey, rawBody: '{"text": 5}', contentType: 'application/json' }],
      [
        'POST',
        '/v1/classify',
        { key: keys.apiKey, rawBody: '{"text": "x"', contentType: 'application/json' },
      ],
      ['GET', '/v1/practices/%E0%A4%A/incidents', { key: keys.apiKey }],
      ['GET', '/v1/practices/Y90001/incidents?limit=1e309', { key: keys.apiKey }],
      ['GET', '/v1/practices/Y90001/incidents?cursor=%FF%FE', { key: keys.apiKey }],
      [
        'PATCH',
        '/v1/practices/Y90001',
        { key: keys.apiKey, rawBody: '[1,2,3]', contentType: 'application/json' },
      ],
      [
        'POST',
        '/v1/practices/Y90001/incidents/x/events',
        { key: keys.apiKey, rawBody: '{"type":{"a":1}}', contentType: 'application/json' },
      ],
      ['DELETE', '/v1/practices/Y90001', { key: keys.apiKey }],
    ];
    for (const [method, path, options] of attempts) {
      const res = await h.send(method, path, options);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(res.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json');
    }
  });

  it('serves an OpenAPI 3.1 document with the security schemes and every endpoint', async () => {
    const res = await h.send('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    expect(Object.keys(res.json.components.securitySchemes).sort()).toEqual([
      'adminKey',
      'apiKey',
      'reportKey',
      'session',
      'webhookSignature',
    ]);
    // Every notification a vendor can receive, described as an OpenAPI 3.1 webhook.
    expect(Object.keys(res.json.webhooks).sort()).toEqual([
      'audit.checkpoint',
      'deadline.approaching',
      'deadline.missed',
      'incident.created',
      'incident.updated',
      'webhook.test',
    ]);
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/v1/practices/{ods}/public',
        '/v1/practices',
        '/v1/practices/{ods}',
        '/v1/practices/{ods}/keys',
        '/v1/practices/{ods}/reports',
        '/v1/classify',
        '/v1/practices/{ods}/incidents',
        '/v1/practices/{ods}/incidents/{id}',
        '/v1/practices/{ods}/incidents/{id}/events',
        '/v1/practices/{ods}/incidents/{id}/evidence',
        '/v1/practices/{ods}/incidents/{id}/evidence/{evidenceId}',
        '/v1/templates',
        '/v1/practices/{ods}/templates/{templateId}/render',
        '/v1/practices/{ods}/reports/summary',
        '/v1/practices/{ods}/audit/verify',
      ]),
    );
    const events = res.json.paths['/v1/practices/{ods}/incidents/{id}/events'].post;
    expect(Object.keys(events.responses)).toEqual(
      expect.arrayContaining(['200', '401', '404', '409', '422']),
    );
  });

  it('serves the API reference without any CDN', async () => {
    const page = await h.send('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/docs/scalar.js');
    expect(page.text).not.toMatch(/cdn\.jsdelivr|unpkg|fonts\.scalar\.com/);
    const bundle = await h.send('GET', '/docs/scalar.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect(bundle.bytes.length).toBeGreaterThan(100_000);
  });
});
