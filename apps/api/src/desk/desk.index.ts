import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Context, Hono } from 'hono';

// Serves the practice desk (apps/desk, built by Vite) at /desk/. The page is the same for
// everyone; sign-in, data and roles all go through /v1 like any vendor's client. Hashed assets
// are cached for a year; the page itself is never cached, so a deploy is picked up at once.

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

function deskDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@policy/desk/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

const files = new Map<string, Buffer | null>();
/** A built file's bytes (read once), or null if the desk is not built. Names are checked first. */
function builtFile(relative: string): Buffer | null {
  if (!files.has(relative)) {
    const dir = deskDir();
    let body: Buffer | null = null;
    try {
      body = dir ? readFileSync(join(dir, relative)) : null;
    } catch {
      body = null;
    }
    files.set(relative, body);
  }
  return files.get(relative) ?? null;
}

const notBuilt = (c: Context, status: 404 | 503, detail: string) =>
  c.body(JSON.stringify({ type: '/problems/not-found', title: 'Not found', status, detail }), status, {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });

export const desk = new Hono()
  .get('/desk', (c) => c.redirect('/desk/', 301))
  .get('/desk/', (c) => {
    files.delete('index.html'); // tiny, and a rebuild must show at once
    const page = builtFile('index.html');
    if (!page) return notBuilt(c, 503, 'The desk has not been built: run `npm run build -w @policy/desk`.');
    return c.body(new Uint8Array(page), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'SAMEORIGIN',
    });
  })
  .get('/desk/assets/:file', (c) => {
    const file = c.req.param('file');
    const match = /^[A-Za-z0-9_-]+\.(js|css|svg|png)$/.exec(file);
    const body = match ? builtFile(`assets/${file}`) : null;
    if (!match || !body) return notBuilt(c, 404, 'No such desk asset.');
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[match[1] ?? 'js'] ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
