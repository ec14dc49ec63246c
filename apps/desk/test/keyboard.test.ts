// Keyboard only, on the demo practice (`npm start`'s, two-factor off, marked "demo"): every screen
// is reached and worked with Tab, Shift+Tab, arrows, Space and Enter — no mouse. After each screen
// change the new screen's heading has focus, and focus is always visible.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, launchBrowser, openProbe, type Probe } from './support/browser.js';
import { screen } from './support/desk.js';
import { type DeskStack, fileReport, startDeskStack } from './support/stack.js';

let stack: DeskStack;
let browser: Browser;
let probe: Probe;
let page: Page;

/** Presses Tab (or Shift+Tab) until the focused element matches; fails if it never does. */
async function tabTo(target: RegExp, backwards = false, limit = 60): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (target.test(now)) return;
    seen.push(now);
  }
  throw new Error(`${target} not reached by keyboard; focus went through: ${seen.join(' | ')}`);
}

async function focusIsVisible(): Promise<boolean> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return false;
    const style = getComputedStyle(active);
    return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
  });
}

async function headingFocused(name: string): Promise<void> {
  await screen(page, name);
  await expect.poll(() => focused(page)).toBe(`h1 "${name}"`);
}

beforeAll(async () => {
  stack = await startDeskStack({ demo: true });
  await fileReport(stack, 'You lot lost my test results twice now, absolutely useless, I want a new GP');
  await fileReport(stack, 'Does anyone know if the flu clinic is running on Saturday this year?');
  browser = await launchBrowser();
  probe = await openProbe(browser);
  page = probe.page;
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the desk by keyboard alone', () => {
  it('signs in to the demo practice, which is marked as the demo', async () => {
    const manager = stack.server.demoKeys?.manager;
    expect(manager).toBeDefined();
    await page.goto(stack.deskUrl);
    await screen(page, 'Sign in');
    await tabTo(/^input/);
    await page.keyboard.type(manager?.email ?? '');
    await page.keyboard.press('Tab');
    await page.keyboard.type(manager?.password ?? '');
    await page.keyboard.press('Enter');
    await headingFocused('Queue');
    await expect(page.locator('[data-demo]').innerText()).resolves.toMatch(/demo/i);
  });

  it('skips to the content, filters the queue and opens an incident', async () => {
    await tabTo(/^a "Skip to main content"/, true);
    expect(await focusIsVisible()).toBe(true);
    await tabTo(/^select/); // State
    await page.keyboard.press('Tab'); // Category
    await page.keyboard.press('Tab'); // Severity
    await page.keyboard.press('ArrowDown'); // Any → Critical
    await page.keyboard.press('ArrowDown'); // → High
    await page.keyboard.press('ArrowDown'); // → Medium
    await page.keyboard.press('ArrowDown'); // → Low
    await tabTo(/^button "Apply filters"/);
    expect(await focusIsVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('severity=low');
    await headingFocused('Queue');
    await tabTo(/^a "Y9\d{4}-\d{4}-\d{4}"/);
    await page.keyboard.press('Enter');
    await screen(page, /^Incident /);
    expect(await focused(page)).toMatch(/^h1 "Incident /);
  });

  it('records a note from the actions with the keyboard', async () => {
    await tabTo(/^button "Add a note"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('textarea');
    await page.keyboard.type('Phoned the patient; they will use the complaints procedure.');
    await tabTo(/^button "Record: Add a note"/);
    await page.keyboard.press('Enter');
    await page.locator('[data-done]').getByText('Add a note: recorded.').waitFor();
  });

  it('renders a template and copies it with the keyboard', async () => {
    await tabTo(/^button "Show the text"/);
    await page.keyboard.press('Enter');
    await page.locator('[data-rendered]').waitFor();
    await tabTo(/^div/); // the rendered text is a focusable, scrollable region
    await tabTo(/^button "Copy the text"/);
    expect(await focusIsVisible()).toBe(true);
  });

  it('reaches the monitoring report and settings from the navigation', async () => {
    await tabTo(/^a "Monitoring report"/, true, 120);
    await page.keyboard.press('Enter');
    await headingFocused('Monitoring report');
    await tabTo(/^button "Download CSV"/);
    await tabTo(/^a "Settings"/, true);
    await page.keyboard.press('Enter');
    await headingFocused('Settings');
    await tabTo(/^a "People"/);
    await page.keyboard.press('Enter');
    await headingFocused('Settings');
    await tabTo(/^input/); // Name
    await page.keyboard.type('Jo Whitfield');
    await page.keyboard.press('Tab');
    await page.keyboard.type('jo.whitfield@riverside-green.example');
    await tabTo(/^button "Create the invitation"/);
    await page.keyboard.press('Enter');
    await page.locator('[data-link]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs out with the keyboard', async () => {
    await tabTo(/^button "Sign out"/, true, 150);
    await page.keyboard.press('Enter');
    await headingFocused('Sign in');
    expect(probe.errors).toEqual([]);
    expect(await probe.cspViolations()).toEqual([]);
  });
});
