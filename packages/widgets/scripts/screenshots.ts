// `npm run screenshots -w @policy/widgets`: PNGs of each component (and, with DEMO_URL set, the
// demo practice page) into docs/screenshots/. Builds the bundle, serves it on loopback with the
// fixture practice's configuration inline, and drives Debian's Chromium.
//   DEMO_URL=http://localhost:8787/demo npm run screenshots -w @policy/widgets
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test-support/browser.js';
import { buildBundle } from '../test-support/build-bundle.js';
import { fixtureConfig } from '../test-support/fixtures.js';
import { attr, startTestServer, type TestServer, testPage } from '../test-support/server.js';

const outDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

// A quiet NHS-style page around the component, so shots show it in context.
const PAGE_CSS = `
body { margin: 0; background: #f0f4f5; font-family: Arial, sans-serif; color: #212b32; }
main { max-width: 760px; margin: 0 auto; padding: 24px; }
.filler { background: #fff; border: 1px solid #d8dde0; padding: 16px 24px; margin-top: 16px; }
.filler h2 { margin: 0 0 8px; font-size: 20px; }
.filler p { margin: 0; }
.shot { padding: 16px; }
`;
const FILLER = `<div class="filler"><h2>Opening hours</h2><p>Monday to Friday, 8am to 6:30pm. Closed at weekends: use NHS 111.</p></div>
<div class="filler"><h2>News</h2><p>Flu and COVID-19 vaccine clinics run on Saturday mornings in October.</p></div>`;

async function shoot(
  browser: Browser,
  server: TestServer,
  name: string,
  body: string,
  act: (page: Page) => Promise<void> = async () => {},
  options: { selector?: string; fullPage?: boolean; lang?: string; width?: number; height?: number } = {},
) {
  const url = testPage(server, `/shot-${name}`, {
    body,
    css: PAGE_CSS,
    lang: options.lang,
    blockingRender: true,
  });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 800, height: options.height ?? 600 },
    deviceScaleFactor: 2,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await act(page);
  await page.waitForTimeout(150);
  const file = join(outDir, `${name}.png`);
  if (options.selector) await page.locator(options.selector).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  await context.close();
  console.log(`wrote docs/screenshots/${name}.png`);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const bundleDir = mkdtempSync(join(tmpdir(), 'policy-widgets-shots-'));
  await buildBundle(bundleDir);
  const [browser, server] = await Promise.all([launchBrowser(), startTestServer(bundleDir)]);
  const config = attr(fixtureConfig());
  const welsh = attr(fixtureConfig({ locale: 'cy' }));
  const inShot = (html: string) => `<div class="shot">${html}</div>`;
  try {
    await shoot(
      browser,
      server,
      'conduct-banner-inline',
      inShot(`<policy-conduct-banner config="${config}"></policy-conduct-banner>`),
      undefined,
      {
        selector: '.shot',
      },
    );
    await shoot(
      browser,
      server,
      'conduct-banner-expanded',
      inShot(`<policy-conduct-banner config="${config}"></policy-conduct-banner>`),
      (page) => page.getByRole('button', { name: 'Show our code of conduct' }).click(),
      { selector: '.shot' },
    );
    await shoot(
      browser,
      server,
      'conduct-banner-welsh',
      inShot(`<policy-conduct-banner config="${welsh}"></policy-conduct-banner>`),
      (page) => page.getByRole('button', { name: 'Dangos ein cod ymddygiad' }).click(),
      { selector: '.shot', lang: 'cy' },
    );
    await shoot(
      browser,
      server,
      'conduct-banner-bottom-bar',
      `<h1>Meadowbank Surgery</h1>${FILLER}${FILLER}<policy-conduct-banner variant="bottom" config="${config}"></policy-conduct-banner>`,
      undefined,
      { width: 1000, height: 520 },
    );
    const guide = `<policy-complaint-redirect config="${config}"></policy-complaint-redirect>`;
    await shoot(browser, server, 'complaint-redirect', inShot(guide), undefined, { selector: '.shot' });
    const choose = (label: string) => async (page: Page) => {
      await page.getByRole('radio', { name: label }).check();
      await page.getByRole('button', { name: 'Show me how' }).click();
    };
    await shoot(browser, server, 'complaint-redirect-complaint', inShot(guide), choose('Make a complaint'), {
      selector: '.shot',
    });
    await shoot(browser, server, 'complaint-redirect-urgent', inShot(guide), choose('Get medical help now'), {
      selector: '.shot',
    });
    await shoot(
      browser,
      server,
      'complaint-redirect-keyboard-focus',
      inShot(guide),
      async (page) => {
        for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown');
      },
      { selector: '.shot' },
    );
    await shoot(
      browser,
      server,
      'complaint-redirect-interstitial',
      inShot(
        `<p>Follow us for surgery news:</p><policy-complaint-redirect config="${config}"><a href="https://www.facebook.com/MeadowbankSurgery">Meadowbank Surgery on Facebook</a></policy-complaint-redirect>`,
      ),
      (page) => page.getByRole('link', { name: 'Meadowbank Surgery on Facebook' }).click(),
      { selector: '.shot' },
    );
    await shoot(
      browser,
      server,
      'complaint-redirect-welsh',
      inShot(`<policy-complaint-redirect lang="cy" config="${config}"></policy-complaint-redirect>`),
      async (page) => {
        await page.getByRole('radio', { name: 'Gwneud cwyn' }).check();
        await page.getByRole('button', { name: 'Dangos sut' }).click();
      },
      { selector: '.shot', lang: 'cy' },
    );

    const demoUrl = process.env.DEMO_URL;
    if (demoUrl) {
      for (const [name, url] of [
        ['demo-page', demoUrl],
        ['demo-strict', `${demoUrl.replace(/\/$/, '')}/strict`],
      ] as const) {
        const context = await browser.newContext({
          viewport: { width: 1200, height: 900 },
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: name === 'demo-page' });
        await context.close();
        console.log(`wrote docs/screenshots/${name}.png`);
      }
    } else {
      console.log('DEMO_URL not set: skipped the demo page screenshots.');
    }
  } finally {
    await Promise.all([browser.close(), server.close()]);
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

await main();
