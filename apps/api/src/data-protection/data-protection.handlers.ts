import type { RouteHandler } from '@hono/zod-openapi';
import type { Actor } from '@policy/core';
import type { Context } from 'hono';
import type { RecordsEvent } from '../audit/records-events.js';
import { actorOf } from '../http/actor.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { ApiError, notFound } from '../http/problem.js';
import { recordAccess } from '../services/access-log.js';
import { incidentDetail } from '../services/lifecycle.js';
import { removePersonalData } from '../services/personal-data.js';
import type {
  accessLogRoute,
  legalHoldRoute,
  redactRoute,
  subjectAccessRoute,
} from './data-protection.routes.js';
import { subjectAccess, subjectAccessZip } from './subject-access.js';

// biome-ignore lint/suspicious/noExplicitAny: any route's context
type AnyContext = Context<AppEnv, any, any>;

/** Removing or holding a record is a manager’s or partner’s decision (X-Acting-User’s role). */
function managerOrPartner(c: AnyContext, what: string): Actor {
  const actor = actorOf(c);
  if (actor.role !== 'manager' && actor.role !== 'partner')
    throw new ApiError(
      403,
      `Only a manager or partner may ${what}: send X-Acting-User with role=manager or role=partner.`,
      {
        rule: 'manager_or_partner_only',
      },
    );
  return actor;
}

export const redact: RouteHandler<typeof redactRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { reason } = c.req.valid('json');
  const actor = managerOrPartner(c, 'redact an incident');
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  const answer = await idempotent(c, JSON.stringify({ reason }), () => {
    const at = clock().toISOString();
    const result = removePersonalData(store, practice.ods, id, {
      type: 'redact',
      reason,
      actor,
      keyId: c.get('principal').keyId,
      at,
    });
    return {
      status: 200 as const,
      body: {
        incident: incidentDetail(store, practice, result.incident, { at, actor }),
        removed: result.removed,
        eventId: result.event.id,
      } as never,
    };
  });
  store.truncateWal();
  return answer;
};

export const legalHold: RouteHandler<typeof legalHoldRoute, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const actor = managerOrPartner(c, 'set or lift a legal hold');
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  return idempotent(c, JSON.stringify(body), () => {
    const found = store.incident(practice.ods, id);
    if (!found) throw notFound('incident');
    const at = clock().toISOString();
    const event: RecordsEvent = {
      type: 'legal_hold',
      at,
      actor,
      legalHold: body.legalHold,
      reason: body.reason,
    };
    store.appendEvent(practice.ods, id, event, c.get('principal').keyId);
    store.setLegalHold(practice.ods, id, body.legalHold);
    return {
      status: 200 as const,
      body: incidentDetail(store, practice, found.incident, { at, actor }) as never,
    };
  });
};

export const subjectAccessSearch: RouteHandler<typeof subjectAccessRoute, AppEnv> = async (c) => {
  const { handle, name } = c.req.valid('query');
  if (!handle && !name)
    throw new ApiError(422, 'Say whom to search for: `handle` or `name` (or both).', {
      errors: [{ path: 'query', message: 'handle or name is required' }],
    });
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  const items = subjectAccess(store, practice.ods, {
    ...(handle ? { handle } : {}),
    ...(name ? { name } : {}),
  });
  const generatedAt = clock();
  const answer = {
    practice: { ods: practice.ods, name: practice.name },
    query: { handle: handle ?? null, name: name ?? null },
    generatedAt: generatedAt.toISOString(),
    items,
  };
  const zip = (c.req.header('accept') ?? '').toLowerCase().includes('application/zip');
  const action = zip ? 'subject_access.export' : 'subject_access.search';
  await recordAccess(
    c,
    items.length > 0 ? items.map((item) => ({ action, incidentId: item.incidentId })) : [{ action }],
  );
  c.header('Cache-Control', 'private, no-store');
  if (!zip) return c.json(answer, 200);
  const day = answer.generatedAt.slice(0, 10);
  c.header('Content-Type', 'application/zip');
  c.header('Content-Disposition', `attachment; filename="subject-access-${practice.ods}-${day}.zip"`);
  return c.body(subjectAccessZip(store, practice.ods, answer, generatedAt), 200) as never;
};

const encodeCursor = (id: number) => Buffer.from(`a:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^a:([0-9]{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1])
    throw new ApiError(422, 'The cursor is not one this API gave out.', {
      errors: [{ path: 'query.cursor', message: 'use nextCursor from the previous page' }],
    });
  return Number(match[1]);
}

export const accessLog: RouteHandler<typeof accessLogRoute, AppEnv> = (c) => {
  const query = c.req.valid('query');
  const limit = query.limit ?? 25;
  const { store } = c.get('deps');
  const ods = c.get('practice').ods;
  const rows = store.accessLog(
    ods,
    { ...(query.incidentId ? { incidentId: query.incidentId } : {}) },
    { limit: limit + 1, ...(query.cursor === undefined ? {} : { beforeId: decodeCursor(query.cursor) }) },
  );
  const page = rows.slice(0, limit);
  const references = new Map<string, string | null>();
  const referenceOf = (incidentId: string | null) => {
    if (!incidentId) return null;
    if (!references.has(incidentId))
      references.set(incidentId, store.incident(ods, incidentId)?.row.reference ?? null);
    return references.get(incidentId) ?? null;
  };
  const last = page.at(-1);
  c.header('Cache-Control', 'private, no-store');
  return c.json(
    {
      items: page.map((row) => ({
        id: row.id,
        at: row.at,
        action: row.action,
        incidentId: row.incidentId,
        reference: referenceOf(row.incidentId),
        evidenceId: row.evidenceId,
        actor: { id: row.actorId, role: row.actorRole },
        keyId: row.keyId,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    },
    200,
  );
};
