// The staff report flow end to end: a member of staff on the practice's site types a post, sees what
// the policy sees, attaches a screenshot, sends it, gets a reference — and the incident (with the
// screenshot's exact bytes) is in the SQLite file.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe } from './support/browser.js';
import { evidenceOf, incidentsOf, sha256 } from './support/db.js';
import {
  fillReport,
  form,
  formReady,
  liveCategories,
  postScreenshot,
  reference,
  submitButton,
} from './support/form.js';
import { reportsTakeScreenshots, type Stack, startStack } from './support/stack.js';

const ABUSIVE_POST =
  'Dr Raman is a useless idiot and the receptionists are no better. Disgrace of a surgery.';

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

describe('filing a report', () => {
  it('shows the live categories with the matched words, files it, and the incident lands in the database', async () => {
    // As a practice embeds it: the script from the API origin, the page on the practice's own site,
    // and no `api` attribute (the form talks to the origin its script came from).
    const url = stack.page('/staff/report', {
      body: stack.formTag('', { apiFromScript: true }),
      scriptFrom: 'api',
    });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, {
        text: ABUSIVE_POST,
        postUrl: 'https://www.facebook.com/groups/millbrook/posts/1',
      });

      // What the policy sees, as typed: the API's classification of this very text.
      await expect.poll(() => liveCategories(page), { timeout: 10_000 }).toContain('abusive');
      const abusive = form(page).locator('[part="classification"] [data-category="abusive"]');
      const marked = await abusive.locator('mark').allInnerTexts();
      expect(marked.length).toBeGreaterThan(0);
      for (const words of marked) expect(ABUSIVE_POST).toContain(words);
      expect(await abusive.innerText()).toMatch(/Abusive/);
      const shownLive = await liveCategories(page);

      await submitButton(page).click();
      const ref = await reference(page);
      const stored = incidentsOf(stack.databasePath, stack.ods);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.reference).toBe(ref);
      expect(stored[0]?.report.text).toBe(ABUSIVE_POST);
      expect(stored[0]?.report.platform).toBe('facebook');
      expect(stored[0]?.report.location).toBe('practice_page');
      expect(stored[0]?.report.reporter).toEqual({ name: 'Sam Jones' });
      // The live panel showed what the server filed.
      expect([...(stored[0]?.categories ?? [])].sort()).toEqual([...shownLive].sort());

      // The confirmation gives the first steps in the policy's words and moves focus to itself.
      const success = form(page).locator('[part="success"]');
      expect(await success.locator('ol.steps li').count()).toBeGreaterThan(0);
      const focusedId = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id);
      await expect.poll(focusedId, { timeout: 2000 }).toBe('success-title');
      expect(await axeViolations(page)).toEqual([]);
      expect(probe.errors).toEqual([]);
      expect(await probe.cspViolations()).toEqual([]);
      expect(await probe.context.cookies()).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it('sends a screenshot chosen with the file picker with the report, stored byte for byte', async (context) => {
    if (!multipart) {
      context.skip(); // the reports endpoint does not take multipart yet: see docs/widgets-report-form.md
      return;
    }
    const png = await postScreenshot(browser, 'Dr Raman is a useless idiot.');
    const url = stack.page('/staff/report-shot', {
      body: stack.formTag('', { apiFromScript: true }),
      scriptFrom: 'api',
    });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text: 'Dr Raman is a useless idiot.' });
      await form(page).getByLabel('Add screenshots').setInputFiles({
        name: 'facebook-post.png',
        mimeType: 'image/png',
        buffer: png,
      });
      await form(page).getByRole('img', { name: 'facebook-post.png' }).waitFor();
      await submitButton(page).click();
      const ref = await reference(page);
      const [incident] = incidentsOf(stack.databasePath, stack.ods).filter((row) => row.reference === ref);
      expect(incident).toBeDefined();
      const evidence = evidenceOf(stack.databasePath, incident?.id ?? '');
      expect(evidence).toHaveLength(1);
      expect(evidence[0]?.kind).toBe('screenshot');
      expect(evidence[0]?.mediaType).toBe('image/png');
      expect(Buffer.compare(evidence[0]?.bytes ?? Buffer.alloc(0), png)).toBe(0);
      expect(evidence[0]?.sha256).toBe(sha256(png));
    } finally {
      await probe.close();
    }
  });
});
