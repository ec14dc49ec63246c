// /docs in Debian's Chromium against the real server on loopback: the reference renders the API's
// operations, and Scalar's hosted extras ("Ask AI", "Generate MCP", "Deploy") are not shown. (On
// a localhost page Scalar shows all three unless they are switched off.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server.js';

describe('/docs in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'policy-docs-'));
    [server, browser] = await Promise.all([
      startServer({
        port: 0,
        hostname: '127.0.0.1',
        databasePath: join(dataDir, 'docs.sqlite'),
        log: () => {},
      }),
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the reference without Ask AI, Generate MCP or Deploy, and loads nothing from elsewhere', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = `http://localhost:${server.port}`;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
        elsewhere.push(url);
    });
    await page.goto(`${origin}/docs`);
    // The reference is drawn once an operation's title is on the page.
    const firstOperation = 'The practice’s public configuration for the widgets';
    await page.getByText(firstOperation, { exact: false }).first().waitFor({ timeout: 60_000 });
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text).toContain('Classification');
    for (const label of ['Ask AI', 'Generate MCP', 'Deploy', 'Developer Tools'])
      expect(await page.getByText(label, { exact: false }).count(), label).toBe(0);
    expect(elsewhere).toEqual([]);
    await context.close();
  }, 120_000);
});
