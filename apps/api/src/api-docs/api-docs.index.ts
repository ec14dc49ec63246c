import { readFile } from 'node:fs/promises';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';

// The interactive reference, served wholly from this process: Scalar's standalone bundle comes from
// node_modules, never a CDN (the API may run where a CDN is blocked, and docs must not track users).

let bundle: Promise<string> | undefined;
const loadBundle = () => {
  bundle ??= readFile(
    new URL('./browser/standalone.js', import.meta.resolve('@scalar/api-reference')),
    'utf8',
  );
  return bundle;
};

export const apiDocs = new Hono<AppEnv>()
  .get('/docs/scalar.js', async (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(await loadBundle());
  })
  .get(
    '/docs',
    Scalar({
      url: '/openapi.json',
      cdn: '/docs/scalar.js',
      pageTitle: 'GP practice social-media policy API',
      withDefaultFonts: false,
      hideClientButton: false,
    }),
  );
