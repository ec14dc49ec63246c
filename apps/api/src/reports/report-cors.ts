import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';

// The report form runs on the practice's own website and posts cross-origin. The allow-list is
// per practice: the origins of its live report keys. Preflights (which carry no key) are answered
// from that list; the actual request is then checked against its own key's origins (auth.ts).

const ALLOW_HEADERS = 'Content-Type, X-Report-Key, Idempotency-Key';

export const reportCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  const ods = c.req.param('ods') ?? '';
  const allowed = origin !== undefined && c.get('deps').store.reportOrigins(ods).includes(origin);
  c.header('Vary', 'Origin');
  if (c.req.method === 'OPTIONS') {
    if (!allowed) return c.body(null, 403);
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  }
  if (allowed) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
  }
  await next();
};
