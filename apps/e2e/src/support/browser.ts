// Debian's Chromium driven by playwright-core, with the team's flags. `chromium.launch` gives every
// browser a fresh temporary --user-data-dir (playwright refuses one passed in args), so no storage
// survives between test files; each test also gets its own context.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { focusedElement as focused, launchBrowser } from '@policy/test-support/chromium';

export interface Probe {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, from every page of the context. */
  errors: string[];
  /** `securitypolicyviolation` events seen by the page. */
  cspViolations(page?: Page): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A fresh context and page that records errors and CSP violations. Failed network requests are
 * not errors here: the offline tests cause them on purpose, and the form reports them itself.
 */
export async function openProbe(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; ignoreErrors?: RegExp } = {},
): Promise<Probe> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 900 },
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  await context.addInitScript(() => {
    const found: string[] = [];
    (globalThis as unknown as { __csp: string[] }).__csp = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // Chromium logs every failed fetch; those are the point of the offline tests.
      if (/Failed to load resource|net::ERR_/.test(text)) return;
      if (options.ignoreErrors?.test(text)) return;
      errors.push(text);
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  return {
    context,
    page,
    errors,
    cspViolations: (target = page) =>
      target.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []),
    close: () => context.close(),
  };
}

/** How the focused element shows focus: its outline and box-shadow, looked up through shadow roots. */
export function focusStyle(page: Page): Promise<{ outline: string; boxShadow: string; background: string }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const style = active ? getComputedStyle(active) : null;
    return {
      outline: style ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '',
      boxShadow: style?.boxShadow ?? '',
      background: style?.backgroundColor ?? '',
    };
  });
}
