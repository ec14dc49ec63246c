import type { RouteHandler } from '@hono/zod-openapi';
import type { Category, IncidentEvent, Platform, Severity, State } from '@policy/core';
import { type StoredEvent, storedEvent } from '../audit/events.js';
import type { IncidentEventRow } from '../db/schema.js';
import { actorOf } from '../http/actor.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { ApiError, notFound } from '../http/problem.js';
import { checkSessionEvent, listableFiler } from '../http/session-auth.js';
import { recordAccess } from '../services/access-log.js';
import { applyEvent, incidentDetail } from '../services/lifecycle.js';
import { fileWithScreenshots, validReport } from '../services/report-filing.js';
import {
  type applyEventRoute,
  type createIncidentRoute,
  type getIncidentRoute,
  incidentLocation,
  type listIncidentsRoute,
  type timelineRoute,
} from './incidents.routes.js';

const DEFAULT_LIMIT = 25;

const encodeCursor = (seq: number) => Buffer.from(`s:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^s:([0-9]{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1])
    throw new ApiError(422, 'The cursor is not one this API gave out.', {
      errors: [{ path: 'query.cursor', message: 'use nextCursor from the previous page' }],
    });
  return Number(match[1]);
}

/** A date alone means the whole day: `from` at its start, `to` at its end. */
function instant(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`;
  return new Date(value).toISOString();
}

export function timelineEntry(row: IncidentEventRow, stored: StoredEvent) {
  return {
    id: row.id,
    seq: row.seq,
    type: row.type,
    at: row.at,
    actor: stored.event.actor,
    keyId: row.keyId,
    event: stored.event as unknown as Record<string, unknown>,
    personalData: stored.personalData,
    format: row.format,
    commitment: row.commitment ?? null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export const list: RouteHandler<typeof listIncidentsRoute, AppEnv> = (c) => {
  const query = c.req.valid('query');
  const limit = query.limit ?? DEFAULT_LIMIT;
  const rows = c.get('deps').store.listIncidents(
    c.get('practice').ods,
    {
      state: query.state,
      category: query.category,
      severity: query.severity,
      from: instant(query.from, false),
      to: instant(query.to, true),
      createdByKey: listableFiler(c.get('principal')),
    },
    { limit: limit + 1, beforeSeq: query.cursor === undefined ? undefined : decodeCursor(query.cursor) },
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    {
      items: page.map((row) => ({
        id: row.id,
        reference: row.reference,
        state: row.state as State,
        severity: row.severity as Severity,
        categories: JSON.parse(row.categories) as Category[],
        platform: row.platform as Platform,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.practiceSeq) : null,
    },
    200,
  );
};

/** A JSON body; multipart bodies are answered by the route's reportForm middleware, alike. */
export const create: RouteHandler<typeof createIncidentRoute, AppEnv> = (c) => {
  const input = validReport(c);
  actorOf(c); // refuse a malformed X-Acting-User before doing any work
  return fileWithScreenshots(c, input, [], (incident) => c.header('Location', incidentLocation(incident)));
};

export const get: RouteHandler<typeof getIncidentRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { store } = c.get('deps');
  const judgement = { at: c.get('deps').clock().toISOString(), actor: actorOf(c) };
  const found = store.incident(c.get('practice').ods, id);
  if (!found) throw notFound('incident');
  const detail = incidentDetail(store, c.get('practice'), found.incident, judgement);
  await recordAccess(c, [{ action: 'incident.read', incidentId: id }]);
  c.header('Cache-Control', 'private, no-store');
  return c.json(detail as never, 200);
};

export const apply: RouteHandler<typeof applyEventRoute, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  checkSessionEvent(c.get('principal'), body.type);
  const actor = actorOf(c);
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  let input = body as Record<string, unknown>;
  if (body.type === 'record_evidence')
    input = { ...body, evidence: { id: crypto.randomUUID(), ...body.evidence } };
  const event = { ...input, at: clock().toISOString(), actor } as IncidentEvent;
  return idempotent(c, JSON.stringify(body), () => {
    const { incident, row } = applyEvent(store, practice, id, event, c.get('principal').keyId);
    const detail = incidentDetail(store, practice, incident, { at: event.at, actor });
    const applied = timelineEntry(row, { event, personalData: row.commitment ? 'held' : 'none' });
    return { status: 200 as const, body: { ...detail, appliedEvent: applied } as never };
  });
};

export const timeline: RouteHandler<typeof timelineRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { store } = c.get('deps');
  const ods = c.get('practice').ods;
  if (!store.incident(ods, id)) throw notFound('incident');
  const held = store.personalDataOf(ods, id);
  const items = store
    .eventsOfIncident(ods, id)
    .map((row) => timelineEntry(row, storedEvent(row, held.get(row.id))));
  await recordAccess(c, [{ action: 'incident.events.read', incidentId: id }]);
  c.header('Cache-Control', 'private, no-store');
  return c.json({ items } as never, 200);
};
