// The decision the policy keeps for partners: a manager sees "Decide on removal from the list"
// refused in the rule's words; a partner makes it, with a reason, and the incident closes.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe, type Probe } from './support/browser.js';
import { screen, shot, totp } from './support/desk.js';
import { type DeskStack, fileReport, startDeskStack } from './support/stack.js';

let stack: DeskStack;
let browser: Browser;
let probe: Probe;
let page: Page;
let incidentId = '';

/** Accepts an invitation and enrols an authenticator; returns once the queue shows. */
async function join(role: 'manager' | 'partner', email: string, name: string): Promise<void> {
  await page.goto(await stack.invite(email, name, role));
  await screen(page, 'Accept your invitation');
  await page.getByLabel('Create a password').fill('harbour violet pencil 31');
  await page.getByLabel('Type the password again').fill('harbour violet pencil 31');
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await screen(page, 'Set up two-factor sign-in');
  const secret = (await page.locator('[data-secret]').innerText()).replace(/\s+/g, '');
  await page.getByLabel('Enter the 6-digit code the app now shows').fill(totp(secret));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await screen(page, 'Queue');
}

beforeAll(async () => {
  stack = await startDeskStack();
  browser = await launchBrowser();
  probe = await openProbe(browser);
  page = probe.page;
  page.setDefaultTimeout(10_000);
  // An abusive post, worked up to a removal review through the API (as a vendor's system could).
  const filed = await fileReport(
    stack,
    'The staff at this surgery are a bunch of useless idiots and morons',
    {
      author: { handle: '@repeat_poster', kind: 'patient' },
    },
  );
  incidentId = filed.id;
  const apply = (body: Record<string, unknown>) =>
    fetch(`${stack.apiUrl}/v1/practices/${stack.ods}/incidents/${incidentId}/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.apiKey}`,
        'x-acting-user': 'pm-1; role=manager',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`${body.type}: ${response.status} ${await response.text()}`);
    });
  await apply({
    type: 'triage',
    categories: ['abusive'],
    evidenceUnavailableReason: 'Deleted before capture.',
  });
  await apply({ type: 'request_removal', contact: 'private message' });
  await apply({ type: 'author_refused' });
  await apply({ type: 'issue_warning', issuedOn: new Date().toISOString().slice(0, 10) });
  await apply({ type: 'start_removal_review' });
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('removal from the list is a partner’s decision', () => {
  it('shows a manager the decision refused, in the rule’s words', async () => {
    await join('manager', 'sam.price@hollinsbrook.example', 'Sam Price');
    await page.goto(`${stack.deskUrl}#/incidents/${incidentId}`);
    await screen(page, /^Incident /);
    await expect(page.locator('[data-state]').getAttribute('data-state')).resolves.toBe('removal_review');
    const refused = page.locator('[data-refused="decide_removal"]');
    await expect(
      refused.getByRole('button', { name: 'Decide on removal from the list' }).isDisabled(),
    ).resolves.toBe(true);
    await expect(refused.innerText()).resolves.toMatch(/partner/i);
    await expect(refused.innerText()).resolves.toContain('partner_only');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'incident-partner-only');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await screen(page, 'Sign in');
  });

  it('lets a partner decide, with a reason (keeping the patient returns the incident to escalated)', async () => {
    await join('partner', 'dr.amira.khan@hollinsbrook.example', 'Dr Amira Khan');
    await page.goto(`${stack.deskUrl}#/incidents/${incidentId}`);
    await screen(page, /^Incident /);
    await page.getByRole('button', { name: 'Decide on removal from the list' }).click();
    const form = page.getByRole('form', { name: 'Decide on removal from the list' });
    await form.getByRole('button', { name: 'Record: Decide on removal from the list' }).click();
    await form.getByText('Enter reason').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel('Keep the patient on the list').check();
    await form
      .getByLabel('Reason')
      .fill('A first warning was issued; the partners agreed to keep them on the list.');
    await form.getByRole('button', { name: 'Record: Decide on removal from the list' }).click();
    await page.locator('[data-done]').getByText('Decide on removal from the list: recorded.').waitFor();
    // "Retain" goes back to escalated, as the lifecycle says.
    await expect(page.locator('[data-state]').getAttribute('data-state')).resolves.toBe('escalated');
    await expect(
      page.locator('[data-timeline] [data-event-type="decide_removal"]').innerText(),
    ).resolves.toContain('Dr Amira Khan (partner)');
    expect(probe.errors).toEqual([]);
  });
});
