// A manager's first day, for real: invited by link, sets a password, enrols an authenticator
// (code computed by otpauth from the secret the desk shows), signs in with the code; a member of
// staff reports a post through the report form on the practice website; the manager triages it,
// meets a refusal that names its rule, records the police decision, renders and copies a
// template, closes the incident and reads the monitoring report. axe-core runs on every screen and
// state, and each screen is checked at 390 px for sideways scrolling. Screenshots go to docs/.
import { createHash } from 'node:crypto';
import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openProbe, type Probe } from './support/browser.js';
import { nextCode, screen, shot, totp } from './support/desk.js';
import { type DeskStack, startDeskStack } from './support/stack.js';

const MANAGER = {
  email: 'maya.okafor@hollinsbrook.example',
  name: 'Maya Okafor',
  password: 'kettle orchard lantern 42',
};
const POST =
  'Dr Khan is a useless idiot and if she refuses my sick note again I will come down there and smash the place up';

let stack: DeskStack;
let browser: Browser;
let probe: Probe;
let page: Page;
let secret = '';
let incidentUrl = '';
const a11y: Record<string, string[]> = {};

/** axe on the page as it is now, filed under a name; asserted all together at the end. */
async function audit(name: string): Promise<void> {
  a11y[name] = await axeViolations(page);
}

/** The same screen at 390 px wide: no sideways scrolling (checked, then the width is restored). */
async function narrow(name: string): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(50);
  const overflow = await horizontalOverflow(page);
  if (name) await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1200, height: 900 });
  return overflow;
}

