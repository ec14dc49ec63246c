import { TEMPLATE_IDS } from '@policy/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN, report } from '../test-support/harness.js';

describe('templates', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001', { complaints: { phone: '01632 960777' } });
  });
  afterEach(() => h.close());

  it('lists every template with its channel, purpose and locales', async () => {
    const res = await h.send('GET', '/v1/templates', { key: keys.apiKey });
    expect(res.status).toBe(200);
    expect(res.json.items.map((t: { id: string }) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    expect(res.json.items[0]).toEqual(
      expect.objectContaining({
        channel: expect.any(String),
        purpose: expect.any(String),
        locales: expect.any(Array),
      }),
    );
    expect((await h.send('GET', '/v1/templates')).status).toBe(401);
  });

  it('renders a public reply for an incident within the platform’s limit', async () => {
    const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report({ platform: 'x' }),
    });
    const res = await h.send('POST', '/v1/practices/Y90001/templates/complaint_redirect/render', {
      key: keys.apiKey,
      body: { incidentId: filed.json.id, platform: 'x' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'complaint_redirect', limit: 280, locale: 'en-GB' });
    expect(res.json.text.length).toBeGreaterThan(0);
    expect(res.json.fits).toBe(res.json.length <= 280);
  });

  it('renders in Welsh when asked', async () => {
    const res = await h.send('POST', '/v1/practices/Y90001/templates/complaint_invitation/render', {
      key: keys.apiKey,
      body: { locale: 'cy' },
    });
    expect(res.status).toBe(200);
    expect(res.json.locale).toBe('cy');
  });

  it('renders the monitoring summary for a period', async () => {
    const res = await h.send('POST', '/v1/practices/Y90001/templates/monitoring_summary/render', {
      key: keys.apiKey,
      body: { from: '2026-01-01T00:00:00Z', to: '2026-03-31T23:59:59Z' },
    });
    expect(res.status).toBe(200);
    expect(res.json.text.length).toBeGreaterThan(0);
  });

  it('an unknown incident is 404, an unknown template or field is 422', async () => {
    const missing = await h.send('POST', '/v1/practices/Y90001/templates/complaint_redirect/render', {
      key: keys.apiKey,
      body: { incidentId: 'nope' },
    });
    expect(missing.status).toBe(404);
    expect(
      (
        await h.send('POST', '/v1/practices/Y90001/templates/rude_reply/render', {
          key: keys.apiKey,
          body: {},
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await h.send('POST', '/v1/practices/Y90001/templates/complaint_redirect/render', {
          key: keys.apiKey,
          body: { text: 'my own words' },
        })
      ).status,
    ).toBe(422);
  });
});
