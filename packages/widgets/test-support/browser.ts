// One real Chromium (Debian's /usr/bin/chromium) per test file; a fresh context per test so
// storage, cookies and permissions never leak between tests.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '@policy/test-support/chromium';

export interface PageProbe {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested (documents, scripts, fetches). */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** CSP violations reported by the page (`securitypolicyviolation`). */
  cspViolations: () => Promise<string[]>;
  /** Every `policy-*` CustomEvent dispatched so far (type and detail), in order. */
  events: () => Promise<{ type: string; detail: unknown }[]>;
  /** Resolves with the details of the first `count` events of `type` (already dispatched or still to come). */
  waitForEvents: (type: string, count?: number, timeoutMs?: number) => Promise<unknown[]>;
  /** Cumulative layout shift so far (shifts right after user input excluded, as CLS does). */
  layoutShift: () => Promise<number>;
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
    // Widgets' events are recorded from the very start of each page, before any test code runs.
    const events: { type: string; detail: unknown }[] = [];
    (globalThis as unknown as { __policyEvents: typeof events }).__policyEvents = events;
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (event: Event) {
      if (event instanceof CustomEvent && event.type.startsWith('policy-')) {
        events.push({ type: event.type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
      }
      return dispatch.call(this, event);
    };
    const shifts = { total: 0 };
    (globalThis as unknown as { __layoutShift: { total: number } }).__layoutShift = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
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
    events: () => page.evaluate(() => (globalThis as unknown as { __policyEvents: [] }).__policyEvents),
    waitForEvents: async (type, count = 1, timeoutMs = 10_000) => {
      const handle = await page.waitForFunction(
        ({ type, count }) => {
          const all = (globalThis as unknown as { __policyEvents: { type: string; detail: unknown }[] })
            .__policyEvents;
          const matching = all.filter((event) => event.type === type).map((event) => event.detail);
          return matching.length >= count ? matching : undefined;
        },
        { type, count },
        { timeout: timeoutMs },
      );
      return (await handle.jsonValue()) as unknown[];
    },
    layoutShift: () =>
      page.evaluate(async () => {
        // Layout-shift entries are delivered after the frame that caused them: wait two frames.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return (globalThis as unknown as { __layoutShift: { total: number } }).__layoutShift.total;
      }),
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
