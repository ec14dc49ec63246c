import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, LogLine } from './env.js';

/**
 * One JSON line per request: id, method, route pattern (never the concrete path or query, which
 * can carry ids and personal data), status and duration. Bodies, names and keys are never logged.
 */
export const requestLog =
  (log: (line: LogLine) => void): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      const route =
        c.req.routePath && c.req.routePath !== '/*' && c.req.routePath !== '*'
          ? c.req.routePath
          : 'unmatched';
      log({
        time: new Date().toISOString(),
        level: c.res.status >= 500 ? 'error' : 'info',
        msg: 'request',
        requestId,
        method: c.req.method,
        route,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  };

export const jsonLineLogger = (line: LogLine): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
