// What a member of staff may see (only what they filed), that a session ends when it has been idle
// and the desk says so, and that a write carrying the cookie from another origin is refused.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openProbe, type Probe } from './support/browser.js';
import { screen, shot } from './support/desk.js';
import { type DeskStack, fileReport, startDeskStack } from './support/stack.js';

const STAFF = {
  email: 'lee.barnes@hollinsbrook.example',
  name: 'Lee Barnes',
  password: 'sparrow teapot meadow 9',
};
const OWN_POST =
  'Saw a photo of our waiting room posted with two patients clearly visible, taken without asking';

let stack: DeskStack;
let browser: Browser;
let probe: Probe;
let page: Page;
let othersReference = '';
let othersId = '';
let ownId = '';

beforeAll(async () => {
  stack = await startDeskStack();
  browser = await launchBrowser();
  probe = await openProbe(browser);
  page = probe.page;
  page.setDefaultTimeout(10_000);
  const others = await fileReport(
    stack,
    'The receptionist Lee was rude to me on the phone this morning, awful service',
  );
  othersReference = others.reference;
  othersId = others.id;
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('staff see and add to their own reports, nothing else', () => {
  it('joins without two-factor (staff) and lands on their own, empty, list', async () => {
    await page.goto(await stack.invite(STAFF.email, STAFF.name, 'staff'));
    await screen(page, 'Accept your invitation');
    await page.getByLabel('Create a password').fill(STAFF.password);
    await page.getByLabel('Type the password again').fill(STAFF.password);
    await page.getByRole('button', { name: 'Set password and continue' }).click();
    await screen(page, 'Your reports');
    await page.getByText('0 incidents shown.').waitFor();
    const nav = page.getByRole('navigation', { name: 'Desk' });
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(['Your reports', 'Report a post']);
  });

  it('reports a post from the desk, in their own name', async () => {
    await page.getByRole('link', { name: 'Report a post' }).first().click();
    await screen(page, 'Report a post');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('alert').getByText('Say whether anyone is at risk right now').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Is anyone at risk right now?' }).getByLabel('No').check();
    await page.getByLabel('Where was it posted?').selectOption({ label: 'Instagram' });
    await page.getByLabel('The text of the post').fill(OWN_POST);
    await shot(page, 'new-report');
    // A double click files one report (the list below shows exactly one).
    await page.getByRole('button', { name: 'Send report' }).dblclick();
    const reference = await page.locator('[data-reference]').innerText();
    expect(reference).toMatch(/^Y90234-\d{4}-\d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Open the report' }).click();
    await screen(page, `Incident ${reference}`);
    ownId = new URL(page.url()).hash.split('/').pop() ?? '';
    await expect(page.getByText(`${STAFF.name}, ${''}`.trim()).first().isVisible()).resolves.toBe(true);
  });

  it('adds a note to their own report; no other action, no templates', async () => {
    const buttons = await page
      .getByRole('list', { name: 'Actions you can take now' })
      .getByRole('button')
      .allInnerTexts();
    expect(buttons.map((text) => text.trim()).sort()).toEqual(['Add a note', 'Record evidence']);
    await expect(page.getByRole('heading', { name: 'Templates' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page
      .getByRole('form', { name: 'Add a note' })
      .getByLabel('Note')
      .fill('The account has reposted it in a local group too.');
    await page.getByRole('button', { name: 'Record: Add a note' }).click();
    await page.locator('[data-done]').getByText('Add a note: recorded.').waitFor();
    await expect(page.locator('[data-timeline] [data-event-type="add_note"]').innerText()).resolves.toContain(
      STAFF.name,
    );
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'staff-incident');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('lists only their own report; another person’s answers as not found; settings are not theirs', async () => {
    await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Your reports' }).click();
    await screen(page, 'Your reports');
    await page.getByText('1 incident shown.').waitFor();
    const references = await page
      .locator('ol.incidents > li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-reference')));
    expect(references).not.toContain(othersReference);
    expect(references).toHaveLength(1);
    await shot(page, 'staff-queue');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${stack.deskUrl}#/incidents/${othersId}`);
    await page
      .getByRole('alert')
      .getByText('There is no such incident, or it is not one you can see.')
      .waitFor();
    await page.goto(`${stack.deskUrl}#/settings`);
    await screen(page, 'Not available to your role');
    await page.goto(`${stack.deskUrl}#/report`);
    await screen(page, 'Not available to your role');
    expect(await axeViolations(page)).toEqual([]);
    // The API itself refuses, whatever the desk shows.
    const status = await page.evaluate(
      async (ods) =>
        (await fetch(`/v1/practices/${ods}/reports/summary`, { credentials: 'same-origin' })).status,
      stack.ods,
    );
    expect(status).toBe(403);
  });
});

describe('sessions', () => {
  it('refuses a write that carries the session cookie from another origin', async () => {
    const events = () =>
      page.evaluate(
        async ({ ods, id }) =>
          (
            (await (await fetch(`/v1/practices/${ods}/incidents/${id}/events`)).json()) as {
              items: unknown[];
            }
          ).items.length,
        { ods: stack.ods, id: ownId },
      );
    const before = await events();
    const attackUrl = stack.sitePage(
      '/attack',
      `<!doctype html><html lang="en"><head><title>Win a prize</title></head><body><main><h1>Win a prize</h1>
<script type="module">
  // A "simple" request (text/plain): no preflight, the cookie goes with it.
  await fetch(${JSON.stringify(`${stack.apiUrl}/v1/practices/${stack.ods}/incidents/${ownId}/events`)}, {
    method: 'POST', credentials: 'include',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ type: 'add_note', text: 'planted by another site' }),
  }).catch(() => undefined);
  document.body.dataset.sent = 'yes';
</script></main></body></html>`,
    );
    const errorsBefore = probe.errors.length;
    const attacker = await probe.context.newPage();
    const logged = stack.logs.length;
    await attacker.goto(attackUrl);
    await attacker.waitForFunction(() => document.body.dataset.sent === 'yes');
    await attacker.close();
    // The attacker page's own console (a CORS error) is not the desk's.
    probe.errors.splice(errorsBefore);
    // Same site, other origin: the browser sends the SameSite=Strict cookie with this "simple"
    // request, so it is the server's Origin / Sec-Fetch-Site check that must refuse it.
    const answered = stack.logs
      .slice(logged)
      .filter(
        (line) => line.msg === 'request' && line.method === 'POST' && String(line.route).endsWith('/events'),
      );
    expect(answered.map((line) => line.status)).toEqual([403]);
    expect(await events()).toBe(before);
  });

  it('ends after 30 idle minutes: the desk says so, and signing in again returns to the same screen', async () => {
    await page.goto(`${stack.deskUrl}#/queue`);
    await screen(page, 'Your reports');
    stack.advanceClock(31 * 60_000);
    await page.getByRole('link', { name: 'Report a post' }).first().click();
    await page.getByRole('button', { name: 'Send report' }).waitFor();
    // The next call to the API answers 401: the desk shows sign-in with the reason.
    await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Your reports' }).click();
    await screen(page, 'Sign in');
    await expect(page.locator('[data-expired]').innerText()).resolves.toContain('Your session has ended');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'session-ended');
    await page.getByLabel('Email address').fill(STAFF.email);
    await page.getByLabel('Password', { exact: true }).fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await screen(page, 'Your reports');
  });

  it('resets a forgotten password with a manager’s one-time link', async () => {
    await page.goto(`${stack.deskUrl}#/forgot`);
    await screen(page, 'Reset your password');
    expect(await axeViolations(page)).toEqual([]);
    const users = await stack.call<{ items: { id: string; email: string }[] }>(
      'GET',
      `/v1/practices/${stack.ods}/users`,
    );
    const lee = users.items.find((user) => user.email === STAFF.email);
    const made = await stack.call<{ resetUrl: string }>(
      'POST',
      `/v1/practices/${stack.ods}/users/${lee?.id}/password-reset`,
    );
    await page.goto(new URL(made.resetUrl, stack.apiUrl).href);
    await screen(page, 'Choose a new password');
    await page.getByLabel('Create a password').fill('lantern quay biscuit 77');
    await page.getByLabel('Type the password again').fill('lantern quay biscuit 77');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('status').getByText('Your password has been changed').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(STAFF.email);
    await page.getByLabel('Password', { exact: true }).fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email address or password is not right.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('lantern quay biscuit 77');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await screen(page, 'Your reports');
  });

  it('signs out everywhere from the account screen', async () => {
    await page.getByRole('link', { name: /Your account/ }).click();
    await screen(page, 'Your account');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'account');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await screen(page, 'Sign in');
    await expect(page.locator('[data-expired]').innerText()).resolves.toContain('signed out on every device');
    const status = await page.evaluate(async () => (await fetch('/v1/session')).status);
    expect(status).toBe(401);
    expect(probe.errors).toEqual([]);
  });
});
