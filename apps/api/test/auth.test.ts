// Auth: every protected operation refuses missing, malformed, revoked and other-practice keys; a
// revoked key fails on its very next request; report keys file reports only, from allowed origins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../src/app.js';
import {
  ADMIN_KEY,
  bearer,
  bodyOf,
  createHarness,
  type Harness,
  issueKey,
  NO_RATE_LIMITS,
  type PracticeFixture,
  reportBody,
  seedPractice,
} from '../src/test-support/harness.js';
import { authHeaders, OPERATIONS, type Operation, type Target, toInit } from './operations.js';

let h: Harness;
let own: PracticeFixture;
let other: PracticeFixture;

beforeAll(async () => {
  h = createHarness({ rateLimits: NO_RATE_LIMITS });
  own = await seedPractice(h, 'Y90011', 2);
  other = await seedPractice(h, 'Y90022', 2);
}, 60_000);

afterAll(() => h?.close());

const protectedOps = OPERATIONS.filter((op) => op.auth !== 'none');
const targetOf = (p: PracticeFixture): Target => ({ ods: p.ods, ids: p });

async function call(op: Operation, target: Target, headers: Record<string, string>) {
  const spec = op.build(target);
  const { path, ...init } = toInit({ ...spec, headers: { ...spec.headers } }, headers);
  const response = await h.app.request(path, init);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await bodyOf(response),
    headers: response.headers,
  };
}

