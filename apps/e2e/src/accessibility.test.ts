// Accessibility is part of done: axe (WCAG 2.2 A/AA) in every state of the form, a keyboard-only
// walk-through with visible focus, the at-risk advice announced at once, and Welsh.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, focusStyle, launchBrowser, openProbe } from './support/browser.js';
import { incidentsOf } from './support/db.js';
import { fillReport, form, formReady, reference, submitButton } from './support/form.js';
import { type Stack, startStack } from './support/stack.js';

let browser: Browser;
let stack: Stack;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startStack()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Presses Tab until the focused element's description matches, and returns it. */
async function tabTo(page: Page, target: RegExp, limit = 60): Promise<string> {
  const visited: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    visited.push(now);
    if (target.test(now)) return now;
  }
  throw new Error(`Tab never reached ${target}; visited:\n${visited.join('\n')}`);
}

/** The focus indicator is really drawn: an opaque outline, a box-shadow or a highlight. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await focusStyle(page);
  const outline = !/^none|transparent|rgba\(0, 0, 0, 0\)/.test(style.outline) && !/ 0px /.test(style.outline);
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  expect(outline || shadow, `no visible focus on ${await focused(page)}: ${JSON.stringify(style)}`).toBe(
    true,
  );
}

const riskGroup = (page: Page, name = 'Is anyone at risk right now?') =>
  form(page).getByRole('group', { name });

describe('accessibility of the report form', () => {
  it('has no axe violations in any state: empty, errors, at risk, live categories, restored, submitting, success', async () => {
    const url = stack.page('/staff/axe', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    const states: Record<string, string[]> = {};
    try {
      await page.goto(url);
      await formReady(page);
      states.empty = await axeViolations(page);

      await submitButton(page).click();
      await form(page).locator('[part="error-summary"]').waitFor();
      states.errors = await axeViolations(page);

      await fillReport(page, { text: 'You are a useless idiot and a disgrace.', atRisk: 'Yes' });
      await form(page).locator('[data-category]').first().waitFor();
      states['at risk + live categories'] = await axeViolations(page);

      await page.reload();
      await form(page).locator('[part="notice"]').first().waitFor();
      states['restored draft'] = await axeViolations(page);

      await page.route('**/v1/practices/*/reports', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await submitButton(page).click();
      states.submitting = await axeViolations(page);
      await reference(page);
      states.success = await axeViolations(page);
      // The confirmation repeats the emergency advice when someone was at risk.
      expect(await form(page).locator('[part="success"] [role="alert"]').innerText()).toContain('999');
    } finally {
      await probe.close();
    }
    expect(states).toEqual({
      empty: [],
      errors: [],
      'at risk + live categories': [],
      'restored draft': [],
      submitting: [],
      success: [],
    });
  });

  it('shows the police/999 and safeguarding advice the moment "yes, someone is at risk" is chosen', async () => {
    const url = stack.page('/staff/risk', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      const alert = form(page).getByRole('alert').filter({ hasText: /\S/ });
      expect(await alert.count()).toBe(0);
      await riskGroup(page).getByLabel('Yes', { exact: true }).check();
      // No waiting, no submit: the advice is there as soon as the answer is.
      const advice = await form(page).locator('[part="risk-alert"]').innerText();
      expect(await form(page).locator('[part="risk-alert"]').getAttribute('role')).toBe('alert');
      expect(advice).toContain('call 999 now');
      expect(advice).toMatch(/police/);
      expect(advice).toMatch(/safeguarding lead/);
      expect(await axeViolations(page)).toEqual([]);
      await riskGroup(page).getByLabel('No', { exact: true }).check();
      expect(await form(page).locator('[part="risk-alert"]').innerText()).toBe('');
    } finally {
      await probe.close();
    }
  });

  it('can be filled in and sent with the keyboard alone, with focus always visible', async () => {
    const text = 'Keyboard test: useless doctors, a disgrace.';
    const url = stack.page('/staff/keyboard', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    const key = page.keyboard;
    try {
      await page.goto(url);
      await formReady(page);

      // Sending it empty moves focus to the error summary; its first link leads to the first question.
      await tabTo(page, /^button "Send report"/);
      await expectVisibleFocus(page);
      await key.press('Enter');
      await expect.poll(() => focused(page)).toMatch(/^div "There is a problem/);
      await tabTo(page, /^a "Select yes if anyone is at risk/);
      await expectVisibleFocus(page);
      await key.press('Enter');
      expect(await focused(page)).toBe('input#f-atRisk-yes');
      await expectVisibleFocus(page);
      await key.press('ArrowRight'); // radios: arrows move and choose
      expect(await riskGroup(page).getByLabel('No', { exact: true }).isChecked()).toBe(true);

      await tabTo(page, /^select#f-platform/);
      await expectVisibleFocus(page);
      await key.type('Inst'); // type-ahead in the closed select
      expect(await form(page).getByLabel('Where was it posted?').inputValue()).toBe('instagram');

      await tabTo(page, /^input#f-location-/);
      await key.press('ArrowDown');
      await key.press('ArrowUp');
      expect(
        await form(page)
          .getByLabel(/On the practice’s own page/)
          .isChecked(),
      ).toBe(true);

      await tabTo(page, /^textarea#f-text/);
      await expectVisibleFocus(page);
      await key.type(text);

      await tabTo(page, /^input#f-affectsStaff/);
      await key.press('Space');
      await tabTo(page, /^input#f-staffNames/);
      await key.type('Dr Priya Raman');

      await tabTo(page, /^input#f-reporterName/);
      await expectVisibleFocus(page);
      await key.type('Alex Keyboard');
      await key.press('Enter'); // submits from a text field, as forms do

      const ref = await reference(page);
      // Focus follows at once to the confirmation (the button it was on has gone).
      await expect.poll(() => focused(page), { timeout: 2000 }).toMatch(/^h2#success-title/);
      const filed = incidentsOf(stack.databasePath, stack.ods).find((incident) => incident.reference === ref);
      expect(filed?.report).toMatchObject({
        platform: 'instagram',
        location: 'practice_page',
        text,
        atRisk: false,
        affects: { staff: ['Dr Priya Raman'] },
        reporter: { name: 'Alex Keyboard' },
      });

      await tabTo(page, /^button "Report another post"/);
      await key.press('Enter');
      expect(await focused(page)).toMatch(/^h2#title/);
      // The reporter's name is kept for the next report; the rest starts afresh.
      expect(await form(page).getByLabel('Your name').inputValue()).toBe('Alex Keyboard');
      expect(await form(page).getByLabel('The text of the post').inputValue()).toBe('');
    } finally {
      await probe.close();
    }
  });

  it('speaks Welsh when asked by the lang attribute, with the error summary and axe clean', async () => {
    const url = stack.page('/staff/cy', { body: stack.formTag('lang="cy"'), lang: 'cy' });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      const f = form(page);
      await f.getByRole('heading', { name: 'Rhoi gwybod am bostiad ar y cyfryngau cymdeithasol' }).waitFor();
      expect(await f.locator('[part="root"]').getAttribute('lang')).toBe('cy');
      await f.getByRole('button', { name: 'Anfon yr adroddiad' }).click();
      const summary = f.locator('[part="error-summary"]');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('Mae problem wedi codi');
      expect(await summary.innerText()).toContain('Rhowch destun y postiad');
      expect(await f.getByLabel('Ble cafodd ei bostio?').count()).toBe(1);
      expect(await f.getByRole('group', { name: 'Oes unrhyw un mewn perygl ar hyn o bryd?' }).count()).toBe(
        1,
      );
      expect(await axeViolations(page)).toEqual([]);
      await riskGroup(page, 'Oes unrhyw un mewn perygl ar hyn o bryd?')
        .getByLabel('Oes', { exact: true })
        .check();
      expect(await f.locator('[part="risk-alert"]').innerText()).toContain('ffoniwch 999 nawr');
    } finally {
      await probe.close();
    }
  });

  it('follows the practice’s own locale (Welsh) when there is no lang attribute, through to the confirmation', async () => {
    await stack.admin('/v1/practices', {
      ods: 'W90124',
      name: 'Meddygfa Glan yr Afon',
      settings: { locale: 'cy' },
    });
    const { key } = (await stack.admin('/v1/practices/W90124/keys', {
      type: 'report',
      allowedOrigins: [stack.siteOrigin],
    })) as { key: string };
    const url = stack.page('/staff/welsh-practice', {
      body: `<policy-report-form practice="W90124" report-key="${key}" api="${stack.apiUrl}"></policy-report-form>`,
    });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      const f = form(page);
      await f.getByRole('button', { name: 'Anfon yr adroddiad' }).waitFor();
      await riskGroup(page, 'Oes unrhyw un mewn perygl ar hyn o bryd?')
        .getByLabel('Nac oes', { exact: true })
        .check();
      await f.getByLabel('Ble cafodd ei bostio?').selectOption('x');
      await f.getByLabel('Ar dudalen neu gyfrif yr awdur ei hun').check();
      await f.getByLabel('Testun y postiad').fill('Meddyg useless, disgrace.');
      await f.getByLabel('Eich enw').fill('Eleri Jones');
      await f.getByRole('button', { name: 'Anfon yr adroddiad' }).click();
      await f.getByRole('heading', { name: 'Mae’r adroddiad wedi’i anfon' }).waitFor();
      expect(await f.locator('[part="success"]').innerText()).toContain('Eich cyfeirnod');
      expect(await axeViolations(page)).toEqual([]);
      expect(incidentsOf(stack.databasePath, 'W90124')).toHaveLength(1);
    } finally {
      await probe.close();
    }
  });
});
