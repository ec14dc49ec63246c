// "It never loses a report": the device going offline, or the server going down, at the moment of
// sending; a reload in between; the report is kept (screenshots included) and filed exactly once.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe } from './support/browser.js';
import { evidenceOf, incidentsOf, sha256 } from './support/db.js';
import {
  fillReport,
  form,
  formReady,
  postScreenshot,
  reference,
  savedDrafts,
  submitButton,
  thumbnailPainted,
} from './support/form.js';
import { reportsTakeScreenshots, type Stack, startStack } from './support/stack.js';

let browser: Browser;
let stack: Stack;
let multipart = false;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startStack()]);
  multipart = await reportsTakeScreenshots(stack.apiUrl);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const reportPosts = (page: Page): string[] => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/reports'))
      seen.push(request.headers()['idempotency-key'] ?? '');
  });
  return seen;
};

const countFor = (text: string) =>
  incidentsOf(stack.databasePath, stack.ods).filter((incident) => incident.report.text === text).length;

describe('offline and failures at submit', () => {
  it('keeps the report on the device while offline and sends it once when the connection returns', async () => {
    const text = 'Offline test: this practice is a disgrace, useless the lot of them.';
    const url = stack.page('/staff/offline', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page, context } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      await context.setOffline(true);
      await submitButton(page).click();

      const pending = form(page).locator('[part="pending"]');
      await pending.waitFor();
      expect(await pending.innerText()).toContain('This device is offline.');
      // Focus follows the member of staff's click to the explanation.
      const focusedId = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id);
      await expect.poll(focusedId, { timeout: 2000 }).toBe('pending-title');
      expect(posts).toEqual([]); // nothing is attempted while the browser knows it is offline
      expect(countFor(text)).toBe(0);
      const [saved] = await savedDrafts(page);
      expect(saved).toMatchObject({ text, pending: true });
      expect(await axeViolations(page)).toEqual([]);

      await context.setOffline(false);
      const ref = await reference(page);
      expect(posts).toHaveLength(1);
      expect(countFor(text)).toBe(1);
      expect(incidentsOf(stack.databasePath, stack.ods).find((i) => i.report.text === text)?.reference).toBe(
        ref,
      );
      // Cleared from the device only after the API acknowledged it.
      expect(await savedDrafts(page)).toEqual([]);
      expect(probe.errors).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it('keeps the report after a 503 from in front of the API and files it once on the automatic retry', async () => {
    const text = 'Gateway test: useless surgery, a disgrace.';
    const url = stack.page('/staff/gateway', { body: stack.formTag() });
    const probe = await openProbe(browser, { ignoreErrors: /503/ });
    const { page } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      // A load balancer in front of the API answers the first send with a 503; the API never sees it.
      let first = true;
      await page.route('**/v1/practices/*/reports', (route) => {
        if (!first) return route.continue();
        first = false;
        return route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          headers: { 'access-control-allow-origin': stack.siteOrigin },
          body: JSON.stringify({ title: 'Service Unavailable', status: 503 }),
        });
      });
      await submitButton(page).click();
      const pending = form(page).locator('[part="pending"]');
      await pending.waitFor();
      expect(await pending.innerText()).toContain('The server could not take it just now.');
      expect(countFor(text)).toBe(0);
      expect((await savedDrafts(page))[0]).toMatchObject({ text, pending: true });
      // Nobody clicks: the backoff (about 2 s) sends it again.
      const ref = await reference(page);
      expect(posts).toHaveLength(2);
      expect(posts[0]).toBe(posts[1]);
      expect(
        incidentsOf(stack.databasePath, stack.ods)
          .filter((i) => i.report.text === text)
          .map((i) => i.reference),
      ).toEqual([ref]);
    } finally {
      await probe.close();
    }
  });

  it('keeps a draft with its screenshot across a reload, byte for byte', async () => {
    const png = await postScreenshot(browser, 'You lot are useless. Worst surgery in town.');
    const url = stack.page('/staff/draft', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text: 'Draft test: worst surgery in town.' });
      await form(page)
        .getByLabel('Add screenshots')
        .setInputFiles({ name: 'post.png', mimeType: 'image/png', buffer: png });
      await form(page).getByRole('img', { name: 'post.png' }).waitFor();
      await expect.poll(async () => (await savedDrafts(page))[0]?.screenshots.length ?? 0).toBe(1);

      await page.reload();
      await formReady(page);
      const f = form(page);
      await expect
        .poll(() => f.getByLabel('The text of the post').inputValue())
        .toBe('Draft test: worst surgery in town.');
      expect(await f.getByLabel('Your name').inputValue()).toBe('Sam Jones');
      expect(await f.getByLabel('Where was it posted?').inputValue()).toBe('facebook');
      expect(await f.locator('[part="notice"]').first().innerText()).toMatch(
        /We found a report you had not sent/,
      );
      await expect.poll(() => thumbnailPainted(page, 'post.png')).toBe(true);
      const [saved] = await savedDrafts(page);
      expect(saved?.screenshots).toEqual([
        { name: 'post.png', type: 'image/png', size: png.length, sha256: sha256(png) },
      ]);
    } finally {
      await probe.close();
    }
  });

  it('survives the server being down at submit and a reload, then files once when the server is back', async () => {
    const text = 'Server-down test: useless receptionist, disgrace.';
    const png = await postScreenshot(browser, text);
    const url = stack.page('/staff/server-down', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      if (multipart)
        await form(page)
          .getByLabel('Add screenshots')
          .setInputFiles({ name: 'post.png', mimeType: 'image/png', buffer: png });

      await stack.stopApi();
      await submitButton(page).click();
      const pending = form(page).locator('[part="pending"]');
      await pending.waitFor();
      expect(await pending.innerText()).toContain('The server did not answer.');
      expect(await pending.innerText()).toMatch(/Next try at/);

      // The page (served by the practice's site) reloads; the API is still down.
      await page.reload();
      await pending.waitFor();
      expect(await pending.innerText()).toContain(text);
      if (multipart) await expect.poll(() => thumbnailPainted(page, 'post.png')).toBe(true);
      const [saved] = await savedDrafts(page);
      expect(saved).toMatchObject({ text, pending: true });
      expect(countFor(text)).toBe(0);

      // Back up on the same port and file: the backoff retry finds it without anyone clicking.
      await stack.startApi();
      const ref = await reference(page, 30_000);
      const filed = incidentsOf(stack.databasePath, stack.ods).filter(
        (incident) => incident.report.text === text,
      );
      expect(filed).toHaveLength(1);
      expect(filed[0]?.reference).toBe(ref);
      // Every attempt, before and after the reload, carried the draft's one Idempotency-Key.
      expect(new Set(posts).size).toBe(1);
      expect(posts[0]).toBe(saved?.idempotencyKey);
      if (multipart) {
        const [evidence] = evidenceOf(stack.databasePath, filed[0]?.id ?? '');
        expect(evidence?.sha256).toBe(sha256(png));
        expect(Buffer.compare(evidence?.bytes ?? Buffer.alloc(0), png)).toBe(0);
      }
      expect(await savedDrafts(page)).toEqual([]);
    } finally {
      await probe.close();
    }
  });
});