beforeAll(async () => {
  stack = await startDeskStack();
  browser = await launchBrowser();
  probe = await openProbe(browser, { origin: stack.apiUrl });
  page = probe.page;
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('a manager works an incident through the desk', () => {
  it('accepts an invitation, sets a password and enrols an authenticator', async () => {
    const inviteUrl = await stack.invite(MANAGER.email, MANAGER.name, 'manager');
    expect(inviteUrl).toContain('/desk/#/invite/');
    await page.goto(inviteUrl);
    await screen(page, 'Accept your invitation');
    await expect(page.getByText(MANAGER.email).first().isVisible()).resolves.toBe(true);
    await audit('invite');
    await shot(page, 'invite');

    // Too short first: the desk says so beside the field, and nothing is sent.
    await page.getByLabel('Create a password').fill('short');
    await page.getByLabel('Type the password again').fill('short');
    await page.getByRole('button', { name: 'Set password and continue' }).click();
    await page.getByRole('alert').getByText('Use at least 12 characters').waitFor();
    await audit('invite-error');

    await page.getByLabel('Create a password').fill(MANAGER.password);
    await page.getByLabel('Type the password again').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Set password and continue' }).click();

    await screen(page, 'Set up two-factor sign-in');
    const shown = await page.locator('[data-secret]').innerText();
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/); // base32, in groups of four
    secret = shown.replace(/\s+/g, '');
    expect(await page.locator('[data-otpauth]').textContent()).toContain(`secret=${secret}`);
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    await audit('enrol');
    await shot(page, 'enrol');
    expect(await narrow('')).toBeLessThanOrEqual(0);

    await page
      .getByLabel('Enter the 6-digit code the app now shows')
      .fill('000000' === totp(secret) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('alert').getByText('That code is not right').waitFor();
    await audit('enrol-error');

    await page.getByLabel('Enter the 6-digit code the app now shows').fill(totp(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await screen(page, 'Queue');
    await expect(page.getByText(`${MANAGER.name} · Manager`).isVisible()).resolves.toBe(true);
  });

  it('signs out, then signs in with password and a code from the authenticator', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await screen(page, 'Sign in');
    await audit('sign-in');
    await shot(page, 'sign-in');
    expect(await narrow('sign-in')).toBeLessThanOrEqual(0);

    await page.getByLabel('Email address').fill(MANAGER.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email address or password is not right.').waitFor();
    await audit('sign-in-error');

    await page.getByLabel('Password', { exact: true }).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Security code').waitFor();
    await audit('sign-in-code');
    await shot(page, 'sign-in-code');
    await page.getByLabel('Security code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await screen(page, 'Queue');
  });

  it('shows a report just filed through the report form on the practice website, first', async () => {
    await stack.call('POST', `/v1/practices/${stack.ods}/incidents`, {
      platform: 'google_reviews',
      seenAt: new Date().toISOString(),
      location: 'other',
      text: 'Could you tell me when the flu clinic is on this year?',
      atRisk: false,
      reporter: { name: 'Lee Barnes' },
    });
    const staff = await browser.newPage();
    await staff.goto(stack.reportFormUrl);
    const form = staff.locator('policy-report-form');
    await form.getByRole('button', { name: 'Send report' }).waitFor();
    await form
      .getByRole('group', { name: 'Is anyone at risk right now?' })
      .getByLabel('No', { exact: true })
      .check();
    await form.getByLabel('Where was it posted?').selectOption({ label: 'Facebook' });
    await form.getByLabel(/On the practice’s own page/).check();
    await form.getByLabel('The text of the post').fill(POST);
    await form.getByLabel('Your name').fill('Lee Barnes');
    await form.getByRole('button', { name: 'Send report' }).click();
    const reference = (await form.locator('[data-reference]').innerText({ timeout: 20_000 })).trim();
    await staff.close();

    await page.reload();
    await screen(page, 'Queue');
    const first = page.locator('ol.incidents > li').first();
    await expect(first.getAttribute('data-reference')).resolves.toBe(reference);
    await expect(first.innerText()).resolves.toMatch(/Critical[\s\S]*Triage: .* left/);
    await expect(page.locator('[data-today]').innerText()).resolves.toMatch(/^\d+$/);
    await audit('queue');
    await shot(page, 'queue');
    expect(await narrow('queue')).toBeLessThanOrEqual(0);

    // Filters live in the address; a filter that matches nothing says so.
    await page.getByLabel('Severity').selectOption({ label: 'Low' });
    await page.getByLabel('Category').selectOption({ label: 'Threat of violence or harm' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No open incidents match.').waitFor();
    expect(page.url()).toContain('severity=low');
    await audit('queue-filtered-empty');
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.locator(`li[data-reference="${reference}"] a.reference`).click();
    await screen(page, `Incident ${reference}`);
    incidentUrl = page.url();
  });

  it('shows the post with the classifier’s evidence highlighted and the rule behind each', async () => {
    const marks = page.locator('[data-post] mark');
    expect(await marks.count()).toBeGreaterThan(0);
    const rules = (
      await marks.evaluateAll((all) => all.map((mark) => mark.getAttribute('data-rules') ?? ''))
    ).join(' ');
    expect(rules).toMatch(/threat\./);
    await expect(page.locator('ol.matches').innerText()).resolves.toMatch(
      /threat of violence or harm \(rule threat\.[a-z_.]+\)/,
    );
    await expect(page.locator('[data-deadline="triage"]').innerText()).resolves.toMatch(
      /Triage: .*(left|Overdue)/,
    );
    await audit('incident');
    await shot(page, 'incident');
    expect(await narrow('incident')).toBeLessThanOrEqual(0);
  });

  it('triages, with the categories confirmed and a reason there is no screenshot', async () => {
    await page.getByRole('button', { name: 'Triage', exact: true }).click();
    const form = page.getByRole('form', { name: 'Triage' });
    await form.getByLabel('Complaint').check();
    await form
      .getByLabel('If no evidence could be saved, why not')
      .fill('The author deleted it before anyone took a screenshot.');
    await audit('incident-triage-form');
    await form.getByRole('button', { name: 'Record: Triage' }).click();
    await page.locator('[data-done]').getByText('Triage: recorded.').waitFor();
    await expect(page.locator('[data-state]').getAttribute('data-state')).resolves.toBe('triaged');
    await expect(page.locator('[data-timeline] [data-event-type="triage"]').innerText()).resolves.toContain(
      MANAGER.name,
    );
  });

  it('refuses a close without the police decision, and names the rule', async () => {
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const form = page.getByRole('form', { name: 'Close' });
    await form.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Resolved privately' });
    await form.getByRole('button', { name: 'Record: Close' }).click();
    const refusal = form.locator('[data-refusal]');
    await refusal.waitFor();
    await expect(refusal.getAttribute('data-refusal')).resolves.toBe('police_decision_required');
    await expect(refusal.innerText()).resolves.toMatch(/police/i);
    await audit('incident-refused');
    await shot(page, 'incident-refused');
    await expect(page.locator('[data-state]').getAttribute('data-state')).resolves.toBe('triaged');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('records the police decision', async () => {
    await page.getByRole('button', { name: 'Report to the police', exact: true }).click();
    const form = page.getByRole('form', { name: 'Report to the police' });
    await form.getByLabel('Police reference (optional)').fill('NP-2026-118842');
    await form.getByRole('button', { name: 'Record: Report to the police' }).click();
    await page.locator('[data-done]').getByText('Report to the police: recorded.').waitFor();
    await expect(
      page.locator('[data-timeline] [data-event-type="report_to_police"]').innerText(),
    ).resolves.toContain('Police reference: NP-2026-118842');
  });

  it('saves a screenshot as evidence: a thumbnail with its SHA-256 and capture time', async () => {
    const shotPage = await browser.newPage({ viewport: { width: 480, height: 200 } });
    await shotPage.setContent(
      `<body style="margin:0;font:16px Arial;padding:20px;background:#fff"><b>valley_resident</b><p>${POST}</p></body>`,
    );
    const png = await shotPage.screenshot({ type: 'png' });
    await shotPage.close();
    await page
      .getByLabel('Add a screenshot')
      .setInputFiles({ name: 'post.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Save evidence' }).click();
    await page.locator('[data-done]').getByText('Evidence saved: recorded.').waitFor();
    const expected = createHash('sha256').update(png).digest('hex');
    await expect(page.locator('[data-sha256]').first().getAttribute('data-sha256')).resolves.toBe(expected);
    const thumbnail = page.locator('[data-evidence] img').first();
    await expect(thumbnail.getAttribute('alt')).resolves.toMatch(/^Screenshot 1, captured /);
    // The thumbnail is the stored bytes, read with the session cookie.
    await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(480);
    await audit('incident-evidence');
  });

  it('renders a template for X with its length against 280, and copies it', async () => {
    await page.getByLabel('Template', { exact: true }).selectOption('public_acknowledgement');
    await page.getByLabel('For', { exact: true }).selectOption({ label: 'X' });
    await page.getByRole('button', { name: 'Show the text' }).click();
    const text = await page.locator('[data-rendered]').innerText();
    expect(text.length).toBeGreaterThan(20);
    await expect(page.locator('[data-length]').innerText()).resolves.toMatch(
      /^\d+ characters of 280 allowed on X\.$/,
    );
    await page.getByRole('button', { name: 'Copy the text' }).click();
    await page.locator('[data-copied]').getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await audit('incident-template');
    await shot(page, 'incident-template');
  });

  it('closes the incident', async () => {
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const form = page.getByRole('form', { name: 'Close' });
    await form.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Resolved privately' });
    await form.getByRole('button', { name: 'Record: Close' }).click();
    await page.locator('[data-done]').getByText('Close: recorded.').waitFor();
    await expect(page.locator('[data-state]').getAttribute('data-state')).resolves.toBe('closed');
    await expect(page.getByRole('button', { name: 'Reopen', exact: true }).isVisible()).resolves.toBe(true);
    await audit('incident-closed');
  });

  it('shows the monitoring report with its charts, CSV and the audit verdict', async () => {
    await page.getByRole('link', { name: 'Monitoring report' }).click();
    await screen(page, 'Monitoring report');
    await page.locator('[data-total]').waitFor();
    await expect(page.locator('[data-total]').innerText()).resolves.toBe('2');
    await expect(page.locator('[data-audit]').getAttribute('data-audit')).resolves.toBe('intact');
    const byCategory = page.getByRole('table', { name: 'Incidents by category' });
    await expect(byCategory.getByRole('row', { name: /Threat of violence or harm 1/ }).count()).resolves.toBe(
      1,
    );
    await expect(page.getByRole('table', { name: 'Outcomes' }).innerText()).resolves.toMatch(
      /Resolved privately\s+1/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        let body = '';
        stream.on('data', (chunk) => {
          body += chunk;
        });
        stream.on('end', () => resolve(body));
        stream.on('error', reject);
      }, reject);
    });
    expect(csv.split('\n')[0]).toMatch(/,/);
    expect(csv).toMatch(/threat/);
    await audit('report');
    await shot(page, 'report');
    expect(await narrow('report')).toBeLessThanOrEqual(0);
  });

  it('manages settings: every section, and inviting a colleague', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await screen(page, 'Settings');
    await page.getByRole('heading', { name: 'Code of conduct' }).waitFor();
    await audit('settings-practice');
    await shot(page, 'settings');
    for (const [link, heading, name] of [
      ['Staff roster', 'Staff roster', 'settings-roster'],
      ['Alert emails', 'Alert emails', 'settings-alerts'],
      ['Webhooks', 'Add a webhook', 'settings-webhooks'],
      ['Report keys', 'Issue a report key', 'settings-keys'],
      ['People', 'Invite someone', 'settings-people'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Settings sections' })
        .getByRole('link', { name: link })
        .click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForTimeout(100);
      await audit(name);
      expect(await narrow(''), `${name} at 390 px`).toBeLessThanOrEqual(0);
    }
    // Report keys: issue one for the practice website (shown once), see it listed, revoke it.
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Report keys' })
      .click();
    await page.getByLabel('Website addresses it runs on').fill('https://www.hollinsbrook.example');
    await page.getByLabel('Label (optional)').fill('practice website, new theme');
    await page.getByRole('button', { name: 'Issue the key' }).click();
    const issued = (await page.locator('[data-secret-key]').textContent()) ?? '';
    expect(issued).toMatch(/^rk_/);
    const listed = page.locator(`[data-key="${issued.slice(3, 11)}"]`);
    await expect(listed.innerText()).resolves.toContain('https://www.hollinsbrook.example');
    await audit('settings-keys-issued');
    page.once('dialog', (dialog) => void dialog.accept());
    await listed.getByRole('button', { name: /^Revoke/ }).click();
    await listed.getByText(/Revoked/).waitFor();
    const refused = await fetch(`${stack.apiUrl}/v1/practices/${stack.ods}/reports`, {
      method: 'POST',
      headers: {
        'x-report-key': issued,
        origin: 'https://www.hollinsbrook.example',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(refused.status).toBe(401);

    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'People' })
      .click();
    await page.getByLabel('Name', { exact: true }).fill('Lee Barnes');
    await page.getByLabel('Email address').fill('lee.barnes@hollinsbrook.example');
    await page.getByRole('button', { name: 'Create the invitation' }).click();
    await expect(page.locator('[data-link]').innerText()).resolves.toContain('/desk/#/invite/');
    const lee = page.locator('[data-user="lee.barnes@hollinsbrook.example"]');
    await lee.waitFor();
    await audit('settings-people-invited');
    await lee.getByLabel('Role of Lee Barnes').selectOption('partner');
    await lee.getByRole('button', { name: 'Change role of Lee Barnes' }).click();
    await page.getByRole('status').getByText('Lee Barnes is now partner.').waitFor();
    const people = await stack.call<{ items: { email: string; role: string }[] }>(
      'GET',
      `/v1/practices/${stack.ods}/users`,
    );
    expect(people.items.find((person) => person.email === 'lee.barnes@hollinsbrook.example')?.role).toBe(
      'partner',
    );
    await shot(page, 'settings-people');
  });

  it('sets who is emailed alerts and registers a webhook: its signing secret shown once, a test queued', async () => {
    const section = (name: string) =>
      page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name }).click();
    await section('Alert emails');
    await page
      .getByLabel('Email addresses')
      .fill('manager@hollinsbrook.example, partners@hollinsbrook.example');
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await page.getByRole('status').getByText('Alerts saved: 2 addresses.').waitFor();
    const settings = await stack.call<{ settings: { alerts: { emails: string[]; minSeverity: string } } }>(
      'GET',
      `/v1/practices/${stack.ods}`,
    );
    expect(settings.settings.alerts).toEqual({
      emails: ['manager@hollinsbrook.example', 'partners@hollinsbrook.example'],
      minSeverity: 'high',
    });

    await section('Webhooks');
    const url = 'https://203.0.113.41/hooks/practice-desk';
    await page.getByLabel('Address (https)').fill(url);
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    const secret = (await page.locator('[data-secret-once] code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await audit('settings-webhook-added');
    const hooks = await stack.call<{ items: { id: string; url: string; secret?: string }[] }>(
      'GET',
      `/v1/practices/${stack.ods}/webhooks`,
    );
    expect(hooks.items.map((hook) => hook.url)).toEqual([url]);
    // Shown once: the list never carries the secret again.
    expect(JSON.stringify(hooks.items)).not.toContain(secret);

    await page.getByRole('button', { name: `Send a test to ${url}` }).click();
    await page
      .getByRole('status')
      .getByText(`A test delivery to ${url} is on its way.`, { exact: false })
      .waitFor();
    await page.getByRole('button', { name: `Deliveries to ${url}` }).click();
    await page.getByRole('heading', { name: `Deliveries to ${url}` }).waitFor();
    await audit('settings-webhook-deliveries');
    expect(await narrow('')).toBeLessThanOrEqual(0);
  });

  it('went through every screen without a console error, a CSP violation or an axe violation', async () => {
    expect(probe.errors).toEqual([]);
    expect(await probe.cspViolations()).toEqual([]);
    const failing = Object.fromEntries(Object.entries(a11y).filter(([, violations]) => violations.length));
    expect(Object.keys(a11y).length).toBeGreaterThan(15);
    expect(failing).toEqual({});
    expect(incidentUrl).toContain('#/incidents/');
  });
});
