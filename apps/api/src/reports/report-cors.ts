import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';

// The report form runs on the practice's own website and posts cross-origin. Report keys are bound
// to their practice's web origins, and that check is made on the POST itself (auth.ts): it refuses
// with 403 problem+json `/problems/origin-not-allowed` before anything is read or filed.
//
// So the preflight is answered for every origin, and every answer echoes the requesting origin. A
// browser cannot read a refused preflight at all (it surfaces as a network error, which the form
// took for "the server did not answer" and retried for ever); letting the POST through to be
// refused makes the refusal readable, so the form can say "this website is not allowed to send
// reports". Echoing the origin gives nothing away: no cookies or credentials are allowed, and a
// POST from an origin the key does not list is refused whatever it carries.

const ALLOW_HEADERS = 'Content-Type, X-Report-Key, Idempotency-Key';

export const reportCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  // An opaque origin ("null": sandboxed frames, local files) is never echoed.
  const header = c.req.header('origin');
  const origin = header && header !== 'null' ? header : undefined;
  c.header('Vary', 'Origin');
  if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
  if (c.req.method === 'OPTIONS') {
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
      c.header('Access-Control-Max-Age', '600');
    }
    return c.body(null, 204);
  }
  if (origin !== undefined)
    c.header('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
  await next();
};
