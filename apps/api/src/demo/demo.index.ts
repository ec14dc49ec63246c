import { Hono } from 'hono';
import { currentWidgetBundle } from '../assets/bundle.js';
import { pageHeaders, STRICT_CSP } from '../http/page-headers.js';
import { demoPage, escapeAttr } from './demo-page.js';
import { DEMO_CSS, HOSTILE_CSS } from './demo-styles.js';

// /demo: a fictional practice's home page embedding all three widgets with one script tag.
// /demo/strict: the same under a strict Content-Security-Policy with hostile host CSS.
// /demo?banner=top|bottom shows the conduct banner as a fixed bar instead of the inline card.

export interface DemoOptions {
  /** The practice shown (the server seeds Y90001 when the demo is on). */
  ods: string;
  /** Its publishable report key, for the staff report form. */
  reportKey: string;
}

export { STRICT_CSP };

const CSS_HEADERS = { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' };

/**
 * The script tag a practice pastes: the content-hashed bundle with its SRI value when built. Its src
 * is relative — the page and the bundle share this origin — so nothing in the request (the Host
 * header above all) reaches the markup.
 */
function scriptTag(): string {
  const bundle = currentWidgetBundle();
  // blocking="render": the inline banner is laid out before first paint, so it never shifts the page.
  return bundle
    ? `<script blocking="render" type="module" src="${escapeAttr(`/widgets/policy-widgets.${bundle.hash}.js`)}" integrity="${escapeAttr(bundle.integrity)}" crossorigin="anonymous"></script>`
    : '<script type="module" blocking="render" src="/widgets/policy-widgets.js"></script>';
}

export function createDemo(options: DemoOptions) {
  const page = (strict: boolean, banner: string | undefined) =>
    demoPage({
      ods: options.ods,
      reportKey: options.reportKey,
      scriptTag: scriptTag(),
      stylesheets: strict ? ['/demo/demo.css', '/demo/hostile.css'] : ['/demo/demo.css'],
      strict,
      bannerVariant: banner === 'top' || banner === 'bottom' ? banner : 'inline',
    });
  // Both pages run under the strict policy (they have no inline script or style); /demo/strict adds
  // hostile host CSS.
  return new Hono()
    .use('/demo', pageHeaders(STRICT_CSP))
    .use('/demo/strict', pageHeaders(STRICT_CSP))
    .get('/demo', (c) => c.html(page(false, c.req.query('banner'))))
    .get('/demo/strict', (c) => c.html(page(true, c.req.query('banner'))))
    .get('/demo/demo.css', (c) => c.body(DEMO_CSS, 200, CSS_HEADERS))
    .get('/demo/hostile.css', (c) => c.body(HOSTILE_CSS, 200, CSS_HEADERS));
}
