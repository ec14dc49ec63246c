import { hash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ActorRole } from '@policy/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiKeyRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { ApiScope, AppEnv, Principal } from './env.js';
import { ApiError, notFound } from './problem.js';
import { checkSessionAccess, sessionPrincipal } from './session-auth.js';

// Keys: `<type>_<43 base64url chars of 32 random bytes>`. Stored as SHA-256 only; the 8 characters
// after the type prefix are kept in clear as the key's public prefix, for lookup and for humans.

export const KEY_PREFIXES = { api: 'pk_', report: 'rk_', admin: 'ak_' } as const;
export type KeyType = keyof typeof KEY_PREFIXES;

/** One-shot SHA-256 (crypto.hash: no Hash object per call). Keys are 32 random bytes: no KDF needed. */
export const sha256Hex = (value: string | Uint8Array): string => hash('sha256', value, 'hex');

export function prefixOf(key: string): string {
  return /^[a-z]k_/.test(key) ? key.slice(3, 11) : key.slice(0, 8);
}

export function generateKey(type: KeyType): string {
  return `${KEY_PREFIXES[type]}${randomBytes(32).toString('base64url')}`;
}

export interface IssueKeyInput {
  type: KeyType;
  practices: string[];
  scopes: string[];
  allowedOrigins: string[];
  label?: string;
  createdBy?: string;
  /** API keys: the highest role X-Acting-User may claim. */
  maxRole?: ActorRole;
  /** A given secret (the bootstrap admin key, the published demo report key); random otherwise. */
  secret?: string;
  id?: string;
}

export function issueKey(store: Store, input: IssueKeyInput, now: Date): { row: ApiKeyRow; key: string } {
  const key = input.secret ?? generateKey(input.type);
  const row: ApiKeyRow = {
    id: input.id ?? `key_${randomUUID()}`,
    type: input.type,
    prefix: prefixOf(key),
    hash: sha256Hex(key),
    practices: JSON.stringify(input.practices),
    scopes: JSON.stringify(input.scopes),
    allowedOrigins: JSON.stringify(input.allowedOrigins),
    label: input.label ?? null,
    createdAt: now.toISOString(),
    createdBy: input.createdBy ?? null,
    revokedAt: null,
    revokedBy: null,
    maxRole: input.type === 'api' ? (input.maxRole ?? 'manager') : null,
  };
  store.insertKey(row);
  return { row, key };
}

/**
 * Finds the live key with this secret; constant-time on the hash comparison. What a key resolves to
 * is remembered by its SHA-256 until keys or practices change (Store.credential). The Principal is
 * shared: callers must not mutate it.
 */
export function authenticate(store: Store, key: string): Principal | undefined {
  if (key.length < 8 || key.length > 256) return undefined;
  const digest = sha256Hex(key);
  return store.credential(digest, () => {
    const hash = Buffer.from(digest, 'hex');
    for (const row of store.keysByPrefix(prefixOf(key))) {
      if (row.revokedAt) continue;
      const stored = Buffer.from(row.hash, 'hex');
      if (stored.length === hash.length && timingSafeEqual(stored, hash)) return toPrincipal(row);
    }
    return undefined;
  });
}

export const toPrincipal = (row: ApiKeyRow): Principal => ({
  keyId: row.id,
  type: row.type,
  practices: JSON.parse(row.practices) as string[],
  scopes: JSON.parse(row.scopes) as ApiScope[],
  allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
  // Keys issued before maxRole existed act at most as a manager: partner decisions need a key that
  // was given them.
  ...(row.type === 'api' ? { maxRole: row.maxRole ?? 'manager' } : {}),
});

const unauthorized = (detail: string) =>
  new ApiError(401, detail, { headers: { 'WWW-Authenticate': 'Bearer realm="policy"' } });

function bearer(c: Context<AppEnv>): Principal {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Send an API key as `Authorization: Bearer pk_…`.');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthorized('The Authorization header must be `Bearer <key>`.');
  const principal = authenticate(c.get('deps').store, match[1]);
  if (!principal) throw unauthorized('The key is not valid, or it has been revoked.');
  return principal;
}

