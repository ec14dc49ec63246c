import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createHarness, type Harness, ORIGIN, report } from '../test-support/harness.js';

describe('GET /v1/practices/{ods}/reports/summary', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001');
    for (const text of [
      'You are useless idiots',
      'When does the flu clinic start?',
      'You are useless idiots again',
    ]) {
      await h.send('POST', '/v1/practices/Y90001/reports', {
        reportKey: keys.reportKey,
        origin: ORIGIN,
        body: report({ text }),
      });
      h.advance(3_600_000);
    }
    // Another practice's incidents never count.
    const other = await h.practice('Y90002');
    await h.send('POST', '/v1/practices/Y90002/reports', {
      reportKey: other.reportKey,
      origin: ORIGIN,
      body: report(),
    });
  });
  afterEach(() => h.close());

  it('counts the practice’s incidents in the period, as JSON', async () => {
    const res = await h.send('GET', '/v1/practices/Y90001/reports/summary?from=2026-03-01&to=2026-03-31', {
      key: keys.apiKey,
    });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(3);
    expect(res.json.byPlatform.facebook).toBe(3);
    expect(res.json.byCategory.abusive).toBeGreaterThanOrEqual(2);
    const none = await h.send('GET', '/v1/practices/Y90001/reports/summary?from=2026-04-01&to=2026-04-30', {
      key: keys.apiKey,
    });
    expect(none.json.total).toBe(0);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const res = await h.send('GET', '/v1/practices/Y90001/reports/summary?from=2026-03-01&to=2026-03-31', {
      key: keys.apiKey,
      headers: { accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.text).toMatch(/total/i);
    expect(res.text).toMatch(/\b3\b/);
  });

  it('needs reports:read; bad periods are 422', async () => {
    const noScope = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api', scopes: ['incidents:read'] },
    });
    expect(
      (await h.send('GET', '/v1/practices/Y90001/reports/summary', { key: noScope.json.key })).status,
    ).toBe(403);
    for (const query of ['from=soon', 'from=2026-04-01&to=2026-03-01']) {
      const res = await h.send('GET', `/v1/practices/Y90001/reports/summary?${query}`, { key: keys.apiKey });
      expect(res.status, query).toBe(422);
    }
  });
});
