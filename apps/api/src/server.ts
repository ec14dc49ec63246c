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
}

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
  const server = serve({
    fetch: app.fetch,
    port: options.port ?? 8787,
    hostname: options.hostname,
  }) as Server;
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
    publicUrl: env.POLICY_PUBLIC_URL || undefined,
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
    lines.push(
      `  desk sign-in: ${running.url}/desk/  ${running.demoKeys.manager.email}  password (new this start): ${running.demoKeys.manager.password}`,
    );
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