/** Credentials that must never get past auth, with what each stands for. */
function badCredentials(op: Operation): [string, Record<string, string>][] {
  const looksRight = op.auth === 'admin' ? 'ak_' : op.auth === 'report' ? 'rk_' : 'pk_';
  const forged = `${looksRight}${'A'.repeat(43)}`;
  const asCredential = (value: string): Record<string, string> =>
    op.auth === 'report' ? { 'x-report-key': value, origin: own.origin } : { authorization: value };
  return [
    ['missing', {}],
    ['empty', asCredential('')],
    ['scheme only', asCredential('Bearer')],
    ['wrong scheme', { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` }],
    ['forged key of the right form', asCredential(op.auth === 'report' ? forged : `Bearer ${forged}`)],
    [
      'truncated real key',
      asCredential(op.auth === 'report' ? own.reportKey.slice(0, -1) : `Bearer ${own.apiKey.slice(0, -1)}`),
    ],
    [
      'real key with a changed character',
      asCredential(
        op.auth === 'report' ? `${own.reportKey.slice(0, -1)}x` : `Bearer ${own.apiKey.slice(0, -2)}xx`,
      ),
    ],
    ['two tokens', { authorization: `Bearer ${own.apiKey} ${own.apiKey}` }],
    ['key in the query string', {}],
    ['very long', asCredential(`Bearer ${'k'.repeat(8000)}`)],
  ];
}

describe('every protected operation refuses bad credentials', () => {
  it.each(protectedOps.map((op) => [op.id, op] as const))('%s', async (_id, op) => {
    for (const [what, headers] of badCredentials(op)) {
      const target = targetOf(own);
      const spec = op.build(target);
      const path =
        what === 'key in the query string'
          ? `${spec.path}${spec.path.includes('?') ? '&' : '?'}key=${own.apiKey}`
          : spec.path;
      const { path: p, ...init } = toInit({ ...spec, path }, headers);
      const response = await h.app.request(p, init);
      expect([401, 403], `${op.id} with ${what}`).toContain(response.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      if (response.status === 401 && op.auth !== 'report')
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });
});

describe('a key of the wrong kind is refused', () => {
  it.each(protectedOps.map((op) => [op.id, op] as const))('%s', async (_id, op) => {
    const kinds: [string, Record<string, string>][] = [
      ['report key as a bearer token', bearer(own.reportKey)],
      ['API key as a report key', { 'x-report-key': own.apiKey, origin: own.origin }],
      ['admin key as a report key', { 'x-report-key': ADMIN_KEY, origin: own.origin }],
    ];
    if (op.auth === 'admin') kinds.push(['API key on an admin operation', bearer(own.apiKey)]);
    if (op.auth === 'api' || op.auth === 'report') kinds.push(['admin key', bearer(ADMIN_KEY)]);
    for (const [what, headers] of kinds) {
      const fits =
        (op.auth === 'apiOrReport' && what === 'report key as a bearer token') ||
        (op.auth === 'report' && what === 'report key as a bearer token');
      const got = await call(op, targetOf(own), headers);
      if (fits && got.status < 300) continue;
      expect([401, 403], `${op.id} with ${what}`).toContain(got.status);
    }
  });
});

describe('report keys', () => {
  it('file reports only: every other operation refuses them, in either header', async () => {
    for (const op of protectedOps) {
      if (op.id === 'POST /v1/practices/{ods}/reports') continue;
      for (const headers of [{ 'x-report-key': own.reportKey, origin: own.origin }, bearer(own.reportKey)]) {
        const got = await call(op, targetOf(own), headers);
        // Classification is the one other thing the report form may ask for (api.md).
        if (op.id === 'POST /v1/classify' && 'x-report-key' in headers) {
          expect(got.status).toBe(200);
          continue;
        }
        expect([401, 403], `${op.id}`).toContain(got.status);
      }
    }
  });

  it('work only from the practice’s allowed origins', async () => {
    const file = (origin?: string) =>
      h.request(`/v1/practices/${own.ods}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': own.reportKey, ...(origin === undefined ? {} : { origin }) },
        json: reportBody(),
      });
    for (const origin of [
      undefined,
      '',
      'null',
      other.origin,
      `${own.origin}.evil.example`,
      own.origin.replace('https', 'http'),
      `${own.origin}/`,
      own.origin.toUpperCase(),
    ]) {
      const response = await file(origin);
      expect(response.status, `origin ${origin}`).toBe(403);
      // The refusal is readable by the page that sent it (so the form can say why), never by an
      // opaque origin.
      const readable = origin && origin !== 'null' ? origin : null;
      expect(response.headers.get('access-control-allow-origin')).toBe(readable);
    }
    const allowed = await file(own.origin);
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(own.origin);
  });

  it('answer a CORS preflight for any origin, so a refused origin can read the POST’s 403', async () => {
    const preflight = (origin: string) =>
      h.request(`/v1/practices/${own.ods}/reports`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-report-key',
        },
      });
    const ok = await preflight(own.origin);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(own.origin);
    const elsewhere = await preflight('https://elsewhere.example');
    expect(elsewhere.status).toBe(204);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
    expect(elsewhere.headers.get('access-control-allow-credentials')).toBeNull();
    const opaque = await preflight('null');
    expect(opaque.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('revocation', () => {
  it('a revoked API key fails on its very next request, on every operation', async () => {
    for (const op of protectedOps.filter((candidate) => candidate.auth === 'api')) {
      const key = await issueKey(h, own.ods, {
        type: 'api',
        scopes: ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'],
      });
      const creds = { admin: ADMIN_KEY, apiKey: key.key, reportKey: own.reportKey, origin: own.origin };
      const before = await call(op, targetOf(own), authHeaders(op, creds));
      expect(before.status, `${op.id} before revocation`).toBeLessThan(300);
      const revoked = await h.request(`/v1/practices/${own.ods}/keys/${key.id}`, {
        method: 'DELETE',
        headers: bearer(ADMIN_KEY),
      });
      expect(revoked.status).toBe(204);
      const after = await call(op, targetOf(own), authHeaders(op, creds));
      expect(after.status, `${op.id} right after revocation`).toBe(401);
    }
  });

  it('a revoked report key fails on its very next report', async () => {
    const key = await issueKey(h, own.ods, { type: 'report', allowedOrigins: [own.origin] });
    const file = () =>
      h.request(`/v1/practices/${own.ods}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': key.key, origin: own.origin },
        json: reportBody(),
      });
    expect((await file()).status).toBe(201);
    expect(
      (
        await h.request(`/v1/practices/${own.ods}/keys/${key.id}`, {
          method: 'DELETE',
          headers: bearer(ADMIN_KEY),
        })
      ).status,
    ).toBe(204);
    expect((await file()).status).toBe(401);
    // Its origin no longer opens the CORS door either, unless another live key lists it.
  });

  it('a key can be revoked only through its own practice', async () => {
    const key = await issueKey(h, own.ods, { type: 'api' });
    const wrong = await h.request(`/v1/practices/${other.ods}/keys/${key.id}`, {
      method: 'DELETE',
      headers: bearer(ADMIN_KEY),
    });
    expect(wrong.status).toBe(404);
    expect((await h.request(`/v1/practices/${own.ods}/incidents`, { headers: bearer(key.key) })).status).toBe(
      200,
    );
  });
});

describe('other-practice keys', () => {
  it.each(protectedOps.filter((op) => op.tenant && op.auth !== 'admin').map((op) => [op.id, op] as const))(
    '%s answers 404 to a key of another practice',
    async (_id, op) => {
      const creds = {
        admin: ADMIN_KEY,
        apiKey: other.apiKey,
        reportKey: other.reportKey,
        origin: other.origin,
      };
      const got = await call(op, targetOf(own), authHeaders(op, creds));
      expect(got.status).toBe(404);
    },
  );
});

describe('scopes', () => {
  it('a key without the operation’s scope is refused with 403 on its own practice', async () => {
    for (const op of protectedOps.filter((candidate) => candidate.scope)) {
      const scopes = ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'].filter(
        (s) => s !== op.scope,
      );
      const key = await issueKey(h, own.ods, { type: 'api', scopes });
      const creds = { admin: ADMIN_KEY, apiKey: key.key, reportKey: own.reportKey, origin: own.origin };
      const got = await call(op, targetOf(own), authHeaders(op, creds));
      expect(got.status, op.id).toBe(403);
    }
  });
});

describe('rate limits', () => {
  it('report filing and classification answer 429 with Retry-After once the burst is spent', async () => {
    let now = Date.parse('2026-11-25T10:00:00Z');
    const limited = createHarness({ clock: () => new Date(now) });
    try {
      const p = await seedPractice(limited, 'Y90033', 0);
      const file = () =>
        limited.request(`/v1/practices/${p.ods}/reports`, {
          method: 'POST',
          headers: { 'x-report-key': p.reportKey, origin: p.origin },
          json: reportBody(),
        });
      const statuses: number[] = [];
      for (let i = 0; i < DEFAULT_RATE_LIMITS.reports.burst + 5; i++) statuses.push((await file()).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(DEFAULT_RATE_LIMITS.reports.burst);
      const refused = await file();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      // After Retry-After seconds the key may file again.
      now += Number(refused.headers.get('retry-after')) * 1000;
      expect((await file()).status).toBe(201);

      const classify = () =>
        limited.request('/v1/classify', {
          method: 'POST',
          headers: bearer(p.apiKey),
          json: { text: 'hello' },
        });
      const classified: number[] = [];
      for (let i = 0; i < DEFAULT_RATE_LIMITS.classify.burst + 5; i++)
        classified.push((await classify()).status);
      expect(classified.filter((s) => s === 200)).toHaveLength(DEFAULT_RATE_LIMITS.classify.burst);
      const last = await classify();
      expect(last.status).toBe(429);
      expect(last.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    } finally {
      limited.close();
    }
  });
});
