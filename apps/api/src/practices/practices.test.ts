import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createHarness, type Harness } from '../test-support/harness.js';

describe('practices', () => {
  let h: Harness;
  beforeEach(async () => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('an admin key creates a practice; settings come back filled with defaults', async () => {
    const res = await h.send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      body: { ods: 'Y90011', name: 'Elm Tree Surgery', settings: { phone: '01632 960123' } },
    });
    expect(res.status).toBe(201);
    expect(res.json.ods).toBe('Y90011');
    expect(res.json.name).toBe('Elm Tree Surgery');
    expect(res.json.settings.phone).toBe('01632 960123');
    expect(res.json.settings.replyTargetBusinessDays).toBe(3);
    expect(res.json.settings.businessHours).toEqual({ days: [1, 2, 3, 4, 5], open: '08:00', close: '19:00' });
    expect(res.headers.get('location')).toBe('/v1/practices/Y90011');
  });

  it('refuses a second practice with the same ODS code with 409', async () => {
    const body = { ods: 'Y90011', name: 'Elm Tree Surgery' };
    expect((await h.send('POST', '/v1/practices', { key: ADMIN_KEY, body })).status).toBe(201);
    const again = await h.send('POST', '/v1/practices', { key: ADMIN_KEY, body });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('needs an admin key: none is 401, an API key is 403', async () => {
    const { apiKey } = await h.practice('Y90012');
    const body = { ods: 'Y90013', name: 'Oak Surgery' };
    const none = await h.send('POST', '/v1/practices', { body });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await h.send('POST', '/v1/practices', { key: apiKey, body })).status).toBe(403);
    expect(
      (await h.send('POST', '/v1/practices', { key: 'ak_not_a_real_key_at_all_000000', body })).status,
    ).toBe(401);
  });

  it('refuses invalid ODS codes, unknown fields and bad settings with 422 and field paths', async () => {
    const bad = await h.send('POST', '/v1/practices', { key: ADMIN_KEY, body: { ods: 'nope', name: 'X' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toContainEqual(expect.objectContaining({ path: 'body.ods' }));

    const extra = await h.send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      body: { ods: 'Y90014', name: 'X', chainHead: 'abc' },
    });
    expect(extra.status).toBe(422);

    const settings = await h.send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      body: {
        ods: 'Y90014',
        name: 'X',
        settings: { website: 'javascript:alert(1)', replyTargetBusinessDays: 0 },
      },
    });
    expect(settings.status).toBe(422);
    const paths = settings.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.settings.website');
    expect(paths).toContain('body.settings.replyTargetBusinessDays');
  });

  it('answers malformed JSON with 400, a wrong content type with 415, an oversize body with 413', async () => {
    const malformed = await h.send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      rawBody: '{"ods": "Y9',
      contentType: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.type).toBe('/problems/bad-request');
    const wrongType = await h.send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      rawBody: 'ods=Y90015',
      contentType: 'text/plain',
    });
    expect(wrongType.status).toBe(415);
    const huge = await h.send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      body: { ods: 'Y90015', name: 'x'.repeat(70 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.status).toBe(413);
  });

  it('GET returns the settings to an API key of the practice, 404 to another practice’s key', async () => {
    const a = await h.practice('Y90021', { staff: [{ name: 'Dr Ada Example' }] });
    const b = await h.practice('Y90022');
    const own = await h.send('GET', '/v1/practices/Y90021', { key: a.apiKey });
    expect(own.status).toBe(200);
    expect(own.json.settings.staff).toEqual([{ name: 'Dr Ada Example' }]);
    const other = await h.send('GET', '/v1/practices/Y90021', { key: b.apiKey });
    const missing = await h.send('GET', '/v1/practices/Y99999', { key: b.apiKey });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    // Another practice's record answers exactly like a missing one.
    expect(other.json.detail).toBe(missing.json.detail);
  });

  it('PATCH needs settings:write, replaces the roster, merges nested settings and bumps the conduct version', async () => {
    const { apiKey } = await h.practice('Y90031', {
      complaints: { email: 'complaints@y90031.example', phone: '01632 960555' },
    });
    const readOnly = await h.send('POST', '/v1/practices/Y90031/keys', {
      key: ADMIN_KEY,
      body: { type: 'api', scopes: ['incidents:read'] },
    });
    const refused = await h.send('PATCH', '/v1/practices/Y90031', {
      key: readOnly.json.key,
      body: { name: 'Renamed' },
    });
    expect(refused.status).toBe(403);

    const res = await h.send('PATCH', '/v1/practices/Y90031', {
      key: apiKey,
      body: {
        settings: {
          staff: [{ name: 'Dr New Person', role: 'GP' }],
          complaints: { email: 'new@y90031.example' },
          conduct: { clauses: [{ id: 'devices_courtesy', enabled: false }] },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.settings.staff).toEqual([{ name: 'Dr New Person', role: 'GP' }]);
    expect(res.json.settings.complaints).toEqual({ email: 'new@y90031.example', phone: '01632 960555' });
    expect(res.json.settings.conduct.version).toBe('2');
    // Every write records who made it.
    const writer = h.db.$client
      .prepare('SELECT k.prefix FROM practices p JOIN api_keys k ON k.id = p.updated_by WHERE p.ods = ?')
      .get('Y90031') as { prefix: string };
    expect(writer.prefix).toBe(apiKey.slice(3, 11));
  });

  it('PATCH refuses read-only and unknown fields (mass assignment)', async () => {
    const { apiKey } = await h.practice('Y90041');
    for (const body of [
      { ods: 'Y90042' },
      { settings: { ods: 'Y90042' } },
      { settings: { name: 'x' } },
      { id: 1 },
    ]) {
      const res = await h.send('PATCH', '/v1/practices/Y90041', { key: apiKey, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const after = await h.send('GET', '/v1/practices/Y90041', { key: apiKey });
    expect(after.json.ods).toBe('Y90041');
  });
});
