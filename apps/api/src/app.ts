import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { apiDocs } from './api-docs/api-docs.index.js';
import { assets } from './assets/assets.index.js';
import { audit } from './audit/audit.index.js';
import { type AuditSigner, loadAuditSigner } from './audit/signing.js';
import { ensureAdminKey } from './bootstrap.js';
import { classify } from './classify/classify.index.js';
import { dataProtection } from './data-protection/data-protection.index.js';
import type { Db } from './db/open.js';
import { Store } from './db/store.js';
import { createDemo, type DemoOptions } from './demo/demo.index.js';
import { desk } from './desk/desk.index.js';
import { evidence } from './evidence/evidence.index.js';
import { MAX_EVIDENCE_BYTES } from './evidence/media.js';
import { health } from './health/health.index.js';
import type { AppEnv, Deps, LogLine } from './http/env.js';
import { jsonLineLogger, requestLog } from './http/logging.js';
import { UploadSpool } from './http/multipart.js';
import { ApiError, PROBLEM_TYPES, type ProblemStatus, problemResponse } from './http/problem.js';
import { createRequestLimiter, type RateLimit } from './http/rate-limit.js';
import { defaultHook } from './http/router.js';
import { DEFAULT_DAILY_UPLOAD_BYTES } from './http/upload-quota.js';
import { incidents } from './incidents/incidents.index.js';
import { keys } from './keys/keys.index.js';
import { practices } from './practices/practices.index.js';
import { publicConfigFastLane } from './public-config/public-config.fast.js';
import { publicConfig } from './public-config/public-config.index.js';
import { reports } from './reports/reports.index.js';
import { smtpSendMail } from './services/email-alerts.js';
import { Notifier, type NotifierOptions } from './services/notifier.js';
import type { SendMail } from './services/people/mail.js';
import { PeopleStore } from './services/people/people-store.js';
import { isMultipart, MULTIPART_REPORT_LIMIT } from './services/report-filing.js';
import { signIn } from './sign-in/sign-in.index.js';
import { summary } from './summary/summary.index.js';
import { templates } from './templates/templates.index.js';
import { users } from './users/users.index.js';
import { webhooks } from './webhooks/webhooks.index.js';
import { describeWebhooks } from './webhooks/webhooks.openapi.js';

export interface AppOptions {
  db: Db;
  /** The time source for events, deadlines and rate limits; tests pass a fixed or stepping clock. */
  clock?: () => Date;
  /** Receives one object per request log line; defaults to JSON lines on stdout. */
  log?: (line: LogLine) => void;
  /**
   * Token buckets per key and client address (IPv6 by /64), and for report keys per practice too;
   * `false` turns a limit off (benchmarks).
   */
  rateLimits?: {
    reports?: RateLimit | false;
    classify?: RateLimit | false;
    reportsPerPractice?: RateLimit | false;
    classifyPerPractice?: RateLimit | false;
  };
  /** If set, an admin key with exactly this value exists (POLICY_BOOTSTRAP_ADMIN_KEY). */
  bootstrapAdminKey?: string;
  /** Sends sign-in emails (password reset links); without it none are sent. */
  sendMail?: SendMail;
  /** The public origin links in emails point at (POLICY_PUBLIC_URL), e.g. https://desk.example.nhs.uk. */
  publicUrl?: string;
  /**
   * The audit's Ed25519 signing key (POLICY_AUDIT_SIGNING_KEY: PKCS#8 PEM or base64 DER), or a signer;
   * otherwise `audit-signing-key.pem` beside the database file, created 0600 at first start.
   */
  auditSigningKey?: string;
  auditSigner?: AuditSigner;
  /** The demo practice's pages (/demo): mounted only when given. */
  demo?: DemoOptions;
  /** Uploads: the per-practice daily byte quota, and where forms' files are spooled (default: beside the database). */
  uploads?: { dailyQuotaBytes?: number; spoolDir?: string };
  /**
   * Webhooks and email alerts (services/notifier.ts). Announcements are written to the outbox
   * either way; the dispatcher that delivers them runs only when this is given (and `start` is not
   * false). Reach it with `notifierOf(app)`.
   */
  notifications?: Omit<NotifierOptions, 'store' | 'clock' | 'log'> & { start?: boolean };
}

const notifiers = new WeakMap<object, Notifier>();
/** The app's notification dispatcher (to stop it, or to drive it in tests). */
export function notifierOf(app: object): Notifier {
  const notifier = notifiers.get(app);
  if (!notifier) throw new Error('not an app made by createApp');
  return notifier;
}

