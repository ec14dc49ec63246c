// <policy-complaint-redirect> in real Chromium: keyboard-only routes, interstitial, Welsh, errors.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeFocus, launchBrowser, openPage, type PageProbe, tabTo } from '../../test-support/browser.js';
import { FIXTURE_ODS, fixtureConfig } from '../../test-support/fixtures.js';
import { attr, startTestServer, type TestServer, testPage } from '../../test-support/server.js';

const HOSTILE_CSS = `
* { box-sizing: content-box !important; font-family: "Comic Sans MS", fantasy; line-height: 3.5; }
body { letter-spacing: 0.2em; text-transform: uppercase; font-size: 22px; color: #0a0; }
a { color: hotpink; } button { all: unset; }
`;

describe('<policy-complaint-redirect>', () => {
  let browser: Browser;
  let server: TestServer;
  let pageCount = 0;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer(inject('bundleDir'))]);
    server.setPracticeConfig(FIXTURE_ODS, fixtureConfig());
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  const page = (body: string, options: { lang?: string; css?: string } = {}) =>
    testPage(server, `/redirect-${++pageCount}`, { body, ...options });

  async function withPage<T>(fn: (probe: PageProbe) => Promise<T>): Promise<T> {
    const probe = await openPage(browser);
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

  const hrefs = (locator: Locator) =>
    locator.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

  it('routes a complaint with the keyboard alone: radios, button, focus on the answer, announced', async () => {
    const url = page(
      `<h1>Contact us</h1><policy-complaint-redirect practice="${FIXTURE_ODS}"></policy-complaint-redirect>`,
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const guide = probe.page.locator('policy-complaint-redirect');
      await probe.waitForEvents('policy-config-ready');
      expect(await guide.getByRole('heading', { level: 2 }).textContent()).toBe('Want to raise something?');
      // NHS 111 and 999 are there before anything is chosen.
      expect(await hrefs(guide.locator('[part=urgent-note]'))).toEqual([
        'https://111.nhs.uk/',
        'tel:111',
        'tel:999',
      ]);
      await expectNoAxeViolations(probe);

      await tabTo(probe.page, (focus) => focus.startsWith('input#choice-urgent'));
      await probe.page.keyboard.press('ArrowDown'); // radios: arrows move and select
      expect(await describeFocus(probe.page)).toMatch(/^input#choice-complaint/);
      await probe.page.keyboard.press('Tab');
      expect(await describeFocus(probe.page)).toContain('Show me how');
      await probe.page.keyboard.press('Enter');
      await guide.locator('[part=answer]').waitFor();
      expect(await describeFocus(probe.page)).toBe('h3#answer-heading Make a complaint');
      expect(await guide.getByRole('status').last().textContent()).toBe(
        'Make a complaint: the answer is shown below.',
      );
      expect(await probe.events()).toContainEqual({
        type: 'policy-redirect-choose',
        detail: { choice: 'complaint' },
      });

      const answer = guide.locator('[part=answer]');
      const text = (await answer.textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(text).toContain('within 12 months of what happened');
      expect(text).toContain('within 3 working days');
      expect(text).toContain('Parliamentary and Health Service Ombudsman');
      expect(text).toContain('NHS Northshire Integrated Care Board');
      const config = fixtureConfig();
      expect(await hrefs(answer)).toEqual([
        config.channels.complaints.procedureUrl,
        'mailto:complaints.meadowbank@nhs.example',
        'tel:01632960001',
        config.channels.complaints.leafletUrl,
        config.channels.icb.url,
        'mailto:complaints@northshire-icb.example',
        'tel:03005550123',
        'https://www.ombudsman.org.uk/',
        'tel:03450154033',
        new URL(config.complaintsRoute.advocacy.url).href,
        new URL(config.complaintsRoute.guidanceUrl).href,
      ]);
      await expectNoAxeViolations(probe);
      expect(await probe.context.cookies()).toEqual([]);
      expect(await probe.cspViolations()).toEqual([]);
      expect(probe.errors).toEqual([]);
      expect(new Set(probe.requests.map((request) => new URL(request).origin))).toEqual(
        new Set([server.origin]),
      );
    });
  });

  it('gives a Welsh practice Wales’s route, Putting Things Right and the health board, never the ICB, in both languages', async () => {
    const config = fixtureConfig(
      {},
      {
        nation: 'wales',
        icb: {
          name: 'Betsi Cadwaladr University Health Board',
          url: 'https://bcuhb.example/concerns',
          email: 'concerns@bcuhb.example',
        },
      },
    );
    const expected = {
      'en-GB': [
        'Or raise it with the health board instead',
        'You can raise your concern with Betsi Cadwaladr University Health Board instead of the practice.',
        'The practice will acknowledge your concern within 2 working days.',
        'Public Services Ombudsman for Wales',
        'Llais',
        'Putting Things Right',
      ],
      cy: [
        'Neu codwch y mater gyda’r bwrdd iechyd yn lle hynny',
        'Bydd y feddygfa’n cydnabod eich pryder o fewn 2 ddiwrnod gwaith.',
        'Ombwdsmon Gwasanaethau Cyhoeddus Cymru',
        'Gweithio i Wella',
      ],
    } as const;
    for (const lang of ['en-GB', 'cy'] as const) {
      const url = page(
        `<policy-complaint-redirect lang="${lang}" config="${attr(config)}"></policy-complaint-redirect>`,
        { lang },
      );
      await withPage(async (probe) => {
        await probe.page.goto(url);
        const guide = probe.page.locator('policy-complaint-redirect');
        await guide.getByLabel(lang === 'cy' ? 'Gwneud cwyn' : 'Make a complaint').check();
        await guide.getByRole('button', { name: lang === 'cy' ? 'Dangos sut' : 'Show me how' }).click();
        const answer = guide.locator('[part=answer]');
        await answer.waitFor();
        const text = (await answer.textContent())?.replace(/\s+/g, ' ') ?? '';
        for (const words of expected[lang]) expect(text).toContain(words);
        expect(text).not.toMatch(/ICB|Integrated Care Board|Bwrdd Gofal Integredig|Parliamentary/);
        expect(await hrefs(answer)).toContain('https://www.llaiscymru.org/');
        await expectNoAxeViolations(probe);
      });
    }
  });

  it('sends Northern Ireland to the GP out-of-hours service, never "NHS 111"; Scotland to NHS 24 on 111', async () => {
    for (const nation of ['northern_ireland', 'scotland'] as const) {
      const config = fixtureConfig({}, { nation, icb: undefined });
      const url = page(`<policy-complaint-redirect config="${attr(config)}"></policy-complaint-redirect>`);
      await withPage(async (probe) => {
        await probe.page.goto(url);
        const guide = probe.page.locator('policy-complaint-redirect');
        const note = guide.locator('[part=urgent-note]');
        await guide.getByLabel('Get medical help now').check();
        await guide.getByRole('button', { name: 'Show me how' }).click();
        const answer = guide.locator('[part=answer]');
        await answer.waitFor();
        const said = `${await note.textContent()} ${await answer.textContent()}`.replace(/\s+/g, ' ');
        const links = [...(await hrefs(note)), ...(await hrefs(answer))];
        expect(links).toContain('tel:999');
        if (nation === 'northern_ireland') {
          expect(said).toContain('When we are closed, contact the GP out-of-hours service.');
          expect(said).not.toMatch(/111/);
          expect(links).not.toContain('tel:111');
          expect(links).toContain('https://www.nidirect.gov.uk/articles/gp-out-hours-service');
        } else {
          expect(said).toContain('NHS 24 online');
          expect(said).not.toContain('NHS 111 online');
          expect(links).toContain('tel:111');
          expect(links).toContain('https://www.nhs24.scot/');
        }
        await expectNoAxeViolations(probe);
      });
    }
  });

  it('asks for a choice when none is made, then shows each route; urgent help puts 999 first', async () => {
    const url = page(
      `<h1>Contact us</h1><policy-complaint-redirect config="${attr(fixtureConfig())}"></policy-complaint-redirect>`,
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const guide = probe.page.locator('policy-complaint-redirect');
      await guide.getByRole('button', { name: 'Show me how' }).click();
      expect((await guide.locator('[part=error]').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        'Error: Select what you want to do',
      );
      expect(await guide.getByRole('group').getAttribute('aria-describedby')).toBe('choice-error');
      expect(await describeFocus(probe.page)).toMatch(/^input#choice-urgent/);
      await expectNoAxeViolations(probe);

      const choose = async (label: string) => {
        await guide.getByRole('radio', { name: label }).check();
        await guide.getByRole('button', { name: 'Show me how' }).click();
        return guide.locator('[part=answer]');
      };

      const urgent = await choose('Get medical help now');
      expect(await guide.locator('[part=error]').count()).toBe(0);
      expect(await urgent.locator('h3 + *').getAttribute('part')).toBe('emergency');
      expect(await hrefs(urgent)).toEqual(['tel:999', 'https://111.nhs.uk/', 'tel:111']);
      await expectNoAxeViolations(probe);

      const feedback = await choose('Leave a review or give feedback');
      expect(await hrefs(feedback)).toEqual([fixtureConfig().channels.reviews.nhsWebsiteUrl]);

      const appointments = await choose(
        'Book or cancel an appointment, order a prescription or get test results',
      );
      expect(await appointments.getByRole('heading').textContent()).toBe(
        'Appointments, prescriptions and test results',
      );
      expect(await hrefs(appointments)).toEqual([
        'https://www.nhs.uk/nhs-app/',
        fixtureConfig().channels.appointments.onlineConsultationUrl,
        'tel:01632960000',
      ]);
      await expectNoAxeViolations(probe);
      expect(await guide.locator('[part=why]').textContent()).toContain('are not treated as complaints');
    });
  });

  it('wraps the practice’s own Facebook link as an interstitial with a way to continue', async () => {
    const url = page(`<h1>Contact us</h1>
<policy-complaint-redirect config="${attr(fixtureConfig())}"><a href="https://www.facebook.com/MeadowbankSurgery">Contact us on Facebook</a></policy-complaint-redirect>
<p><a href="#after">After</a></p>`);
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const guide = probe.page.locator('policy-complaint-redirect');
      expect(await guide.locator('[part=guide]').count()).toBe(0);
      await tabTo(probe.page, (focus) => focus.includes('Contact us on Facebook'));
      await probe.page.keyboard.press('Enter');
      await guide.locator('[part=guide]').waitFor();
      expect(probe.page.url()).toBe(url); // the link was not followed
      expect(await describeFocus(probe.page)).toBe('h2#heading Before you go to Facebook');
      expect(await probe.events()).toContainEqual({
        type: 'policy-redirect-open',
        detail: { href: 'https://www.facebook.com/MeadowbankSurgery' },
      });
      const onward = guide.getByRole('link', { name: 'Continue to Facebook anyway' });
      expect(await onward.getAttribute('href')).toBe('https://www.facebook.com/MeadowbankSurgery');
      await expectNoAxeViolations(probe);
    });
  });

  it('speaks proper Welsh when the lang attribute asks for it', async () => {
    const url = page(
      `<h1>Cysylltu</h1><policy-complaint-redirect lang="cy" config="${attr(fixtureConfig())}"></policy-complaint-redirect>`,
      {
        lang: 'cy',
      },
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const guide = probe.page.locator('policy-complaint-redirect');
      expect(await guide.getByRole('heading', { level: 2 }).textContent()).toBe('Hoffech chi godi rhywbeth?');
      expect(await guide.locator('legend').textContent()).toBe('Beth hoffech chi ei wneud?');
      await guide.getByRole('radio', { name: 'Gwneud cwyn' }).check();
      await guide.getByRole('button', { name: 'Dangos sut' }).click();
      const text = (await guide.locator('[part=answer]').textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(text).toContain('o fewn 12 mis');
      expect(text).toContain('o fewn 3 diwrnod gwaith');
      expect(await guide.locator('[part=guide]').getAttribute('lang')).toBe('cy');
      await expectNoAxeViolations(probe);
    });
  });

  it('still gives urgent help when the practice details fail to load, and says so accessibly', async () => {
    server.set('/v1/practices/Y09999/public', { status: 503, body: '{}', type: 'application/problem+json' });
    const url = page(
      `<h1>Contact us</h1><policy-complaint-redirect practice="Y09999"></policy-complaint-redirect>`,
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      await probe.waitForEvents('policy-config-error');
      const guide = probe.page.locator('policy-complaint-redirect');
      await guide.getByRole('radio', { name: 'Make a complaint' }).check();
      await guide.getByRole('button', { name: 'Show me how' }).click();
      expect(await guide.locator('[part=answer] [part=status]').textContent()).toContain(
        'could not be loaded',
      );
      await guide.getByRole('radio', { name: 'Get medical help now' }).check();
      await guide.getByRole('button', { name: 'Show me how' }).click();
      expect(await hrefs(guide.locator('[part=answer]'))).toEqual([
        'tel:999',
        'https://111.nhs.uk/',
        'tel:111',
      ]);
      await expectNoAxeViolations(probe);
    });
  });

  it('shows an accessible loading state in the answer until the practice details arrive', async () => {
    server.set('/v1/practices/Y05556/public', {
      body: JSON.stringify(fixtureConfig({ ods: 'Y05556' })),
      type: 'application/json',
      delayMs: 3000,
    });
    const url = page(
      `<h1>Contact us</h1><policy-complaint-redirect practice="Y05556"></policy-complaint-redirect>`,
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const guide = probe.page.locator('policy-complaint-redirect');
      await guide.getByRole('radio', { name: 'Make a complaint' }).check();
      await guide.getByRole('button', { name: 'Show me how' }).click();
      expect(await guide.locator('[part=answer] [part=status]').textContent()).toBe(
        'Loading the practice’s details…',
      );
      await expectNoAxeViolations(probe);
      await guide.getByRole('link', { name: 'Read our complaints procedure' }).waitFor({ timeout: 10_000 });
    });
  });

  it('holds its own look under hostile host CSS and a strict CSP', async () => {
    const url = page(
      `<h1>Contact us</h1><policy-complaint-redirect config="${attr(fixtureConfig())}"></policy-complaint-redirect>`,
      { css: HOSTILE_CSS },
    );
    await withPage(async (probe) => {
      await probe.page.goto(url);
      const styles = await probe.page.locator('policy-complaint-redirect [part=guide]').evaluate((guide) => {
        const style = getComputedStyle(guide);
        const button = getComputedStyle(guide.querySelector('button') as Element);
        return {
          font: style.fontFamily,
          lineHeight: style.lineHeight,
          transform: style.textTransform,
          spacing: style.letterSpacing,
          boxSizing: style.boxSizing,
          buttonBackground: button.backgroundColor,
        };
      });
      expect(styles.font).toContain('Arial');
      expect(styles.font).not.toContain('Comic');
      expect(styles.lineHeight).toBe('24px');
      expect(styles.transform).toBe('none');
      expect(styles.spacing).toBe('normal');
      expect(styles.boxSizing).toBe('border-box');
      expect(styles.buttonBackground).toBe('rgb(0, 127, 59)');
      expect(await probe.cspViolations()).toEqual([]);
      await expectNoAxeViolations(probe);
    });
  });
});
