// <policy-conduct-banner> in real Chromium, loaded exactly as a practice embeds it.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeFocus, launchBrowser, openPage, type PageProbe, tabTo } from '../../test-support/browser.js';
import { FIXTURE_ODS, fixtureConfig } from '../../test-support/fixtures.js';
import { attr, startTestServer, type TestServer, testPage } from '../../test-support/server.js';

const FILLER = Array.from(
  { length: 6 },
  (_, i) => `<p id="filler-${i}">Opening hours, news and services text that sits below the banner.</p>`,
).join('\n');

describe('<policy-conduct-banner>', () => {
  let browser: Browser;
  let server: TestServer;
  let pageCount = 0;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer(inject('bundleDir'))]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  /** A fresh page path per test so each test's page and served config are its own. */
  const page = (body: string, options: { lang?: string; css?: string; blockingRender?: boolean } = {}) =>
    testPage(server, `/banner-${++pageCount}`, { body, ...options });

  async function withPage<T>(fn: (probe: PageProbe) => Promise<T>, options = {}): Promise<T> {
    const probe = await openPage(browser, options);
    try {
      return await fn(probe);
    } finally {
      await probe.close();
    }
  }

  const expectNoAxeViolations = async (probe: PageProbe) => {
    const violations = await axeViolations(probe.page);
    expect(violations).toEqual([]);
  };

  it('appears from the API with no layout shift, expands to the clauses, and passes axe in each state', async () => {
    server.setPracticeConfig(FIXTURE_ODS, fixtureConfig(), { delayMs: 400 });
    // The documented embed for an inline banner: the script tag with blocking="render", so the card
    // is laid out before first paint; the practice's data arrives 400 ms later and must move nothing.
    const url = page(
      `<h1>Meadowbank Surgery</h1>
<policy-conduct-banner practice="${FIXTURE_ODS}"></policy-conduct-banner>
${FILLER}`,
      { blockingRender: true },
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const banner = probe.page.locator('policy-conduct-banner');
      // The notice shows at once, before the practice's data arrives (400 ms later).
      expect(await banner.getByRole('heading', { name: 'Our code of conduct' }).isVisible()).toBe(true);
      expect(await probe.waitForEvents('policy-config-ready')).toEqual([
        { ods: FIXTURE_ODS, locale: 'en-GB' },
      ]);
      expect(await probe.layoutShift()).toBe(0);
      await expectNoAxeViolations(probe);

      const toggle = banner.getByRole('button', { name: 'Show our code of conduct' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(
        await banner.getByRole('button', { name: 'Hide our code of conduct' }).getAttribute('aria-expanded'),
      ).toBe('true');
      const clauses = await banner.getByRole('listitem').allTextContents();
      expect(clauses).toEqual(fixtureConfig().conduct.map((clause) => clause.text['en-GB']));
      expect(
        await banner
          .getByRole('link', { name: 'Read the full social media and conduct policy' })
          .getAttribute('href'),
      ).toBe(fixtureConfig().policy.url);
      expect(await banner.locator('[part=reviewed]').textContent()).toBe('Last reviewed 2 March 2026');
      await expectNoAxeViolations(probe);

      const origins = new Set(probe.requests.map((request) => new URL(request).origin));
      expect([...origins]).toEqual([server.origin]);
      expect(await probe.context.cookies()).toEqual([]);
      expect(await probe.cspViolations()).toEqual([]);
      expect(probe.errors).toEqual([]);
    });
  });

  it('shows web addresses in clauses as links (http and https only) and never config text as markup', async () => {
    const hostile = '<img src=x onerror="document.title=\'owned\'"><b>bold</b>';
    const clauses = [
      {
        id: 'reviews',
        text: {
          'en-GB':
            'Leave a review on https://www.nhs.uk/services/gp-surgery/meadowbank/Y01234/leave-a-review.',
          cy: 'Gadewch adolygiad ar https://www.nhs.uk/services/gp-surgery/meadowbank/Y01234/leave-a-review.',
        },
      },
      {
        id: 'hostile',
        text: {
          'en-GB': `Not links: javascript:alert(1) data:text/html,hi ftp://files.example/x ${hostile}`,
          cy: `Not links: javascript:alert(1) ${hostile}`,
        },
      },
    ];
    const config = fixtureConfig({ conduct: clauses as ReturnType<typeof fixtureConfig>['conduct'] });
    const url = page(`<policy-conduct-banner config="${attr(config)}"></policy-conduct-banner>`);
    await withPage(
      async (probe) => {
        await probe.page.goto(url);
        const banner = probe.page.locator('policy-conduct-banner');
        await banner.getByRole('button', { name: 'Show our code of conduct' }).click();
        const items = banner.locator('[part=clause]');
        await items.first().waitFor();
        const link = items.nth(0).getByRole('link');
        expect(await link.count()).toBe(1);
        // The sentence's full stop is not part of the address.
        expect(await link.getAttribute('href')).toBe(
          'https://www.nhs.uk/services/gp-surgery/meadowbank/Y01234/leave-a-review',
        );
        expect(await items.nth(0).textContent()).toBe(clauses[0]?.text['en-GB']);
        expect(await items.nth(1).getByRole('link').count()).toBe(0);
        expect(await items.nth(1).locator('img, b').count()).toBe(0);
        expect(await items.nth(1).textContent()).toBe(clauses[1]?.text['en-GB']);
        expect(await probe.page.title()).not.toBe('owned');
        // At 320 px the long address wraps inside the card instead of pushing the page sideways.
        expect(await probe.page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
        await expectNoAxeViolations(probe);
      },
      { viewport: { width: 320, height: 700 } },
    );
  });

  it('can be used with the keyboard alone, and a dismissal is remembered per policy version', async () => {
    server.setPracticeConfig(FIXTURE_ODS, fixtureConfig());
    const url = page(`<h1>Home</h1><a href="#top">Skip</a>
<policy-conduct-banner practice="${FIXTURE_ODS}"></policy-conduct-banner>${FILLER}`);
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const banner = probe.page.locator('policy-conduct-banner');
      await banner.getByRole('heading').waitFor();
      await tabTo(probe.page, (focus) => focus.includes('Show our code of conduct'));
      await probe.page.keyboard.press('Enter');
      await banner.getByRole('listitem').first().waitFor();
      expect(await describeFocus(probe.page)).toContain('Hide our code of conduct');
      await probe.page.keyboard.press('Tab');
      expect(await describeFocus(probe.page)).toBe('button Dismiss');
      expect(await banner.getByRole('button', { name: 'Dismiss this notice' }).count()).toBe(1);
      await probe.page.keyboard.press('Enter');
      await banner.locator('[part=banner]').waitFor({ state: 'detached' });
      expect(await banner.getByRole('status').textContent()).toBe('Code of conduct notice dismissed.');
      expect(
        await probe.page.evaluate(
          (ods) => localStorage.getItem(`policy-widgets:conduct-banner:${ods}`),
          FIXTURE_ODS,
        ),
      ).toBe('3');
      await expectNoAxeViolations(probe);

      // Same version: stays dismissed after a reload.
      await probe.page.reload();
      await probe.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      expect(await banner.locator('[part=banner]').count()).toBe(0);

      // A new policy version shows again.
      server.setPracticeConfig(
        FIXTURE_ODS,
        fixtureConfig({ policy: { ...fixtureConfig().policy, version: '4' } }),
      );
      await probe.page.reload();
      await banner.locator('[part=banner]').waitFor();
      expect(await probe.context.cookies()).toEqual([]);
    });
  });

  it('renders proper Welsh: from the practice locale, or the lang attribute, which overrides it', async () => {
    const welshPractice = fixtureConfig({ locale: 'cy' });
    const url = page(`<h1>Meddygfa</h1>
<policy-conduct-banner id="practice-cy" config="${attr(welshPractice)}"></policy-conduct-banner>
<policy-conduct-banner id="attr-cy" lang="cy" config="${attr(fixtureConfig())}"></policy-conduct-banner>
<policy-conduct-banner id="attr-en" lang="en-GB" config="${attr(welshPractice)}"></policy-conduct-banner>`);
    await withPage(async (probe) => {
      await probe.page.goto(url);
      for (const id of ['practice-cy', 'attr-cy']) {
        const banner = probe.page.locator(`#${id}`);
        expect(await banner.getByRole('heading').textContent()).toBe('Ein cod ymddygiad');
        expect(await banner.locator('[part=banner]').getAttribute('lang')).toBe('cy');
        await banner.getByRole('button', { name: 'Dangos ein cod ymddygiad' }).click();
        expect(await banner.getByRole('listitem').first().textContent()).toBe(
          welshPractice.conduct[0]?.text.cy,
        );
        expect(await banner.locator('[part=reviewed]').textContent()).toBe(
          'Adolygwyd ddiwethaf ar 2 Mawrth 2026',
        );
        expect(await banner.getByRole('button', { name: 'Cau’r hysbysiad hwn' }).count()).toBe(1);
      }
      expect(await probe.page.locator('#attr-en').getByRole('heading').textContent()).toBe(
        'Our code of conduct',
      );
      await expectNoAxeViolations(probe);
    });
  });

  it('says it is loading while the practice details are on their way, accessibly', async () => {
    server.set('/v1/practices/Y05555/public', {
      body: JSON.stringify(fixtureConfig({ ods: 'Y05555' })),
      type: 'application/json',
      delayMs: 3000,
    });
    const url = page(`<h1>Home</h1><policy-conduct-banner practice="Y05555"></policy-conduct-banner>`);
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const banner = probe.page.locator('policy-conduct-banner');
      await banner.getByRole('button', { name: 'Show our code of conduct' }).click();
      expect(await banner.getByRole('status').textContent()).toBe('Loading the code of conduct…');
      await expectNoAxeViolations(probe);
      await banner.getByRole('listitem').first().waitFor({ timeout: 10_000 });
      expect(await banner.getByRole('status').count()).toBe(0);
    });
  });

  it('shows top and bottom bars as fixed overlays that never shift the page', async () => {
    server.setPracticeConfig(FIXTURE_ODS, fixtureConfig(), { delayMs: 300 });
    const url = page(`<h1>Home</h1>
<policy-conduct-banner variant="top" practice="${FIXTURE_ODS}"></policy-conduct-banner>
<policy-conduct-banner variant="bottom" practice="${FIXTURE_ODS}"></policy-conduct-banner>${FILLER}`);
    const before = server.hits.filter((hit) => hit === `/v1/practices/${FIXTURE_ODS}/public`).length;
    await withPage(async (probe) => {
      await probe.page.goto(url);
      await probe.waitForEvents('policy-config-ready', 2);
      // Two components, one practice: one request.
      expect(server.hits.filter((hit) => hit === `/v1/practices/${FIXTURE_ODS}/public`).length - before).toBe(
        1,
      );
      const positions = await probe.page.$$eval('policy-conduct-banner', (banners) =>
        banners.map((banner) => {
          const part = banner.shadowRoot?.querySelector('[part=banner]') as HTMLElement;
          const box = part.getBoundingClientRect();
          return { position: getComputedStyle(part).position, top: box.top, bottom: Math.round(box.bottom) };
        }),
      );
      expect(positions[0]).toMatchObject({ position: 'fixed', top: 0 });
      expect(positions[1]).toMatchObject({ position: 'fixed', bottom: 768 });
      expect(await probe.layoutShift()).toBe(0);
      await probe.page
        .locator('policy-conduct-banner[variant=bottom]')
        .getByRole('button', { name: /Show/ })
        .click();
      await expectNoAxeViolations(probe);
    });
  });

  it('takes its data as a property too, and follows a change of practice', async () => {
    const other = fixtureConfig({ ods: 'Y07777', name: 'Hillside Practice', locale: 'cy' });
    const url = page(`<h1>Home</h1><policy-conduct-banner id="prop"></policy-conduct-banner>`);
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const banner = probe.page.locator('#prop');
      expect(await banner.locator('[part=banner]').count()).toBe(1); // static notice, nothing to load
      await banner.evaluate((element, config) => {
        (element as HTMLElement & { config: unknown }).config = config;
      }, fixtureConfig());
      await banner.getByRole('button', { name: 'Show our code of conduct' }).click();
      expect(await banner.getByRole('paragraph').filter({ hasText: 'Meadowbank Surgery' }).count()).toBe(1);
      await banner.evaluate((element, config) => {
        (element as HTMLElement & { config: unknown }).config = config;
      }, other);
      expect(await banner.getByRole('paragraph').filter({ hasText: 'Hillside Practice' }).count()).toBe(1);
      expect(await banner.getByRole('heading').textContent()).toBe('Ein cod ymddygiad');
    });
  });

  it('measures layout shift for real: content that grows after load is caught', async () => {
    // The same probe on a page whose own script inserts a block above content after a delay.
    server.set(`/grow.js`, {
      type: 'text/javascript',
      body: `setTimeout(() => { const p = document.createElement('p'); p.textContent = 'Late news'; p.style.height = '120px'; document.querySelector('main').prepend(p); }, 300);`,
    });
    const url = page(`<h1>Home</h1>${FILLER}<script src="/grow.js"></script>`);
    await withPage(async (probe) => {
      await probe.page.goto(url);
      await probe.page.waitForTimeout(600);
      expect(await probe.layoutShift()).toBeGreaterThan(0);
    });
  });

  it('never runs configuration text as markup, drops unsafe links, and reports bad data accessibly', async () => {
    const hostile = fixtureConfig({
      policy: { url: 'javascript:alert(1)', lastReviewed: '2026-03-02', version: '3' },
      conduct: [
        {
          id: 'zero_tolerance',
          text: { 'en-GB': '<img src=x onerror="window.pwned=1">Be kind', cy: '<b>cy</b>' },
        },
      ],
    });
    const url = page(`<h1>Home</h1>
<policy-conduct-banner id="hostile" config="${attr(hostile)}"></policy-conduct-banner>
<policy-conduct-banner id="broken" config="{not json"></policy-conduct-banner>
<policy-conduct-banner id="missing" practice="Z99999"></policy-conduct-banner>`);
    server.set('/v1/practices/Z99999/public', { status: 404, body: '{}', type: 'application/problem+json' });
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const errors = (await probe.waitForEvents('policy-config-error', 2)) as { error: { code: string } }[];
      expect(errors.map((detail) => detail.error.code).sort()).toEqual(['invalid_config', 'not_found']);
      const banner = probe.page.locator('#hostile');
      await banner.getByRole('button', { name: /Show/ }).click();
      expect(await banner.getByRole('listitem').textContent()).toBe(
        '<img src=x onerror="window.pwned=1">Be kind',
      );
      expect(await banner.locator('img').count()).toBe(0);
      expect(await banner.getByRole('link').count()).toBe(0);
      expect(
        await probe.page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      ).toBeUndefined();

      const broken = probe.page.locator('#broken');
      await broken.getByRole('button', { name: /Show/ }).click();
      expect(await broken.getByRole('status').textContent()).toContain('could not be loaded');
      await expectNoAxeViolations(probe);
    });
  });
});
