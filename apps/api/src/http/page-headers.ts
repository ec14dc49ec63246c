import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

// Headers for the HTML pages this process serves (/docs, /demo): a Content-Security-Policy that
// allows no inline script unless its hash is listed, frames from nowhere, and no Referer sent on.

/** No inline script or style, no eval; fetches, scripts and styles from this origin only. */
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

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The CSP source list entries for each inline script in `html`. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
}

/**
 * Sets the page headers on an HTML answer. `csp` may be a function of the page, for a page with
 * inline scripts (Scalar's configuration): their hashes go into script-src.
 */
export const pageHeaders =
  (csp: string | ((html: string) => string)): MiddlewareHandler =>
  async (c, next) => {
    await next();
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    const policy = typeof csp === 'string' ? csp : csp(await c.res.clone().text());
    c.res.headers.set('Content-Security-Policy', policy);
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  };
