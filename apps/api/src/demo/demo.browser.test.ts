// The demo pages in Debian's Chromium against the real API server (temporary SQLite file, demo
// practice seeded): the widgets load from the API as a practice embeds them, render the seeded
// practice, pass axe, set no cookies, contact no other origin, and under /demo/strict's CSP and
// hostile host CSS cause no CSP violations and keep their own look.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '@policy/test-support/chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ODS } from '../seed/demo.js';
import { type RunningServer, startServer } from '../server.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const COMPONENTS = ['policy-conduct-banner', 'policy-complaint-redirect', 'policy-report-form'];

async function axe(page: Page, include?: string, exclude?: string): Promise<string[]> {
  if (!(await page.evaluate("'axe' in globalThis"))) await page.evaluate(`${axeSource}\n;undefined`);
  const context = include
    ? JSON.stringify({ include: [include], exclude: exclude ? [exclude] : [] })
    : 'document';
  return page.evaluate(`(async () => {
    const result = await axe.run(${context}, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} } });
    return result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(' '));
  })()`) as Promise<string[]>;
}

describe('demo pages in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'policy-demo-'));
    [server, browser] = await Promise.all([
      startServer({
        port: 0,
        hostname: '127.0.0.1',
        databasePath: join(dataDir, 'demo.sqlite'),
        demo: true,
        log: () => {},
      }),
      launchBrowser(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(path: string) {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      reducedMotion: 'reduce',
    });
    // Browser-side code is written as strings: this package type-checks without the DOM library.
    await context.addInitScript({
      content: `
        globalThis.__csp = []; globalThis.__cls = 0;
        document.addEventListener('securitypolicyviolation', (e) => globalThis.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });`,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).origin));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url.replace('localhost', '127.0.0.1')}${path}`);
    await page.locator('policy-complaint-redirect').first().getByRole('radio').first().waitFor();
    await page.locator('policy-report-form').getByRole('button').last().waitFor();
    const probe = () =>
      page.evaluate(`(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return { __csp: globalThis.__csp, __cls: globalThis.__cls };
      })()`) as Promise<{ __csp: string[]; __cls: number }>;
    return { context, page, requests, errors, probe };
  }

  it('/demo: the seeded practice in all three widgets, axe clean page-wide, CLS 0, no cookies, one origin', async () => {
    const { context, page, requests, errors, probe } = await open('/demo');
    try {
      const banner = page.locator('policy-conduct-banner');
      await banner.getByRole('button', { name: 'Show our code of conduct' }).click();
      expect(await banner.getByRole('listitem').count()).toBeGreaterThan(3);
      const guide = page.locator('policy-complaint-redirect').first();
      await guide.getByRole('radio', { name: 'Make a complaint' }).check();
      await guide.getByRole('button', { name: 'Show me how' }).click();
      expect(
        await guide.getByRole('link', { name: 'complaints@riversidegreen-surgery.example' }).count(),
      ).toBe(1);
      expect(await axe(page)).toEqual([]);
      const { __csp, __cls } = await probe();
      expect(__cls).toBe(0);
      expect(__csp).toEqual([]);
      expect(errors).toEqual([]);
      expect(new Set(requests)).toEqual(new Set([new URL(page.url()).origin]));
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate('localStorage.length')).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('/demo/strict: no CSP violations, components keep their look and pass axe despite hostile host CSS', async () => {
    const { context, page, errors, probe } = await open(`/demo/strict?banner=bottom`);
    try {
      const guide = page.locator('policy-complaint-redirect').first();
      await guide.getByRole('radio', { name: 'Get medical help now' }).check();
      await guide.getByRole('button', { name: 'Show me how' }).click();
      await page.locator('policy-conduct-banner').getByRole('button', { name: /Show/ }).click();
      const look = (await page.evaluate(`(() => {
        const guide = document.querySelector('policy-complaint-redirect').shadowRoot.querySelector('[part=guide]');
        const style = getComputedStyle(guide);
        return { font: style.fontFamily, lineHeight: style.lineHeight, transform: style.textTransform };
      })()`)) as { font: string; lineHeight: string; transform: string };
      expect(look.font).toContain('Arial');
      expect(look.lineHeight).toBe('24px');
      expect(look.transform).toBe('none');
      const position = await page.evaluate(
        "getComputedStyle(document.querySelector('policy-conduct-banner').shadowRoot.querySelector('[part=banner]')).position",
      );
      expect(position).toBe('fixed');
      for (const component of COMPONENTS) {
        // The host page's own hostile colours fail contrast; the components (and their shadow
        // content) are what must pass. Slotted host links are host content, so excluded.
        expect(await axe(page, component, `${component} > a`), component).toEqual([]);
      }
      const { __csp } = await probe();
      expect(__csp).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.locator(`policy-complaint-redirect[practice="${DEMO_ODS}"]`).count()).toBe(2);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('/demo asked for with a hostile Host header: the page it answers runs no injected script', async () => {
    const origin = server.url.replace('localhost', '127.0.0.1');
    const { port } = new URL(origin);
    // The page exactly as the server answers a request whose Host breaks out of an attribute.
    const hostile = await new Promise<{ body: string; headers: Record<string, string> }>(
      (resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/demo', headers: { host: 'x"onerror="alert(document.domain)' } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
              body += chunk;
            });
            res.on('end', () =>
              resolve({
                body,
                headers: Object.fromEntries(
                  Object.entries(res.headers).map(([name, value]) => [name, String(value)]),
                ),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.route(`${origin}/demo`, (route) =>
        route.fulfill({ status: 200, headers: hostile.headers, body: hostile.body }),
      );
      await page.goto(`${origin}/demo`);
      await page.locator('policy-report-form').getByRole('button').last().waitFor();
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate('document.querySelectorAll("[onerror]").length')).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('/docs: Scalar renders the API reference under its CSP with no violations and no other origin', async () => {
    const context = await browser.newContext();
    try {
      await context.addInitScript({
        content: `globalThis.__csp = [];
          document.addEventListener('securitypolicyviolation', (e) => globalThis.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
      });
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).origin));
      page.on('pageerror', (error) => errors.push(error.message));
      const origin = server.url.replace('localhost', '127.0.0.1');
      const response = await page.goto(`${origin}/docs`);
      expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      // The reference lists the operations once Scalar has loaded the document.
      await page
        .getByText('public configuration for the widgets', { exact: false })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      expect(await page.evaluate('globalThis.__csp')).toEqual([]);
      expect(errors).toEqual([]);
      expect(new Set(requests.filter((r) => r.startsWith('http')))).toEqual(new Set([origin]));
    } finally {
      await context.close();
    }
  }, 90_000);
});
