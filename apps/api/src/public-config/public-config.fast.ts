import { randomUUID } from 'node:crypto';
import type { Store } from '../db/store.js';
import type { LogLine } from '../http/env.js';
import { requestLine } from '../http/logging.js';
import { CACHE_CONTROL, matches, PUBLIC_CONTENT_TYPE, PUBLIC_CORS } from './public-config.handlers.js';

// `GET /v1/practices/{ods}/public` is what every patient's page load asks for, so it is answered
// before Hono routes the request: no context, no middleware chain, no Headers object (a plain
// header record goes straight to writeHead), and synchronously (so @hono/node-server writes it
// without awaiting a promise). What it sends is exactly what the documented route and the app's
// middleware send — request id and log line, nosniff, CORS for any origin, ETag, Cache-Control, 304
// on a matching If-None-Match — and public-config.test.ts compares the two. Anything else (HEAD,
// OPTIONS, an unknown practice, a percent-encoded or oddly shaped path) goes to the router.

const PREFIX = '/v1/practices/';
const SUFFIX = '/public';
export const PUBLIC_ROUTE = '/v1/practices/:ods/public';

/** The ODS code of a plain `/v1/practices/<ods>/public` URL, or undefined for anything else. */
export function publicOds(url: string): string | undefined {
  // As Hono reads a path: from the first '/' after the scheme's '://', up to '?' or '#'.
  const start = url.indexOf('/', url.indexOf(':') + 4);
  if (start < 0 || !url.startsWith(PREFIX, start)) return undefined;
  let end = url.length;
  for (let i = start + PREFIX.length; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code === 63 || code === 35) {
      end = i;
      break;
    }
    // '%' means Hono would decode the path first: leave such requests to it.
    if (code === 37) return undefined;
  }
  const odsEnd = end - SUFFIX.length;
  if (odsEnd <= start + PREFIX.length || !url.startsWith(SUFFIX, odsEnd)) return undefined;
  const ods = url.slice(start + PREFIX.length, odsEnd);
  return ods.includes('/') ? undefined : ods;
}

export function publicConfigFastLane(
  store: Store,
  log: (line: LogLine) => void,
): (request: Request) => Response | undefined {
  return (request) => {
    if (request.method !== 'GET') return undefined;
    const ods = publicOds(request.url);
    if (ods === undefined) return undefined;
    const started = performance.now();
    const found = store.publicBody(ods);
    if (!found) return undefined;
    const requestId = randomUUID();
    const ifNoneMatch = request.headers.get('if-none-match');
    const notModified = ifNoneMatch !== null && ifNoneMatch !== '' && matches(ifNoneMatch, found.etag);
    const headers: Record<string, string> = {
      'x-request-id': requestId,
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': PUBLIC_CORS.origin,
      'access-control-expose-headers': PUBLIC_CORS.exposeHeaders,
      etag: found.etag,
      'cache-control': CACHE_CONTROL,
    };
    if (!notModified) headers['content-type'] = PUBLIC_CONTENT_TYPE;
    const status = notModified ? 304 : 200;
    log(requestLine(requestId, 'GET', PUBLIC_ROUTE, status, started));
    return new Response(notModified ? null : (found.body as Uint8Array<ArrayBuffer>), { status, headers });
  };
}
