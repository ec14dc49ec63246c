// The harness itself: the built bundle loads under the strict CSP, axe runs, no cookies.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser.js';
import { startTestServer, type TestServer, testPage } from './server.js';

describe('browser test harness', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer(inject('bundleDir'))]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  it('loads the embed bundle under a strict CSP with no errors, cookies or CSP violations', async () => {
    const url = testPage(server, '/harness', { body: '<h1>Harness</h1><p>Plain page.</p>' });
    const probe = await openPage(browser);
    try {
      await probe.page.goto(url);
      await probe.page.waitForLoadState('networkidle');
      expect(probe.requests).toContain(`${server.origin}/widgets/policy-widgets.js`);
      expect(server.hits).toContain('/widgets/policy-widgets.js');
      expect(probe.errors).toEqual([]);
      expect(await probe.cspViolations()).toEqual([]);
      expect(await probe.context.cookies()).toEqual([]);
      expect(await axeViolations(probe.page)).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it('reports CSP violations when a page breaks the policy (so a clean result means something)', async () => {
    const url = testPage(server, '/harness-inline', { body: '<h1>Inline</h1><script>window.x = 1</script>' });
    const probe = await openPage(browser);
    try {
      await probe.page.goto(url);
      await probe.page.waitForLoadState('networkidle');
      expect((await probe.cspViolations()).join()).toContain('script-src');
    } finally {
      await probe.close();
    }
  });
});
