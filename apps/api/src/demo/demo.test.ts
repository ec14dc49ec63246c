import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWidgetBundle } from '../assets/bundle.js';
import { createDemo, STRICT_CSP } from './demo.index.js';

// The demo pages over a real loopback server: embedded exactly as a practice would, nothing inline.
describe('demo practice pages', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const demo = createDemo({ ods: 'Y90001', reportKey: 'rk_demo_key' });
    server = serve({ fetch: demo.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('embeds the three components with the one SRI-pinned script tag a practice would paste', async () => {
    const response = await fetch(`${origin}/demo`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const bundle = loadWidgetBundle();
    expect(html).toContain(
      `<script blocking="render" type="module" src="/widgets/policy-widgets.${bundle.hash}.js" integrity="${bundle.integrity}" crossorigin="anonymous"></script>`,
    );
    expect(html).toMatch(/<policy-conduct-banner practice="Y90001" variant="inline">/);
    expect(html).toMatch(/<policy-complaint-redirect practice="Y90001">/);
    expect(html).toMatch(/<policy-report-form practice="Y90001" report-key="rk_demo_key">/);
    // The social media link is wrapped as an interstitial.
    expect(html).toMatch(
      /<policy-complaint-redirect practice="Y90001"><a href="https:\/\/www\.facebook\.example/,
    );
  });

  it('puts nothing from the Host header into the page (a relative script src)', async () => {
    const { port } = new URL(origin);
    const hostile = 'x"onerror="alert(document.domain)';
    const html = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/demo', headers: { host: hostile } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    expect(html).toContain('<policy-report-form');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('document.domain');
  });

  it('serves /demo/strict under a strict CSP, with no inline script or style for it to block', async () => {
    const response = await fetch(`${origin}/demo/strict?banner=bottom`);
    expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect(STRICT_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await response.text();
    expect(html).toContain('<link rel="stylesheet" href="/demo/hostile.css">');
    expect(html).toMatch(/variant="bottom"/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is external
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i); // no inline style or handlers
    for (const path of ['/demo/demo.css', '/demo/hostile.css']) {
      const css = await fetch(`${origin}${path}`);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    }
  });
});