export const DEFAULT_RATE_LIMITS = {
  /** A practice's staff file a handful of reports a day: 30 at once, then one every 2 s. */
  reports: { burst: 30, perSecond: 0.5 },
  /** The report form classifies as staff type (debounced): 60 at once, then 10 a second. */
  classify: { burst: 60, perSecond: 10 },
  /** A practice's report key from all addresses together: 60 at once (a pile-on), then 2 a minute. */
  reportsPerPractice: { burst: 60, perSecond: 1 / 30 },
  classifyPerPractice: { burst: 300, perSecond: 5 },
} as const satisfies Record<string, RateLimit>;

export const JSON_BODY_LIMIT = 64 * 1024;
/** The evidence file may be 5 MiB; a multipart envelope around it gets a little room. */
export const EVIDENCE_BODY_LIMIT = MAX_EVIDENCE_BYTES + 16 * 1024;

/**
 * 413 for a body over `limit`, never read whole. A declared Content-Length is judged from the header
 * alone (Node's parser delivers exactly that many bytes, so nothing needs wrapping — and not touching
 * c.req.raw.body spares @hono/node-server building a full Request). Chunked bodies are counted as they
 * stream by hono's bodyLimit, which stops at the limit.
 */
const tooLarge = (
  limit: number,
  /** Chunked bodies go on unread: the handler counts them as it streams (http/multipart.ts). */
  countedByHandler = false,
): MiddlewareHandler<AppEnv> => {
  const refuse = () => {
    throw new ApiError(413, `The request body is over the ${Math.round(limit / 1024)} KiB limit.`);
  };
  const streamed = bodyLimit({ maxSize: limit, onError: refuse });
  return (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const length = Number(declared);
      if (!Number.isSafeInteger(length) || length < 0)
        throw new ApiError(400, 'Content-Length is not a byte count.');
      if (length > limit) refuse();
      return next();
    }
    return countedByHandler ? next() : streamed(c, next);
  };
};

/** A private folder beside the database file (same disk, same permissions); a temporary one for `:memory:`. */
function defaultSpoolDir(db: Db): string {
  const file = db.$client.name;
  return file && file !== ':memory:'
    ? join(dirname(file), '.uploads')
    : mkdtempSync(join(tmpdir(), 'policy-uploads-'));
}

