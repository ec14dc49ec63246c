// The demo practice pages the API serves (`npm start`), in a real browser: /demo and /demo/strict
// (strict CSP, hostile host CSS) have no axe violations, no console errors, no CSP violations, set
// no cookies and contact nothing but the API; the report form on /demo/strict files a report.
// /demo is checked whole. /demo/strict's host page is deliberately styled by hostile CSS (to show
// the widgets are unaffected), so there axe looks at the three widgets only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@policy/api/server';
import { axeViolations } from '@policy/test-support/axe';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe } from './support/browser.js';
import { incidentsOf } from './support/db.js';
import { fillReport, form, formReady, reference, submitButton } from './support/form.js';

let browser: Browser;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-e2e-demo-'));
  [browser, server] = await Promise.all([
    launchBrowser(),
    startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(dir, 'demo.sqlite'),
      demo: true,
      log: () => {},
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('demo pages', () => {
  const WIDGETS = ['policy-conduct-banner', 'policy-complaint-redirect', 'policy-report-form'];
  for (const path of ['/demo', '/demo/strict', '/demo/strict?banner=bottom']) {
    it(`${path}: no axe violations, console errors, CSP violations, cookies or third-party requests`, async () => {
      const probe = await openProbe(browser);
      const { page } = probe;
      const contacted = new Set<string>();
      page.on('request', (request) => contacted.add(new URL(request.url()).origin));
      try {
        await page.goto(`${server.url}${path}`);
        await formReady(page);
        await page.locator('policy-conduct-banner').first().waitFor({ state: 'attached' });
        await page.waitForLoadState('networkidle');
        // The practice's own link wrapped by <policy-complaint-redirect> is host markup (light DOM),
        // styled by the hostile sheet on purpose; the widget's own rendering is in its shadow root.
        const hostLink = ['policy-complaint-redirect > a'];
        expect(await axeViolations(page, path === '/demo' ? undefined : WIDGETS, hostLink)).toEqual([]);
        expect(probe.errors).toEqual([]);
        expect(await probe.cspViolations()).toEqual([]);
        expect(await probe.context.cookies()).toEqual([]);
        expect([...contacted]).toEqual([server.url]);
      } finally {
        await probe.close();
      }
    });
  }

  // A newcomer's phone at 390 px scrolled sideways: the complaint email was wider than its card.
  // Every widget is opened to its widest state (the complaint route shown, the code of conduct
  // expanded) before the page's width is measured.
  for (const path of ['/demo', '/demo/strict']) {
    for (const width of [320, 390]) {
      it(`${path} at ${width} px: no horizontal scroll with every widget opened`, async () => {
        const probe = await openProbe(browser, { viewport: { width, height: 800 } });
        const { page } = probe;
        try {
          await page.goto(`${server.url}${path}`);
          await formReady(page);
          await page.waitForLoadState('networkidle');
          let guidesOpened = 0;
          for (const guide of await page.locator('policy-complaint-redirect').all()) {
            // The interstitial around the practice's Facebook link shows its choices only when used.
            if (!(await guide.getByLabel('Make a complaint').isVisible())) continue;
            guidesOpened += 1;
            await guide.getByLabel('Make a complaint').check();
            await guide.getByRole('button', { name: 'Show me how' }).click();
            await guide.locator('[part="answer"]').waitFor();
          }
          for (const banner of await page.locator('policy-conduct-banner').all()) {
            const toggle = banner.getByRole('button', { name: 'Show our code of conduct' });
            if (await toggle.isVisible()) {
              await toggle.click();
              await banner.locator('[part="clause"]').first().waitFor();
            }
          }
          const { scrollWidth, clientWidth, wider } = (await page.evaluate(`(() => {
            const limit = document.documentElement.clientWidth;
            const wider = [];
            const walk = (root) => {
              for (const el of root.querySelectorAll('*')) {
                if (el.getBoundingClientRect().right > limit + 0.5)
                  wider.push(el.tagName.toLowerCase() + ' ' + (el.textContent || '').trim().slice(0, 40));
                if (el.shadowRoot) walk(el.shadowRoot);
              }
            };
            walk(document);
            return { scrollWidth: document.documentElement.scrollWidth, clientWidth: limit, wider };
          })()`)) as { scrollWidth: number; clientWidth: number; wider: string[] };
          expect(guidesOpened).toBeGreaterThan(0);
          expect(clientWidth).toBe(width);
          expect({ scrollWidth, wider }).toEqual({ scrollWidth: width, wider: [] });
        } finally {
          await probe.close();
        }
      });
    }
  }

  it('/demo/strict: the report form files a report under the strict policy', async () => {
    const WIDGETS = ['policy-report-form'];
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(`${server.url}/demo/strict`);
      await formReady(page);
      await fillReport(page, { text: 'Strict-CSP demo: the receptionist is useless.' });
      await submitButton(page).click();
      const ref = await reference(page);
      const filed = incidentsOf(join(dir, 'demo.sqlite'), server.demoKeys?.ods ?? '');
      expect(filed.map((incident) => incident.reference)).toContain(ref);
      expect(await form(page).locator('[part="success"]').innerText()).toContain(ref);
      expect(await axeViolations(page, WIDGETS)).toEqual([]);
      expect(await probe.cspViolations()).toEqual([]);
      expect(probe.errors).toEqual([]);
    } finally {
      await probe.close();
    }
  });
});
