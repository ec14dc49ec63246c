import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN } from '../test-support/harness.js';

describe('POST /v1/classify', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness({ rateLimits: { classify: { burst: 2, perSecond: 0.5 } } });
    keys = await h.practice('Y90001', { staff: [{ name: 'Dr Imogen Castellano', role: 'GP' }] });
  });
  afterEach(() => h.close());

  it('classifies with an API key: categories with rule ids and spans, severity, actions, templates', async () => {
    const text = 'I am going to kill the receptionist when I see her.';
    const res = await h.send('POST', '/v1/classify', { key: keys.apiKey, body: { text } });
    expect(res.status).toBe(200);
    const threat = res.json.categories.find((c: { id: string }) => c.id === 'threat');
    expect(threat).toBeDefined();
    expect(threat.evidence[0].ruleId).toEqual(expect.any(String));
    const span = threat.evidence[0];
    expect(text.slice(span.start, span.end)).toBe(span.excerpt);
    expect(res.json.severity).toBe('critical');
    expect(res.json.recommendedActions.length).toBeGreaterThan(0);
  });

  it('lists each piece of evidence once: no span inside another in the same category', async () => {
    const text = 'I know what car she drives. I know where you live.';
    const res = await h.send('POST', '/v1/classify', { key: keys.apiKey, body: { text } });
    const threat = res.json.categories.find((c: { id: string }) => c.id === 'threat');
    expect(threat.evidence.map((e: { excerpt: string }) => e.excerpt)).toEqual([
      'I know what car she drives',
      'I know where you live',
    ]);
  });

  it('uses the practice’s staff roster when a practice is named', async () => {
    const text = 'Dr Castellano was so rude to me today';
    const withRoster = await h.send('POST', '/v1/classify', {
      key: keys.apiKey,
      body: { text, practice: 'Y90001' },
    });
    expect(withRoster.json.categories.map((c: { id: string }) => c.id)).toContain('identifies_staff');
  });

  it('a report key classifies for its own practice, from its origin only', async () => {
    const text = 'Dr Castellano was so rude to me today';
    const ok = await h.send('POST', '/v1/classify', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: { text },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.categories.map((c: { id: string }) => c.id)).toContain('identifies_staff');
    const foreign = await h.send('POST', '/v1/classify', {
      reportKey: keys.reportKey,
      origin: 'https://evil.example',
      body: { text },
    });
    expect(foreign.status).toBe(403);
  });

  it('another practice, or none of the key’s, is 404', async () => {
    await h.practice('Y90002');
    const res = await h.send('POST', '/v1/classify', {
      key: keys.apiKey,
      body: { text: 'hello', practice: 'Y90002' },
    });
    expect(res.status).toBe(404);
  });

  it('needs a key, a valid body, and is rate limited with Retry-After', async () => {
    expect((await h.send('POST', '/v1/classify', { body: { text: 'hello' } })).status).toBe(401);
    expect((await h.send('POST', '/v1/classify', { key: keys.apiKey, body: { text: '' } })).status).toBe(422);
    expect(
      (await h.send('POST', '/v1/classify', { key: keys.apiKey, body: { text: 'x', extra: 1 } })).status,
    ).toBe(422);
    // The limiter runs before body validation, so the refused bodies above spent tokens too.
    const results: number[] = [];
    for (let i = 0; i < 4; i++)
      results.push(
        (await h.send('POST', '/v1/classify', { key: keys.apiKey, body: { text: 'hello' } })).status,
      );
    expect(results).toContain(429);
    const limited = await h.send('POST', '/v1/classify', { key: keys.apiKey, body: { text: 'hello' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
  });
});
