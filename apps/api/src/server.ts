import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from './app.js';
import { type Db, openDatabase } from './db/open.js';
import { Store } from './db/store.js';
import { refreshPublicConfigs } from './practices/practice-config.js';
import { type DemoKeys, seedDemo } from './seed/demo.js';

export interface ServerOptions extends Omit<AppOptions, 'db'> {
  /** 0 picks a free port (tests). */
  port?: number;
  /** Interface to listen on; all interfaces when omitted. */
  hostname?: string;
  databasePath: string;
  /** Seed the fictional demo practice and print its keys. */
  demo?: boolean;
  /** How long SIGTERM waits for in-flight requests before cutting connections. */
  shutdownGraceMs?: number;
  /** Deadlines for slow clients (defaults: DEFAULT_TIMEOUTS). */
  timeouts?: Partial<ServerTimeouts>;
  /** Open connections at most; one more is dropped on arrival (default 512). */
  maxConnections?: number;
}

export interface ServerTimeouts {
  /** From connection (or the previous response) to the end of the request's headers: else 408. */
  headersMs: number;
  /** From connection to the whole request (headers and body) received: else 408. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** A socket with no bytes either way for this long is closed. */
  idleMs: number;
  /** How often the header and request deadlines are checked. */
  checkEveryMs: number;
}

/**
 * A 25 MiB report form (five 5 MiB screenshots) needs 120 s at 1.7 Mbit/s, a poor uplink; a body
 * trickled to hold a connection is cut there, and headers (a few hundred bytes) get 10 s.
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 120_000,
  keepAliveMs: 5_000,
  idleMs: 30_000,
  checkEveryMs: 1_000,
};

/** Well above what staff and patients' page views need at once (the bench uses 50). */
export const DEFAULT_MAX_CONNECTIONS = 512;

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  demoKeys?: DemoKeys;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close: () => Promise<void>;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_DATABASE_PATH = fileURLToPath(new URL('../data/policy.sqlite', import.meta.url));

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = openDatabase(options.databasePath);
  const store = new Store(db);
  refreshPublicConfigs(store);
  const app = createApp({ ...options, db });
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = serve({
    fetch: app.fetch,
    port: options.port ?? 8787,
    hostname: options.hostname,
    serverOptions: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
  }) as Server;
  server.setTimeout(timeouts.idleMs, (socket) => socket.destroy());
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.hostname && options.hostname !== '0.0.0.0' && options.hostname !== '::' ? options.hostname : 'localhost'}:${port}`;
  const demoKeys = options.demo
    ? seedDemo(store, {
        origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
        now: new Date(),
        issueAdminKey: !options.bootstrapAdminKey,
      })
    : undefined;

  // Idempotency keys are kept for a day (long enough for any client retry), then forgotten.
  const prune = setInterval(
    () => store.write(() => store.pruneIdempotent(new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString())),
    60 * 60 * 1000,
  );
  prune.unref();

  let closing: Promise<void> | undefined;
  const close = () => {
    clearInterval(prune);
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      force.unref();
      // Keep-alive connections with nothing in flight would hold close() open: drop them now, and
      // each in-flight one as soon as its response is done.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearTimeout(force);
        clearInterval(idle);
        db.$client.close();
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, port, db, close, ...(demoKeys ? { demoKeys } : {}) };
}

async function main(): Promise<void> {
  const env = process.env;
  const port = env.PORT ? Number(env.PORT) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const running = await startServer({
    port,
    hostname: env.HOST || undefined,
    databasePath: env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
    bootstrapAdminKey: env.POLICY_BOOTSTRAP_ADMIN_KEY || undefined,
    demo: (env.POLICY_DEMO ?? '1') === '1',
    rateLimits: env.POLICY_RATE_LIMITS === 'off' ? { reports: false, classify: false } : undefined,
  });
  const lines = [
    `API      ${running.url}/v1`,
    `Docs     ${running.url}/docs   (OpenAPI: ${running.url}/openapi.json)`,
    `Demo     ${running.url}/demo`,
  ];
  if (running.demoKeys) {
    lines.push(
      `Demo practice ${running.demoKeys.ods}`,
      `  report key (publishable): ${running.demoKeys.reportKey}`,
      `  API key (new this start):  ${running.demoKeys.apiKey}`,
    );
    if (running.demoKeys.adminKey) lines.push(`  admin key (new this start): ${running.demoKeys.adminKey}`);
  }
  if (env.POLICY_BOOTSTRAP_ADMIN_KEY) lines.push('Admin key: the value of POLICY_BOOTSTRAP_ADMIN_KEY');
  else if (!running.demoKeys)
    lines.push('No admin key: set POLICY_BOOTSTRAP_ADMIN_KEY to create practices and keys.');
  process.stderr.write(`${lines.join('\n')}\n`);

  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: finishing in-flight requests, then closing the database\n`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
