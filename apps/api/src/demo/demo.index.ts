import { Hono } from 'hono';
import { embedSnippet } from '../assets/assets.index.js';
import { currentWidgetBundle } from '../assets/bundle.js';
import { DEMO_ODS, DEMO_REPORT_KEY } from '../seed/demo.js';
import { demoPage } from './demo-page.js';
import { DEMO_CSS, HOSTILE_CSS } from './demo-styles.js';

// /demo: a fictional practice's home page embedding all three widgets with one script tag.
// /demo/strict: the same under a strict Content-Security-Policy with hostile host CSS.
// /demo?banner=top|bottom shows the conduct banner as a fixed bar instead of the inline card.

export interface DemoOptions {
  /** The practice shown (the API seeds Y90001 when POLICY_DEMO=1). */
  ods: string;
  /** Its publishable report key, for the staff report form. */
  reportKey: string;
}

/** No inline script or style, no eval; fetches and scripts from this origin only. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CSS_HEADERS = { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' };

/** The script tag a practice pastes: the content-hashed bundle with its SRI value when built. */
function scriptTag(origin: string): string {
  const bundle = currentWidgetBundle();
  // blocking="render": the inline banner is laid out before first paint, so it never shifts the page.
  return bundle
    ? embedSnippet(origin, bundle).replace('<script ', '<script blocking="render" ')
    : `<script type="module" blocking="render" src="${origin}/widgets/policy-widgets.js"></script>`;
}

export function createDemo(options: DemoOptions) {
  const page = (origin: string, strict: boolean, banner: string | undefined) =>
    demoPage({
      ods: options.ods,
      reportKey: options.reportKey,
      scriptTag: scriptTag(origin),
      stylesheets: strict ? ['/demo/demo.css', '/demo/hostile.css'] : ['/demo/demo.css'],
      strict,
      bannerVariant: banner === 'top' || banner === 'bottom' ? banner : 'inline',
    });
  return new Hono()
    .get('/demo', (c) => c.html(page(new URL(c.req.url).origin, false, c.req.query('banner'))))
    .get('/demo/strict', (c) => {
      c.header('Content-Security-Policy', STRICT_CSP);
      return c.html(page(new URL(c.req.url).origin, true, c.req.query('banner')));
    })
    .get('/demo/demo.css', (c) => c.body(DEMO_CSS, 200, CSS_HEADERS))
    .get('/demo/hostile.css', (c) => c.body(HOSTILE_CSS, 200, CSS_HEADERS));
}

export const demo = createDemo({ ods: DEMO_ODS, reportKey: DEMO_REPORT_KEY });
