import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

export interface CorsOptions {
  /** Which origin to allow: `*`, or a function returning the origin to echo (or null to allow none). */
  origin: '*' | ((origin: string) => string | null);
  methods: string;
  allowHeaders?: string;
  exposeHeaders?: string;
  maxAge: number;
}

/**
 * CORS with headers set through c.header() only. (hono/cors writes to c.res.headers before the
 * handler runs, which makes Hono rebuild every response as a stream-backed Response: on the public
 * config that cost more than everything else in the request.)
 */
export const corsHeaders =
  (options: CorsOptions): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const requestOrigin = c.req.header('origin');
    const allowed =
      options.origin === '*' ? '*' : requestOrigin === undefined ? null : options.origin(requestOrigin);
    if (options.origin !== '*') c.header('Vary', 'Origin');
    if (allowed !== null) {
      c.header('Access-Control-Allow-Origin', allowed);
      if (options.exposeHeaders) c.header('Access-Control-Expose-Headers', options.exposeHeaders);
    }
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      if (allowed !== null) {
        c.header('Access-Control-Allow-Methods', options.methods);
        if (options.allowHeaders) c.header('Access-Control-Allow-Headers', options.allowHeaders);
        c.header('Access-Control-Max-Age', String(options.maxAge));
      }
      return c.body(null, 204);
    }
    await next();
  };
