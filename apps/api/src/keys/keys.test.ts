import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createHarness, type Harness, ORIGIN } from '../test-support/harness.js';

describe('keys', () => {
  let h: Harness;
  beforeEach(async () => {
    h = createHarness();
    await h.practice('Y90001');
  });
  afterEach(() => h.close());

  it('issues an API key once: random, typed, identifiable by prefix, stored only as a hash', async () => {
    const res = await h.send('POST', '/v1/practices/Y90001/keys', { key: ADMIN_KEY, body: { type: 'api' } });
    expect(res.status).toBe(201);
    expect(res.json.key).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(res.json.prefix).toBe(res.json.key.slice(3, 11));
    expect(res.json.scopes).toEqual(['incidents:read', 'incidents:write', 'reports:read']);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows = h.db.$client.prepare('SELECT * FROM api_keys').all();
    expect(JSON.stringify(rows)).not.toContain(res.json.key);
    const second = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api' },
    });
    expect(second.json.key).not.toBe(res.json.key);
    // The new key works.
    expect((await h.send('GET', '/v1/practices/Y90001', { key: res.json.key })).status).toBe(200);
  });

  it('a report key needs allowed origins; API keys take none', async () => {
    const noOrigins = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'report' },
    });
    expect(noOrigins.status).toBe(422);
    const badOrigin = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'report', allowedOrigins: ['https://x.example/path'] },
    });
    expect(badOrigin.status).toBe(422);
    const apiWithOrigins = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api', allowedOrigins: [ORIGIN] },
    });
    expect(apiWithOrigins.status).toBe(422);
    const ok = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'report', allowedOrigins: [ORIGIN] },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.key).toMatch(/^rk_/);
  });

  it('only an admin key issues keys, and only for practices that exist', async () => {
    const { apiKey } = await h.practice('Y90002');
    expect(
      (await h.send('POST', '/v1/practices/Y90001/keys', { key: apiKey, body: { type: 'api' } })).status,
    ).toBe(403);
    expect((await h.send('POST', '/v1/practices/Y90001/keys', { body: { type: 'api' } })).status).toBe(401);
    expect(
      (await h.send('POST', '/v1/practices/Y99999/keys', { key: ADMIN_KEY, body: { type: 'api' } })).status,
    ).toBe(404);
  });

  it('a key may span several practices', async () => {
    await h.practice('Y90002');
    const res = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api', practices: ['Y90002'] },
    });
    expect(res.json.practices).toEqual(['Y90001', 'Y90002']);
    expect((await h.send('GET', '/v1/practices/Y90002', { key: res.json.key })).status).toBe(200);
  });

  it('a revoked key fails on its very next request', async () => {
    const issued = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api' },
    });
    expect((await h.send('GET', '/v1/practices/Y90001', { key: issued.json.key })).status).toBe(200);
    const revoked = await h.send('DELETE', `/v1/practices/Y90001/keys/${issued.json.id}`, { key: ADMIN_KEY });
    expect(revoked.status).toBe(204);
    const after = await h.send('GET', '/v1/practices/Y90001', { key: issued.json.key });
    expect(after.status).toBe(401);
    expect(after.json.type).toBe('/problems/unauthorized');
  });

  it('revoking names the key’s practice: another practice’s key id is 404', async () => {
    await h.practice('Y90002');
    const issued = await h.send('POST', '/v1/practices/Y90002/keys', {
      key: ADMIN_KEY,
      body: { type: 'api' },
    });
    const res = await h.send('DELETE', `/v1/practices/Y90001/keys/${issued.json.id}`, { key: ADMIN_KEY });
    expect(res.status).toBe(404);
    expect((await h.send('GET', '/v1/practices/Y90002', { key: issued.json.key })).status).toBe(200);
  });

  it('refuses malformed Authorization headers with 401', async () => {
    for (const authorization of [
      'pk_abc',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer a b',
      `Bearer ${'x'.repeat(300)}`,
    ]) {
      const res = await h.send('GET', '/v1/practices/Y90001', { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
    }
  });
});