export function createApp(options: AppOptions) {
  const store = new Store(options.db);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? jsonLineLogger;
  const limits = options.rateLimits ?? {};
  const notifier = new Notifier({ store, clock, log, ...options.notifications });
  const deps: Deps = {
    db: options.db,
    store,
    clock,
    log,
    uploads: {
      spool: new UploadSpool(options.uploads?.spoolDir ?? defaultSpoolDir(options.db)),
      dailyQuotaBytes: options.uploads?.dailyQuotaBytes ?? DEFAULT_DAILY_UPLOAD_BYTES,
    },
    limiters: {
      reports: createRequestLimiter(
        limits.reports ?? DEFAULT_RATE_LIMITS.reports,
        limits.reportsPerPractice ??
          (limits.reports === false ? false : DEFAULT_RATE_LIMITS.reportsPerPractice),
      ),
      classify: createRequestLimiter(
        limits.classify ?? DEFAULT_RATE_LIMITS.classify,
        limits.classifyPerPractice ??
          (limits.classify === false ? false : DEFAULT_RATE_LIMITS.classifyPerPractice),
      ),
    },
    notifications: notifier,
    auditSigner:
      options.auditSigner ??
      loadAuditSigner({ key: options.auditSigningKey, databasePath: options.db.$client.name }),
    people: new PeopleStore(options.db),
    // Reset links go out over the alerts' SMTP server when the server has one (SMTP_URL, SMTP_FROM).
    sendMail:
      options.sendMail ??
      (options.notifications?.smtp ? smtpSendMail(options.notifications.smtp) : undefined),
    publicUrl: options.publicUrl ?? options.notifications?.publicUrl,
  };
  if (options.bootstrapAdminKey) ensureAdminKey(store, options.bootstrapAdminKey, clock());

  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  const jsonLimit = tooLarge(JSON_BODY_LIMIT);
  const evidenceLimit = tooLarge(EVIDENCE_BODY_LIMIT, true);
  const reportFormLimit = tooLarge(MULTIPART_REPORT_LIMIT, true);

  app.use('*', requestLog(log));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    // Answers under /v1 hold patients' and staff's data unless they say otherwise (the public config
    // sets its own caching): no browser or proxy may keep a copy. Refusals too.
    if (c.req.path.startsWith('/v1/') && !c.res.headers.has('cache-control'))
      c.res.headers.set('Cache-Control', 'no-store');
  });
  // Size limits come before anything reads the body; an over-long Content-Length is refused unread.
  // (Only methods with a body: touching c.req.raw on a GET would make @hono/node-server build a
  // full Request object, which costs more than the whole public-config lookup.)
  app.use('/v1/*', (c, next) => {
    const method = c.req.method;
    if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return next();
    if (method !== 'POST') return jsonLimit(c, next);
    const path = c.req.path;
    // An evidence upload (a form or the raw bytes) is streamed to the spool and counted as it arrives.
    if (path.endsWith('/evidence')) return evidenceLimit(c, next);
    // A report with screenshots (services/report-filing.ts): five images and the JSON.
    if (
      (path.endsWith('/reports') || path.endsWith('/incidents')) &&
      isMultipart(c.req.header('content-type'))
    )
      return reportFormLimit(c, next);
    return jsonLimit(c, next);
  });

  app
    .route('/', health)
    .route('/', publicConfig)
    .route('/', practices)
    .route('/', keys)
    .route('/', reports)
    .route('/', classify)
    .route('/', incidents)
    .route('/', evidence)
    .route('/', templates)
    .route('/', summary)
    .route('/', audit)
    .route('/', webhooks)
    .route('/', dataProtection)
    .route('/', signIn)
    .route('/', users)
    .route('/', apiDocs)
    .route('/', desk)
    .route('/', assets);
  // The demo practice's pages exist only while the demo is on (never by default in production).
  if (options.demo) app.route('/', createDemo(options.demo));

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key, `pk_…`, scoped to practices and scopes. Optional `X-Acting-User: <id>; role=<role>`.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'policy_session',
    description:
      'A signed-in person’s session (POST /v1/session). The role is the person’s own; writes must come from the same origin (Origin / Sec-Fetch-Site).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An admin key, `ak_…`: creates practices and keys.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'reportKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Report-Key',
    description: 'A practice’s publishable report key, `rk_…`, usable only from its allowed web origins.',
  });
  describeWebhooks(app.openAPIRegistry);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'GP practice social-media policy API',
      version: '1.0.0',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      description:
        'Runs a UK GP practice’s patient social-media and acceptable-use policy: public conduct config, staff reports, the incident lifecycle with evidence and an audit hash chain, templates and monitoring. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'Public', description: 'What the patient-facing widgets read; no key, any origin.' },
      { name: 'Reports', description: 'Staff file reports from the practice’s website with its report key.' },
      { name: 'Incidents', description: 'The incident lifecycle: read, apply events, timeline.' },
      {
        name: 'Evidence',
        description: 'Screenshots and text captures, stored with SHA-256 and capture time.',
      },
      { name: 'Classification', description: 'Classify a post against the policy’s categories.' },
      { name: 'Templates', description: 'Response templates rendered for the practice and an incident.' },
      { name: 'Monitoring', description: 'The periodic report to the partners.' },
      {
        name: 'Audit',
        description:
          'The per-practice hash chain over every event and the evidence it records; signed checkpoints of its head.',
      },
      {
        name: 'Data protection',
        description:
          'Personal data’s lifecycle: redaction, legal hold, subject access, and the log of who read what. Retention is a practice setting.',
      },
      { name: 'Practices', description: 'Practice settings: channels, conduct clauses, staff roster.' },
      { name: 'Keys', description: 'Issue and revoke API and report keys (admin).' },
      {
        name: 'Webhooks',
        description:
          'Signed (Standard Webhooks) notifications to a vendor’s endpoint; see the `webhooks` section.',
      },
      {
        name: 'Sign-in',
        description:
          'People of a practice sign in to the desk: sessions (cookie `policy_session`), TOTP two-factor, invitations and password resets.',
      },
      {
        name: 'People',
        description: 'A practice’s users (staff, manager, partner): invite, change role, disable.',
      },
      { name: 'Operations', description: 'Health.' },
    ],
  });

  // The public config, read on every patient's page load, is answered before routing (same answer).
  const fastPublic = publicConfigFastLane(store, log);
  const route = app.fetch;
  app.fetch = (request, env, executionCtx) => fastPublic(request) ?? route(request, env, executionCtx);

  app.notFound((c) => problemResponse(c, 404, `Nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      const { headers, ...extra } = error.extra;
      return problemResponse(c, error.status, error.detail, { ...extra, ...(headers ? { headers } : {}) });
    }
    if (error instanceof HTTPException && error.status in PROBLEM_TYPES && error.status < 500) {
      const detail =
        error.status === 400
          ? 'The body is not valid JSON.'
          : error.status === 415
            ? 'Unsupported Content-Type: send application/json.'
            : error.message || PROBLEM_TYPES[error.status as ProblemStatus][1];
      return problemResponse(c, error.status as ProblemStatus, detail);
    }
    // A bug, not bad input: log what it was (never the request body) and answer without details.
    log({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'unhandled',
      requestId: c.get('requestId'),
      error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
    });
    return problemResponse(c, 500, 'Something went wrong on our side. It has been logged.');
  });
  notifiers.set(app, notifier);
  if (options.notifications && options.notifications.start !== false) notifier.start();
  return app;
}

export type App = ReturnType<typeof createApp>;
