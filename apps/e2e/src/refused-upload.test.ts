// A browser whose upload the API refuses part-way gets the problem, not a network error. The API
// answers a form it refuses before the body has all arrived, then closes the connection without
// reading the rest (apps/api src/http/unread-body.ts, issue 9): Chromium must still read the answer,
// whether the form is hostile (too many parts) or a staff member's over the practice's daily quota.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe } from './support/browser.js';
import { type Stack, startStack } from './support/stack.js';

let browser: Browser;
let stack: Stack;

beforeAll(async () => {
  // A 1 MiB daily quota, so a form of a few screenshots is refused part-way through.
  [browser, stack] = await Promise.all([launchBrowser(), startStack({ uploadQuotaBytes: 1024 * 1024 })]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface Answer {
  status?: number;
  connection?: string | null;
  problem?: { type: string; status: number };
  error?: string;
}

describe('uploads refused while they are still being sent', () => {
  it('Chromium reads the 413 for a 50,000-part form and for a form over the daily upload quota', {
    timeout: 60_000,
  }, async () => {
    const probe = await openProbe(browser);
    try {
      await probe.page.goto(stack.page('/staff/refused', { body: '<p>Refused uploads</p>' }));
      const send = (parts: number, screenshots: number) =>
        probe.page.evaluate(
          async ({ api, ods, key, parts, screenshots }): Promise<Answer> => {
            const form = new FormData();
            form.append('report', new Blob(['{}'], { type: 'application/json' }), 'report.json');
            for (let i = 0; i < parts; i++) form.append('f', 'x');
            const png = new Uint8Array(5 * 1024 * 1024);
            png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
            for (let i = 0; i < screenshots; i++)
              form.append('screenshot', new Blob([png], { type: 'image/png' }), `s${i}.png`);
            try {
              const response = await fetch(`${api}/v1/practices/${ods}/reports`, {
                method: 'POST',
                body: form,
                headers: { 'X-Report-Key': key },
              });
              return { status: response.status, problem: await response.json() };
            } catch (error) {
              return { error: String(error) };
            }
          },
          { api: stack.apiUrl, ods: stack.ods, key: stack.reportKey, parts, screenshots },
        );
      // Refused at the seventh part, with 2.6 MB of the body still to come.
      expect(await send(50_000, 0)).toMatchObject({
        status: 413,
        problem: { type: '/problems/payload-too-large', status: 413 },
      });
      // Four 5 MiB screenshots (20 MiB, within the form's limit) refused by the quota after 1 MiB,
      // with 19 MiB — far more than the socket buffers hold — never read.
      expect(await send(0, 4)).toMatchObject({
        status: 413,
        problem: { type: '/problems/upload-quota-exceeded', status: 413 },
      });
    } finally {
      await probe.close();
    }
  });
});
