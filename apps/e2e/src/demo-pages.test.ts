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
