// Debian's Chromium (/usr/bin/chromium) driven by playwright-core, with the one set of launch
// settings every browser test and script uses. `chromium.launch` gives each browser a fresh
// temporary --user-data-dir (playwright refuses one passed in args), so no storage survives
// between browsers; tests still open a context of their own per test.
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No GPU, no sandbox (root in CI), and nothing that calls out: this machine's network is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** `britishUi`: Chromium's own UI locale en-GB, so native date inputs read the British way. */
export function launchBrowser(options: { britishUi?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: options.britishUi ? [...CHROMIUM_ARGS, '--lang=en-GB'] : [...CHROMIUM_ARGS],
    headless: true,
    ...(options.britishUi ? { env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' } } : {}),
  });
}

/** The focused element, looking through shadow roots: `tag#id "text"`. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const text = (active.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${text ? ` "${text}"` : ''}`;
  });
}