/** Loads the path's practice for a key that may act for it; otherwise 404, exactly like a missing one. */
function bindPractice(c: Context<AppEnv>, principal: Principal): void {
  const ods = c.req.param('ods');
  if (ods === undefined) return;
  const practice = principal.practices.includes(ods) ? c.get('deps').store.practiceSettings(ods) : undefined;
  if (!practice) throw notFound('practice');
  c.set('practice', practice);
}

/** The Authorization header's key if one is sent; otherwise the session cookie's person, if any. */
const keyOrSession = (c: Context<AppEnv>): Principal =>
  (c.req.header('authorization') === undefined ? sessionPrincipal(c) : undefined) ?? bearer(c);

/**
 * An API key (`pk_…`) with the scope, or a signed-in person whose role has it (services/people),
 * for the path's practice if it names one.
 */
export const requireApiKey =
  (scope?: ApiScope): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const principal = keyOrSession(c);
    if (principal.type !== 'api' && principal.type !== 'session')
      throw new ApiError(403, 'This operation needs an API key (pk_…).');
    bindPractice(c, principal);
    checkSessionAccess(c, principal, scope);
    if (scope && !principal.scopes.includes(scope))
      throw new ApiError(403, `This key lacks the \`${scope}\` scope.`, { scope });
    c.set('principal', principal);
    await next();
  };

export const requireAdminKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = bearer(c);
  if (principal.type !== 'admin') throw new ApiError(403, 'This operation needs an admin key (ak_…).');
  c.set('principal', principal);
  await next();
};

/**
 * An admin key, or a signed-in manager of the path's practice (keys for their own practice only;
 * the handler caps what a manager may give a key).
 */
export const requireAdminKeyOrManager: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.req.header('authorization') === undefined ? sessionPrincipal(c) : undefined;
  if (session) {
    bindPractice(c, session);
    if (session.user?.role !== 'manager')
      throw new ApiError(403, `A ${session.user?.role}’s account cannot manage keys.`, {
        code: 'role_not_allowed',
      });
    c.set('principal', session);
    return next();
  }
  return requireAdminKey(c, next);
};

function reportKey(c: Context<AppEnv>): Principal {
  const key = c.req.header('x-report-key');
  if (!key) throw unauthorized('Send the practice’s report key as `X-Report-Key: rk_…`.');
  const principal = authenticate(c.get('deps').store, key.trim());
  if (principal?.type !== 'report')
    throw unauthorized('The report key is not valid, or it has been revoked.');
  return principal;
}

/** Report keys are publishable, so they work only from the practice's own web origins. */
function checkOrigin(c: Context<AppEnv>, principal: Principal): void {
  const origin = c.req.header('origin');
  if (!origin || !principal.allowedOrigins.includes(origin))
    throw new ApiError(403, 'Report keys work only from the practice’s allowed web origins.', {
      type: '/problems/origin-not-allowed',
    });
}

/**
 * A report key (`X-Report-Key: rk_…`) of the path's practice, sent from one of its allowed origins —
 * or a signed-in person of the practice (any role files reports; they are recorded as the filer).
 */
export const requireReportKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.req.header('x-report-key') === undefined ? sessionPrincipal(c) : undefined;
  if (session) {
    bindPractice(c, session);
    c.set('principal', session);
    return next();
  }
  const principal = reportKey(c);
  bindPractice(c, principal);
  checkOrigin(c, principal);
  c.set('principal', principal);
  await next();
};

/** Either credential: a report key (with its origin check) or an API key. */
export const requireApiOrReportKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = c.req.header('x-report-key') !== undefined ? reportKey(c) : keyOrSession(c);
  if (principal.type === 'admin') throw new ApiError(403, 'This operation needs an API key or a report key.');
  if (principal.type === 'report') checkOrigin(c, principal);
  c.set('principal', principal);
  await next();
};

/** Where the request came from, for per-client rate limits ('local' under app.request in tests). */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/** Spends one token of the limiter for this key and client; 429 with Retry-After when empty. */
export const rateLimit =
  (which: 'reports' | 'classify'): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const deps = c.get('deps');
    const limiter = deps.limiters[which];
    if (limiter.unlimited) return next();
    const principal = c.get('principal');
    const result = limiter.take(principal, clientAddress(c), deps.clock().getTime());
    if (!result.ok)
      throw new ApiError(429, `Too many requests; try again in ${result.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    await next();
  };
