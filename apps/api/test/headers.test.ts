// Response headers that keep patient data out of caches and pages out of frames (issue 9, item 7):
// every operation that answers with a practice's records says `Cache-Control: no-store`, errors too;
// /docs and /demo carry a CSP with frame-ancestors, Referrer-Policy and X-Frame-Options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  createHarness,
  type Harness,
  NO_RATE_LIMITS,
  type PracticeFixture,
  seedPractice,
} from '../src/test-support/harness.js';
import { authHeaders, OPERATIONS, toInit } from './operations.js';

let h: Harness;
let practice: PracticeFixture;

beforeAll(async () => {
  h = createHarness({
    rateLimits: NO_RATE_LIMITS,
    demo: { ods: 'Y90001', reportKey: 'rk_headers_test_demo_key_000000000' },
  });
  practice = await seedPractice(h, 'Y90044', 2);
}, 60_000);
afterAll(() => h?.close());

describe('Cache-Control on responses that hold patient data', () => {
  // The public config is cacheable by design (no personal data); key admin (admin key) is not records.
  const patientData = OPERATIONS.filter(
    (op) => op.tenant && op.auth !== 'admin' && !op.id.endsWith('/public'),
  );

  it('covers incidents, events, evidence, reports, classify, summaries and audit', () => {
    const ids = patientData.map((op) => op.id).join('\n');
    for (const what of ['/incidents', '/events', '/evidence', '/reports', '/classify', '/summary', '/audit'])
      expect(ids).toContain(what);
  });

  for (const op of patientData)
    it(`${op.id}: no-store on the answer and on its refusal`, async () => {
      const spec = op.build({ ods: practice.ods, ids: practice });
      const creds = {
        admin: ADMIN_KEY,
        apiKey: practice.apiKey,
        reportKey: practice.reportKey,
        origin: practice.origin,
      };
      const { path, ...init } = toInit(spec, authHeaders(op, creds));
      const answer = await h.app.request(path, init);
      expect(answer.status, await answer.clone().text()).toBeLessThan(300);
      expect(answer.headers.get('cache-control')).toMatch(/no-store/);
      const refused = await h.app.request(path, { ...toInit(spec), method: spec.method });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.headers.get('cache-control')).toMatch(/no-store/);
    });
});

describe('page headers', () => {
  for (const path of ['/docs', '/demo', '/demo/strict'])
    it(`${path}: CSP with frame-ancestors, no unhashed inline script; Referrer-Policy; X-Frame-Options`, async () => {
      const res = await h.app.request(path);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/script-src /);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).not.toMatch(/'unsafe-eval'/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Every inline script's hash is in the policy.
      const html = await res.text();
      for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const { createHash } = await import('node:crypto');
        const hash = createHash('sha256')
          .update(match[1] ?? '')
          .digest('base64');
        expect(csp).toContain(`'sha256-${hash}'`);
      }
    });
});

describe('the demo is mounted only when it is on', () => {
  it('answers 404 at /demo on an app without the demo', async () => {
    const plain = createHarness({ rateLimits: NO_RATE_LIMITS });
    try {
      for (const path of ['/demo', '/demo/strict', '/demo/demo.css'])
        expect((await plain.app.request(path)).status, path).toBe(404);
    } finally {
      plain.close();
    }
  });
});
