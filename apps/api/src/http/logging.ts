import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, LogLine } from './env.js';

/** The one line logged per request (the fast lanes in app.ts build the same one). */
export function requestLine(
  requestId: string,
  method: string,
  route: string,
  status: number,
  started: number,
): LogLine {
  return {
    time: new Date().toISOString(),
    level: status >= 500 ? 'error' : 'info',
    msg: 'request',
    requestId,
    method,
    route,
    status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

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
      log(requestLine(requestId, c.req.method, route, c.res.status, started));
    }
  };

// Lines are gathered and written once per turn of the event loop: under load that is one write(2)
// for many requests instead of one each (stdout to a file or pipe is written synchronously, so each
// write is a system call on the request's path). What is pending is written before the process
// exits (an uncaught error exits through 'exit' too); a SIGKILL can lose the last turn's lines.
let pending = '';
let scheduled = false;
let hooked = false;
const flush = () => {
  scheduled = false;
  if (pending === '') return;
  const out = pending;
  pending = '';
  process.stdout.write(out);
};

export const jsonLineLogger = (line: LogLine): void => {
  pending += `${JSON.stringify(line)}\n`;
  if (!hooked) {
    hooked = true;
    process.on('exit', flush);
  }
  if (pending.length >= 64 * 1024) flush();
  else if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
};
