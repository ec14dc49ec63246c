// What a newcomer tripped on in the report form (issue 10), and report drafts' lifetime on shared
// reception PCs (issue 9), against the real API on loopback:
// - a 20,800-character paste was cut to 10,000 without a word and filed ending mid-sentence;
// - a report key refused for the page's origin showed "The server did not answer" and retried for ever;
// - errors stayed beside fields already fixed until the next submit;
// - "What to do now" told a frightened colleague to contact the author (the manager's actions);
// - unsent drafts stayed in IndexedDB for ever.

import { ACTION_TEXT, REPORTER_STEP_TEXT } from '@policy/core/labels';
import { MAX_POST_TEXT_LENGTH } from '@policy/core/limits';
import { reporterStepIds } from '@policy/core/policy';
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

const reportPosts = (page: Page): string[] => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/reports')) seen.push(request.url());
  });
  return seen;
};

const errorSummaryItems = (page: Page) => form(page).locator('[part="error-summary"] li').allInnerTexts();

/** A long post that ends in a sentence, so a cut would show. */
const longPost = (length: number): string => {
  const sentence = 'The receptionist at this surgery is useless and I will say so every day. ';
  const body = sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length - 12);
  return `${body} The end..`.padEnd(length, '.');
};

describe('the text of the post is held to core’s limit, never cut', () => {
  it('keeps a 20,800-character paste whole, counts it, refuses to send it, and files it once shortened', async () => {
    const url = stack.page('/staff/long-paste', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    const posts = reportPosts(page);
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text: 'x' });
      const textarea = form(page).getByLabel('The text of the post');
      const pasted = longPost(20_800);
      expect(pasted).toHaveLength(20_800);
      // As a paste arrives: text inserted by the browser's editing (maxlength applies to it).
      await textarea.fill('');
      await textarea.focus();
      await page.keyboard.insertText(pasted);
      const held = await textarea.inputValue();
      expect({ length: held.length, ending: held.slice(-40), whole: held === pasted }).toEqual({
        length: 20_800,
        ending: pasted.slice(-40),
        whole: true,
      });
      const count = form(page).locator('[part="character-count"]');
      expect(await count.innerText()).toBe('You have 800 characters too many');
      expect(await textarea.getAttribute('aria-invalid')).toBe('true');
      // The live check is not asked for what the API would refuse; it says when it will look.
      await expect
        .poll(() => form(page).locator('[part="classification"]').innerText())
        .toContain('The text is checked once it is 20,000 characters or fewer.');
      // The hint names core's limit before anything is typed.
      expect(await form(page).locator('#h-text').innerText()).toContain(
        `up to ${MAX_POST_TEXT_LENGTH.toLocaleString('en-GB')} characters`,
      );

      await submitButton(page).click();
      expect(await errorSummaryItems(page)).toEqual([
        'The text of the post must be 20,000 characters or fewer; it is 20,800. Shorten it, or add the rest as a screenshot',
      ]);
      expect(posts).toEqual([]);

      // Shortened to 19,000: the error goes at once, and the count says what is left.
      // (ending on a full stop: the API trims surrounding space from the text it files)
      const shortened = `${pasted.slice(0, 18_999)}.`;
      await textarea.fill(shortened);
      expect(await form(page).locator('[part="error-summary"]').count()).toBe(0);
      expect(await count.innerText()).toBe('You have 1,000 characters remaining');
      expect(await axeViolations(page)).toEqual([]);
      await submitButton(page).click();
      const ref = await reference(page);
      const filed = incidentsOf(stack.databasePath, stack.ods).find((incident) => incident.reference === ref);
      const stored = filed?.report.text ?? '';
      expect({ length: stored.length, whole: stored === shortened }).toEqual({ length: 19_000, whole: true });
    } finally {
      await probe.close();
    }
  });
});

describe('errors clear as each field is fixed', () => {
  it('drops each error from the summary and its field the moment the field is put right', async () => {
    const url = stack.page('/staff/errors-clear', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      const f = form(page);
      await submitButton(page).click();
      expect(await errorSummaryItems(page)).toEqual([
        'Select yes if anyone is at risk right now',
        'Select where the post was made',
        'Select where the post is',
        'Enter the text of the post',
        'Enter your name',
      ]);
      await f
        .getByRole('group', { name: 'Is anyone at risk right now?' })
        .getByLabel('No', { exact: true })
        .check();
      expect(await errorSummaryItems(page)).toEqual([
        'Select where the post was made',
        'Select where the post is',
        'Enter the text of the post',
        'Enter your name',
      ]);
      await f.getByLabel('Where was it posted?').selectOption({ label: 'Facebook' });
      expect(await f.getByLabel('Where was it posted?').getAttribute('aria-invalid')).toBe('false');
      expect(await f.locator('#e-platform').count()).toBe(0);
      await f.getByLabel(/On the practice’s own page/).check();
      await f.getByLabel('The text of the post').fill('Useless surgery.');
      // Typing into a field with no error adds none (a half-typed name is not an error yet).
      await f.getByLabel('Link to the post (optional)').fill('not a link yet');
      expect(await errorSummaryItems(page)).toEqual(['Enter your name']);
      await f.getByLabel('Your name').fill('Sam Jones');
      expect(await f.locator('[part="error-summary"]').count()).toBe(0);
      expect(await f.locator('.error-message').count()).toBe(0);
    } finally {
      await probe.close();
    }
  });
});

