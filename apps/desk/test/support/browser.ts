// Debian's Chromium driven by playwright-core with the team's flags; every test file gets a fresh
// browser (playwright gives each launch its own temporary profile).
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { launchBrowser } from '@policy/test-support/chromium';

export interface Probe {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, except failed loads (401s are part of signing in). */
  errors: string[];
  cspViolations(): Promise<string[]>;
}

export async function openProbe(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; origin?: string } = {},
): Promise<Probe> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1200, height: 900 },
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  if (options.origin)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: options.origin });
  await context.addInitScript(() => {
    const found: string[] = [];
    (globalThis as unknown as { __csp: string[] }).__csp = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const errors: string[] = [];
  context.on('page', (page) => watch(page, errors));
  const page = await context.newPage();
  return {
    context,
    page,
    errors,
    cspViolations: () => page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []),
  };
}

function watch(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Failed to load resource|net::ERR_/.test(text)) return;
    errors.push(text);
  });
}

/** The focused element through shadow roots: `tag "text"`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const text = (active.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${active.tagName.toLowerCase()}${text ? ` "${text}"` : ''}`;
  });
}

/** Whether the page scrolls sideways (content wider than the viewport). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
