// "A double click files one report, not two": the button, the retry after a lost answer, and two
// tabs sending the same saved report all end in exactly one incident.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe } from './support/browser.js';
import { incidentsOf } from './support/db.js';
import { fillReport, form, formReady, reference, savedDrafts, submitButton } from './support/form.js';
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

const REPORTS = '**/v1/practices/*/reports';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const reportPosts = (page: Page): string[] => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/reports'))
      seen.push(request.headers()['idempotency-key'] ?? '');
  });
  return seen;
};

const filedWith = (text: string) =>
  incidentsOf(stack.databasePath, stack.ods).filter((incident) => incident.report.text === text);

describe('one report per draft', () => {
  it('files one report for a double click, another click and Enter while sending', async () => {
    const text = 'Double-click test: useless, an absolute disgrace.';
    const url = stack.page('/staff/double', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      // Hold the request a moment on its way to the real server, so the clicks land mid-flight.
      await page.route(REPORTS, async (route) => {
        await sleep(1500);
        await route.continue();
      });
      const button = submitButton(page);
      await button.dblclick();
      await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
      expect(await button.innerText()).toBe('Sending…');
      expect(await form(page).locator('form').getAttribute('aria-busy')).toBe('true');
      // aria-disabled keeps the button focusable; a person can still click it (playwright needs force).
      await button.click({ force: true });
      await page.keyboard.press('Enter');
      expect(await axeViolations(page)).toEqual([]); // the "submitting" state
      await reference(page);
      expect(posts).toHaveLength(1);
      expect(filedWith(text)).toHaveLength(1);
    } finally {
      await probe.close();
    }
  });

  it('files one report when the answer to the first send is lost and the form retries', async () => {
    const text = 'Lost-answer test: this surgery is a disgrace.';
    const url = stack.page('/staff/lost', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      // The first request reaches the real API, which files it; its answer is then dropped, as a
      // broken connection would. Later requests pass untouched.
      let first = true;
      await page.route(REPORTS, async (route) => {
        if (!first) return route.continue();
        first = false;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await submitButton(page).click();
      await form(page).locator('[part="pending"]').waitFor();
      expect(filedWith(text)).toHaveLength(1); // filed, though the form could not know

      await form(page).getByRole('button', { name: 'Try sending now' }).click();
      const ref = await reference(page);
      expect(posts).toHaveLength(2);
      expect(posts[0]).toBe(posts[1]);
      const filed = filedWith(text);
      expect(filed).toHaveLength(1);
      expect(filed[0]?.reference).toBe(ref); // the retry got the first send's answer
    } finally {
      await probe.close();
    }
  });

  it('files one report when two tabs send the same saved report', async () => {
    const text = 'Two-tab test: the practice manager is useless.';
    const url = stack.page('/staff/tabs', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page, context } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      await stack.stopApi();
      await submitButton(page).click();
      await form(page).locator('[part="pending"]').waitFor();

      // A second tab opens the same form: it picks the saved report up and tries it too.
      const second = await context.newPage();
      const secondPosts = reportPosts(second);
      await second.goto(url);
      await form(second).locator('[part="pending"]').waitFor();
      const [saved] = await savedDrafts(second);
      expect(saved).toMatchObject({ text, pending: true });

      await stack.startApi();
      await Promise.all([
        form(page).getByRole('button', { name: 'Try sending now' }).click(),
        form(second).getByRole('button', { name: 'Try sending now' }).click(),
      ]);
      const [one, two] = await Promise.all([reference(page), reference(second)]);
      expect(one).toBe(two);
      const keys = new Set([...posts, ...secondPosts]);
      expect(keys).toEqual(new Set([saved?.idempotencyKey]));
      const filed = filedWith(text);
      expect(filed).toHaveLength(1);
      expect(filed[0]?.reference).toBe(one);
    } finally {
      await probe.close();
    }
  });
});