describe('a report key refused for this website', () => {
  for (const lang of ['en-GB', 'cy'] as const) {
    it(`says so (${lang}), keeps the report on the device and stops retrying`, async () => {
      // The practice's key lists only its real website: this page's origin is not allowed.
      const { key } = (await stack.admin(`/v1/practices/${stack.ods}/keys`, {
        type: 'report',
        allowedOrigins: ['https://www.millbrook-lane.example'],
        label: `elsewhere ${lang}`,
      })) as { key: string };
      const url = stack.page(`/staff/refused-origin-${lang}`, {
        body: `<policy-report-form practice="${stack.ods}" report-key="${key}" api="${stack.apiUrl}" lang="${lang}"></policy-report-form>`,
        lang,
      });
      const text = `Origin test ${lang}: useless surgery.`;
      const probe = await openProbe(browser, { ignoreErrors: /403/ });
      const { page, context } = probe;
      const posts = reportPosts(page);
      try {
        await page.goto(url);
        await formReady(page);
        const f = form(page);
        if (lang === 'en-GB') await fillReport(page, { text });
        else {
          await f
            .getByRole('group', { name: 'Oes unrhyw un mewn perygl ar hyn o bryd?' })
            .getByLabel('Nac oes', { exact: true })
            .check();
          await f.getByLabel('Ble cafodd ei bostio?').selectOption('facebook');
          await f.getByLabel('Ar dudalen neu gyfrif y feddygfa ei hun').check();
          await f.getByLabel('Testun y postiad').fill(text);
          await f.getByLabel('Eich enw').fill('Eleri Jones');
        }
        await submitButton(page).click();
        const pending = f.locator('[part="pending"]');
        await pending.waitFor();
        const said = await pending.locator('[role="status"]').innerText();
        expect(said).toBe(
          lang === 'en-GB'
            ? 'This website is not allowed to send reports — tell the practice manager.'
            : 'Does gan y wefan hon ddim caniatâd i anfon adroddiadau — dywedwch wrth reolwr y feddygfa.',
        );
        expect(await pending.innerText()).not.toMatch(/Next try|Rhoi cynnig arall am/);
        expect(await axeViolations(page)).toEqual([]);
        // Nothing more is sent on its own: not after the first backoff (2 s), nor when the
        // connection comes and goes.
        await page.waitForTimeout(3000);
        await context.setOffline(true);
        await context.setOffline(false);
        await page.waitForTimeout(500);
        expect(posts).toHaveLength(1);
        expect((await savedDrafts(page)).find((draft) => draft.text === text)).toMatchObject({
          pending: true,
        });
        expect(incidentsOf(stack.databasePath, stack.ods).filter((i) => i.report.text === text)).toEqual([]);
      } finally {
        await probe.close();
      }
    });
  }
});

describe('"What to do now" is the reporter’s guidance, from core', () => {
  const abusive = 'Dr Raman is a useless idiot and the receptionists are no better. Disgrace of a surgery.';
  for (const lang of ['en-GB', 'cy'] as const) {
    it(`shows the reporter's steps (${lang}), never the manager's actions such as contacting the author`, async () => {
      const url = stack.page(`/staff/steps-${lang}`, { body: stack.formTag(`lang="${lang}"`), lang });
      const probe = await openProbe(browser);
      const { page } = probe;
      try {
        await page.goto(url);
        await formReady(page);
        const f = form(page);
        if (lang === 'en-GB') await fillReport(page, { text: abusive });
        else {
          await f
            .getByRole('group', { name: 'Oes unrhyw un mewn perygl ar hyn o bryd?' })
            .getByLabel('Nac oes', { exact: true })
            .check();
          await f.getByLabel('Ble cafodd ei bostio?').selectOption('facebook');
          await f.getByLabel('Ar dudalen neu gyfrif y feddygfa ei hun').check();
          await f.getByLabel('Testun y postiad').fill(abusive);
          await f.getByLabel('Eich enw').fill('Eleri Jones');
        }
        await submitButton(page).click();
        const ref = await reference(page);
        const [filed] = incidentsOf(stack.databasePath, stack.ods).filter((i) => i.reference === ref);
        expect(filed?.categories).toContain('abusive');
        const shown = await f.locator('[part="success"] ol.steps li').allInnerTexts();
        const expected = reporterStepIds(filed?.categories as Parameters<typeof reporterStepIds>[0], {
          atRisk: false,
          authorKind: 'unknown',
          screenshotCount: 0,
        }).map((id) => REPORTER_STEP_TEXT[lang][id]);
        expect(shown).toEqual(expected);
        expect(shown).toContain(REPORTER_STEP_TEXT[lang].do_not_engage);
        const managers = Object.values(ACTION_TEXT[lang]);
        expect(shown.filter((step) => managers.includes(step))).toEqual([]);
      } finally {
        await probe.close();
      }
    });
  }
});

