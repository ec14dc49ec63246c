import type { Handler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { notFound } from '../http/problem.js';

// Short max-age so a settings change reaches patients within minutes; revalidation is a cheap 304.
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The hot path: one prepared lookup of the ETag; the JSON was computed when the settings last changed. */
export const getPublicConfig: Handler<AppEnv> = (c) => {
  const found = c.var.deps.store.publicBody(c.req.param('ods') ?? '');
  if (!found) throw notFound('practice');
  c.header('ETag', found.etag);
  c.header('Cache-Control', CACHE_CONTROL);
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && matches(ifNoneMatch, found.etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(found.body as Uint8Array<ArrayBuffer>, 200);
};
