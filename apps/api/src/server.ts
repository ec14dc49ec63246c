import { chmodSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp, notifierOf } from './app.js';
import { loadAuditSigner } from './audit/signing.js';
import { type Db, openDatabase } from './db/open.js';
import { Store } from './db/store.js';
import { jsonLineLogger } from './http/logging.js';
import {
  exposedCollector,
  type MemoryPressureOptions,
  NO_COLLECTOR,
  watchMemoryPressure,
} from './http/memory-pressure.js';
import { type UnreadBodyOptions, unreadBodyCloser } from './http/unread-body.js';
import { refreshPublicConfigs } from './practices/practice-config.js';
import { DEMO_ODS, type DemoKeys, demoReportKey, seedDemo } from './seed/demo.js';
import { smtpFromEnv } from './services/email-alerts.js';
import { type DataProtectionSchedule, startDataProtectionSchedule } from './services/retention.js';
import { defaultWebhookPolicy } from './services/webhook-guard.js';

export interface ServerOptions extends Omit<AppOptions, 'db' | 'demo'> {
  /** 0 picks a free port (tests). */
  port?: number;
  /** Interface to listen on; all interfaces when omitted. */
  hostname?: string;
  databasePath: string;
  /** Seed the fictional demo practice and serve /demo (its report key is kept beside the database). */
  demo?: boolean;
  /** How long SIGTERM waits for in-flight requests before cutting connections. */
  shutdownGraceMs?: number;
  /** Deadlines for slow clients (defaults: DEFAULT_TIMEOUTS). */
  timeouts?: Partial<ServerTimeouts>;
  /** Open connections at most; one more is dropped on arrival (default 512). */
  maxConnections?: number;
  /** How often the retention purge runs and checkpoints are signed (default hourly). */
  dataProtectionIntervalMs?: number;
  /**
   * When to collect garbage before V8 would (http/memory-pressure.ts; needs node --expose-gc);
   * false: never.
   */
  memoryPressure?: Partial<MemoryPressureOptions> | false;
  /** How long, and how many, refused connections linger for their clients to read the answer. */
  unreadBody?: UnreadBodyOptions;
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
  /** The retention purge and checkpoint timers; `runOnce()` runs a round now. */
  dataProtection: DataProtectionSchedule;
  /** Which key signs audit checkpoints, and where it came from (never the key). */
  auditKey: { keyId: string; source: string; path?: string };
  /** How many refused connections are lingering now (http/unread-body.ts). */
  lingering: () => number;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close: () => Promise<void>;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_DATABASE_PATH = fileURLToPath(new URL('../data/policy.sqlite', import.meta.url));

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = openDatabase(options.databasePath);
  const store = new Store(db);
  refreshPublicConfigs(store);
  const auditSigner =
    options.auditSigner ??
    loadAuditSigner({ key: options.auditSigningKey, databasePath: options.databasePath });
  const reportKey = options.demo
    ? demoReportKey(join(dirname(options.databasePath), 'demo-report-key'))
    : undefined;
  const app = createApp({
    ...options,
    db,
    auditSigner,
    demo: reportKey ? { ods: DEMO_ODS, reportKey } : undefined,
  });
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const notifier = notifierOf(app);
  const closeIfBodyUnread = unreadBodyCloser(options.unreadBody);
  const server = serve({
    // A body still arriving when its answer is ready is left unread and its connection closed
    // (http/unread-body.ts), so @hono/node-server's own clean-up — reading up to 64 MiB of it to keep
    // the connection alive — is off; Node itself discards what has already arrived.
    autoCleanupIncoming: false,
    fetch: async (request, env) => {
      const response = await app.fetch(request, env);
      // An HTTP/1.1 server (`serve` without createServer): its bindings are Node's request and response.
      closeIfBodyUnread(env.incoming as IncomingMessage, env.outgoing as ServerResponse);
      return response;
    },
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
  const demoKeys = reportKey
    ? seedDemo(store, {
        reportKey,
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
  const dataProtection = startDataProtectionSchedule({
    store,
    signer: auditSigner,
    clock: options.clock ?? (() => new Date()),
    log: options.log ?? jsonLineLogger,
    intervalMs: options.dataProtectionIntervalMs ?? 60 * 60 * 1000,
  });

  const memory = options.memoryPressure === false ? undefined : watchMemoryPressure(options.memoryPressure);

  let closing: Promise<void> | undefined;
  const close = () => {
    clearInterval(prune);
    memory?.stop();
    // Deliveries not finished by then stay pending in the database and go out after the next start.
    const notificationsStopped = notifier.stop(Math.min(2000, options.shutdownGraceMs ?? 2000));
    dataProtection.stop();
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      force.unref();
      // Keep-alive connections with nothing in flight would hold close() open: drop them now, and
      // each in-flight one as soon as its response is done.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearTimeout(force);
        clearInterval(idle);
        void notificationsStopped.finally(() => {
          db.$client.close();
          resolve();
        });
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  const auditKey = {
    keyId: auditSigner.keyId,
    source: auditSigner.source,
    ...(auditSigner.path ? { path: auditSigner.path } : {}),
  };
  return {
    url,
    port,
    db,
    close,
    dataProtection,
    auditKey,
    lingering: closeIfBodyUnread.lingering,
    ...(demoKeys ? { demoKeys } : {}),
  };
}

/** A positive number of minutes from the environment, in milliseconds; undefined when unset. */
function minutes(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number of minutes, not ${value}`);
  return n * 60_000;
}

/** Webhook and email settings from the environment (README, "Configuration"). */
export function notificationsFromEnv(env: NodeJS.ProcessEnv): NonNullable<ServerOptions['notifications']> {
  const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
  const retry = env.POLICY_WEBHOOK_RETRY_MS?.split(',').map(Number);
  return {
    smtp: smtpFromEnv(env),
    publicUrl: env.POLICY_PUBLIC_URL || undefined,
    policy: defaultWebhookPolicy({ allowPrivate: env.POLICY_WEBHOOK_ALLOW_PRIVATE === '1' }),
    ...(retry?.every((ms) => Number.isFinite(ms) && ms >= 0) ? { retryDelaysMs: retry } : {}),
    ...(number('POLICY_WEBHOOK_TIMEOUT_MS')
      ? { deliveryTimeoutMs: number('POLICY_WEBHOOK_TIMEOUT_MS') }
      : {}),
  };
}

/** The SMTP server's host and port, never its credentials. */
const smtpHost = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    return '(SMTP_URL is not a URL)';
  }
};
/** A positive number from the environment, or the default; anything else stops the start. */
function numberFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new Error(`${name} must be a positive number, not ${value}`);
  return number;
}

/**
 * The demo is on for `npm start` and off in production: POLICY_DEMO=1 or 0 says so outright,
 * otherwise it follows NODE_ENV.
 */
export const demoWanted = (env: NodeJS.ProcessEnv): boolean =>
  (env.POLICY_DEMO ?? (env.NODE_ENV === 'production' ? '0' : '1')) === '1';

async function main(): Promise<void> {
  const env = process.env;
  const port = env.PORT ? Number(env.PORT) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const databasePath = env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  const quotaMiB = numberFrom(env, 'POLICY_UPLOAD_QUOTA_MIB');
  const requestSeconds = numberFrom(env, 'POLICY_REQUEST_TIMEOUT_SECONDS');
  const softLimitMiB = numberFrom(env, 'POLICY_MEMORY_SOFT_LIMIT_MIB');
  const running = await startServer({
    port,
    hostname: env.HOST || undefined,
    databasePath,
    bootstrapAdminKey: env.POLICY_BOOTSTRAP_ADMIN_KEY || undefined,
    demo: demoWanted(env),
    rateLimits: env.POLICY_RATE_LIMITS === 'off' ? { reports: false, classify: false } : undefined,
    notifications: notificationsFromEnv(env),
    uploads: quotaMiB ? { dailyQuotaBytes: Math.round(quotaMiB * 2 ** 20) } : undefined,
    timeouts: requestSeconds ? { requestMs: requestSeconds * 1000 } : undefined,
    maxConnections: numberFrom(env, 'POLICY_MAX_CONNECTIONS'),
    auditSigningKey: env.POLICY_AUDIT_SIGNING_KEY || undefined,
    dataProtectionIntervalMs: minutes(env.POLICY_DATA_PROTECTION_MINUTES, 'POLICY_DATA_PROTECTION_MINUTES'),
    publicUrl: env.POLICY_PUBLIC_URL || undefined,
    memoryPressure: softLimitMiB ? { softLimitBytes: Math.round(softLimitMiB * 2 ** 20) } : undefined,
  });
  if (!exposedCollector()) console.warn(NO_COLLECTOR);
  const lines = [
    `API      ${running.url}/v1`,
    `Docs     ${running.url}/docs   (OpenAPI: ${running.url}/openapi.json)`,
    `Audit    checkpoints signed by ${running.auditKey.keyId} (${running.auditKey.path ?? running.auditKey.source})`,
  ];
  if (running.demoKeys) {
    const demo = running.demoKeys;
    lines.push(`Demo     ${running.url}/demo   (practice ${demo.ods})`);
    // Keys never go to the log: to the terminal when there is one, else to a file only this user reads.
    const keys = [
      `Demo practice ${demo.ods}`,
      `  report key (publishable): ${demo.reportKey}${demo.reportKeyRevoked ? '  (REVOKED: delete demo-report-key beside the database for a new one)' : ''}`,
      `  API key (new this start):  ${demo.apiKey}`,
      ...(demo.adminKey ? [`  admin key (new this start): ${demo.adminKey}`] : []),
      `  desk sign-in: ${running.url}/desk/  ${demo.manager.email}  password (new this start): ${demo.manager.password}`,
    ];
    if (process.stdout.isTTY) process.stdout.write(`${keys.join('\n')}\n`);
    else {
      const file = join(dirname(databasePath), 'demo-keys.txt');
      writeFileSync(file, `${keys.join('\n')}\n`, { mode: 0o600 });
      chmodSync(file, 0o600);
      lines.push(`Demo keys: in ${file} (this user only; not printed because stdout is not a terminal)`);
    }
  }
  const smtp = smtpFromEnv(env);
  lines.push(
    smtp
      ? `Email    alerts via SMTP ${smtpHost(smtp.url)}, from ${smtp.from}`
      : 'Email    off: set SMTP_URL and SMTP_FROM to email alerts (webhooks still receive every event)',
  );
  if (env.POLICY_WEBHOOK_ALLOW_PRIVATE === '1')
    lines.push(
      'Webhooks POLICY_WEBHOOK_ALLOW_PRIVATE=1: http and private addresses allowed (local testing only)',
    );
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