describe('drafts on a shared reception PC', () => {
  it('deletes drafts last saved more than 7 days ago when the form opens, and restores a younger one', async () => {
    const url = stack.page('/staff/expiry', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      const day = 24 * 60 * 60 * 1000;
      // Drafts as an earlier visit stored them, with their save times stepped back: this
      // practice's 8 days old, another practice's 7 days and a minute old, a third's 6 days old.
      const key = `${stack.apiUrl}|${stack.ods}`;
      await page.evaluate(
        async ({ drafts }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open('policy-report-form');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          const tx = db.transaction('drafts', 'readwrite');
          for (const draft of drafts) tx.objectStore('drafts').put(draft);
          await new Promise((resolve) => {
            tx.oncomplete = resolve;
          });
          db.close();
        },
        {
          drafts: [
            [key, 8 * day, 'Eight days old: the post named a patient.'],
            [`${stack.apiUrl}|Y90999`, 7 * day + 60_000, 'Just over seven days old.'],
            [`${stack.apiUrl}|Y90998`, 6 * day, 'Six days old.'],
          ].map(([draftKey, age, text]) => ({
            key: draftKey,
            fields: {
              platform: 'facebook',
              postUrl: '',
              seenAt: '2026-11-25T09:30',
              location: 'practice_page',
              authorName: '',
              authorHandle: '',
              authorPatient: 'unknown',
              authorStaff: false,
              text,
              affectsPractice: false,
              affectsStaff: false,
              staffNames: '',
              affectsPatients: false,
              atRisk: 'no',
              reporterName: 'Sam Jones',
              reporterRole: '',
            },
            screenshots: [],
            idempotencyKey: crypto.randomUUID(),
            pending: null,
            savedAt: new Date(Date.now() - Number(age)).toISOString(),
          })),
        },
      );
      expect((await savedDrafts(page)).map((draft) => draft.text).sort()).toEqual([
        'Eight days old: the post named a patient.',
        'Just over seven days old.',
        'Six days old.',
      ]);

      await page.reload();
      await formReady(page);
      await expect
        .poll(async () => (await savedDrafts(page)).map((draft) => draft.text))
        .toEqual(['Six days old.']);
      expect(await form(page).getByLabel('The text of the post').inputValue()).toBe('');
      expect(await form(page).locator('[part="notice"]').count()).toBe(0);

      // The same practice's draft at six days is still offered.
      await page.evaluate(
        async ({ key, savedAt }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open('policy-report-form');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          const tx = db.transaction('drafts', 'readwrite');
          const store = tx.objectStore('drafts');
          const other = await new Promise<Record<string, unknown>>((resolve) => {
            const req = store.getAll();
            req.onsuccess = () => resolve(req.result[0]);
          });
          store.put({ ...other, key, savedAt });
          await new Promise((resolve) => {
            tx.oncomplete = resolve;
          });
          db.close();
        },
        { key, savedAt: new Date(Date.now() - 6 * day).toISOString() },
      );
      await page.reload();
      await formReady(page);
      await expect
        .poll(() => form(page).getByLabel('The text of the post').inputValue())
        .toBe('Six days old.');
      expect(await form(page).locator('[part="notice"]').first().innerText()).toMatch(
        /We found a report you had not sent/,
      );
    } finally {
      await probe.close();
    }
  });

  it('clears the draft from the device once the report is sent', async () => {
    const text = 'Cleared-once-sent test: useless surgery.';
    const url = stack.page('/staff/cleared', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      await fillReport(page, { text });
      await expect.poll(async () => (await savedDrafts(page)).map((draft) => draft.text)).toEqual([text]);
      await submitButton(page).click();
      await reference(page);
      await expect.poll(() => savedDrafts(page)).toEqual([]);
    } finally {
      await probe.close();
    }
  });
});

describe('the policy’s words arrive as a chunk of their own', () => {
  it('says plainly when they could not be fetched, and shows the form once the connection is back', async () => {
    const url = stack.page('/staff/words-chunk', { body: stack.formTag() });
    const probe = await openProbe(browser, { ignoreErrors: /policy-words|dynamically imported module/ });
    const { page, context } = probe;
    try {
      await page.route('**/chunks/policy-words-*.js', (route) => route.abort('internetdisconnected'));
      await page.goto(url);
      const loading = form(page).locator('[part="loading"]');
      await expect
        .poll(() => loading.innerText())
        .toContain('The form could not be loaded. Check this device is online');
      expect(await form(page).getByRole('button', { name: 'Send report' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.unroute('**/chunks/policy-words-*.js');
      await context.setOffline(true);
      await context.setOffline(false);
      await formReady(page);
      await fillReport(page, { text: 'Words chunk test: useless surgery.' });
      await submitButton(page).click();
      await reference(page);
    } finally {
      await probe.close();
    }
  });
});
