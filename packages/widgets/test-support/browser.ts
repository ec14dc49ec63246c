// One real Chromium (Debian's /usr/bin/chromium) per test file; a fresh context per test so
// storage, cookies and permissions never leak between tests.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium; playwright gives it a fresh temporary --user-data-dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface PageProbe {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested (documents, scripts, fetches). */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** CSP violations reported by the page (`securitypolicyviolation`). */
  cspViolations: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** A new isolated context + page that records requests, errors and CSP violations. */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<PageProbe> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  // Init scripts run through the DevTools protocol, so a strict page CSP does not block them.
  await context.addInitScript(() => {
    const found: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    page,
    context,
    requests,
    errors,
    cspViolations: () =>
      page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations ?? []),
    close: () => context.close(),
  };
}

/** The element that has focus, looking through shadow roots: "tag#id.class text". */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const text = (active.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''} ${text}`.trim();
  });
}

/** Presses Tab until `matches(focus description)` or gives up after `limit` presses. */
export async function tabTo(page: Page, matches: (focus: string) => boolean, limit = 40): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await describeFocus(page);
    seen.push(focus);
    if (matches(focus)) return focus;
  }
  throw new Error(`Focus never reached the target; visited:\n${seen.join('\n')}`);
}
