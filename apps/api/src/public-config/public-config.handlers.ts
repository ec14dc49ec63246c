import type { Handler } from 'hono';
import type { CorsOptions } from '../http/cors.js';
import type { AppEnv } from '../http/env.js';
import { notFound } from '../http/problem.js';

// Short max-age so a settings change reaches patients within minutes; revalidation is a cheap 304.
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';
export const PUBLIC_CONTENT_TYPE = 'application/json; charset=UTF-8';
/** Any web page may read a practice's public config: it holds nothing private. */
export const PUBLIC_CORS = {
  origin: '*',
  methods: 'GET, HEAD, OPTIONS',
  exposeHeaders: 'ETag',
  maxAge: 86400,
} as const satisfies CorsOptions;

/** If-None-Match against a strong ETag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The documented route's handler. A plain GET is answered before routing by the fast lane
 * (public-config.fast.ts), which sends exactly what this handler and its middleware send; this one
 * answers HEAD, unknown practices (404) and paths the fast lane leaves alone.
 */
export const getPublicConfig: Handler<AppEnv> = (c) => {
  const found = c.get('deps').store.publicBody(c.req.param('ods') ?? '');
  if (!found) throw notFound('practice');
  c.header('ETag', found.etag);
  c.header('Cache-Control', CACHE_CONTROL);
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && matches(ifNoneMatch, found.etag)) return c.body(null, 304);
  c.header('Content-Type', PUBLIC_CONTENT_TYPE);
  return c.body(found.body as Uint8Array<ArrayBuffer>, 200);
};
