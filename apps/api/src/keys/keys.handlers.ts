import type { RouteHandler } from '@hono/zod-openapi';
import type { ApiKeyRow } from '../db/schema.js';
import { issueKey } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import { ApiError, notFound } from '../http/problem.js';
import { roleRank } from '../http/session-auth.js';
import type { issueKeyRoute, listKeysRoute, revokeKeyRoute } from './keys.routes.js';

const DEFAULT_API_SCOPES = ['incidents:read', 'incidents:write', 'reports:read'];

export const issue: RouteHandler<typeof issueKeyRoute, AppEnv> = async (c) => {
  const { ods } = c.req.valid('param');
  const body = c.req.valid('json');
  const { store, clock } = c.get('deps');
  if (!store.practice(ods)) throw notFound('practice');
  const invalid = (path: string, message: string) =>
    new ApiError(422, message, { errors: [{ path: `body.${path}`, message }] });
  if (body.type === 'report') {
    if (!body.allowedOrigins)
      throw invalid('allowedOrigins', 'a report key needs the web origins it may be used from');
    if (body.scopes || body.practices)
      throw invalid('scopes', 'report keys take no scopes or further practices');
    if (body.maxRole) throw invalid('maxRole', 'report keys act for no one; only API keys take a maxRole');
  } else if (body.allowedOrigins)
    throw invalid('allowedOrigins', 'API keys are for servers; only report keys take origins');
  const practices = [ods, ...(body.practices ?? []).filter((other) => other !== ods)];
  // A manager gives keys no more than they have: their own practice, at most their own role.
  if (c.get('principal').user) {
    if (practices.length > 1)
      throw new ApiError(403, 'A manager issues keys for their own practice only.', {
        code: 'role_not_allowed',
      });
    if (body.maxRole && roleRank(body.maxRole) > roleRank('manager'))
      throw new ApiError(403, 'A manager cannot issue a key that acts as a partner.', {
        code: 'role_not_allowed',
      });
  }
  for (const other of practices) if (!store.practice(other)) throw notFound(`practice ${other}`);
  const { row, key } = await store.write(() =>
    issueKey(
      store,
      {
        type: body.type,
        practices,
        scopes: body.type === 'api' ? (body.scopes ?? DEFAULT_API_SCOPES) : [],
        allowedOrigins: body.allowedOrigins ?? [],
        label: body.label,
        maxRole: body.maxRole,
        createdBy: c.get('principal').keyId,
      },
      clock(),
    ),
  );
  c.header('Cache-Control', 'no-store');
  return c.json(
    {
      id: row.id,
      type: body.type,
      key,
      prefix: row.prefix,
      scopes: JSON.parse(row.scopes) as string[],
      practices,
      allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
      ...(row.maxRole ? { maxRole: row.maxRole } : {}),
      createdAt: row.createdAt,
    },
    201,
  );
};

export const revoke: RouteHandler<typeof revokeKeyRoute, AppEnv> = async (c) => {
  const { ods, keyId } = c.req.valid('param');
  const { store, clock } = c.get('deps');
  const row = store.keyById(keyId);
  if (!row || row.type === 'admin' || !(JSON.parse(row.practices) as string[]).includes(ods))
    throw notFound('key');
  if (c.get('principal').user && (JSON.parse(row.practices) as string[]).length > 1)
    throw new ApiError(403, 'This key also acts for other practices: ask the administrator to revoke it.', {
      code: 'role_not_allowed',
    });
  if (!row.revokedAt)
    await store.write(() =>
      store.updateKey(keyId, { revokedAt: clock().toISOString(), revokedBy: c.get('principal').keyId }),
    );
  return c.body(null, 204);
};

const keyInfo = (row: ApiKeyRow) => ({
  id: row.id,
  type: row.type as 'api' | 'report',
  prefix: row.prefix,
  scopes: JSON.parse(row.scopes) as string[],
  practices: JSON.parse(row.practices) as string[],
  allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
  label: row.label,
  ...(row.type === 'api' ? { maxRole: row.maxRole ?? ('manager' as const) } : {}),
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

export const list: RouteHandler<typeof listKeysRoute, AppEnv> = (c) => {
  const { ods } = c.req.valid('param');
  const { store } = c.get('deps');
  if (!store.practice(ods)) throw notFound('practice');
  const rows = store.keysOfPractice(ods).filter((row) => row.type !== 'admin');
  return c.json({ items: rows.map(keyInfo) }, 200);
};
