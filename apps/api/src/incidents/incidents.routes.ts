import { createRoute, z } from '@hono/zod-openapi';
import { CATEGORIES, SEVERITIES, STATES } from '@policy/core';
import { actorOf } from '../http/actor.js';
import { requireApiKey } from '../http/auth.js';
import {
  apiKeySecurity,
  IdempotencyHeader,
  IncidentParams,
  IsoDate,
  IsoDateTime,
  OdsParam,
  problems,
} from '../schemas/common.js';
import {
  EventBodySchema,
  IncidentDetailSchema,
  IncidentSchema,
  IncidentSummarySchema,
  ReportCreatedSchema,
  ReportInputSchema,
  TimelineEntrySchema,
} from '../schemas/incident.js';
import { reportForm } from '../services/report-filing.js';
import { reportFormContent, reportFormDescription } from '../services/report-form-docs.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const incidentLocation = (incident: { practiceOds: string; id: string }) =>
  `/v1/practices/${incident.practiceOds}/incidents/${incident.id}`;

const ActingUserHeader = z.object({
  'x-acting-user': z
    .string()
    .optional()
    .openapi({
      param: { name: 'x-acting-user', in: 'header' },
      description: 'Whom the key acts for: `<id>; role=<staff|manager|partner>` (role defaults to staff)',
      example: 'u-1042; role=manager',
    }),
});

const DateOrDateTime = z.union([IsoDateTime, IsoDate]);

export const ListQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Page size, 1–100 (default 25)' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` from the previous page' }),
  state: z.enum(STATES).optional(),
  category: z.enum(CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  from: DateOrDateTime.optional().openapi({ description: 'Reported at or after (ISO date or date-time)' }),
  to: DateOrDateTime.optional().openapi({
    description: 'Reported at or before (ISO date or date-time; a date includes that day)',
  }),
});

export const IncidentPageSchema = z
  .object({ items: z.array(IncidentSummarySchema), nextCursor: z.string().nullable() })
  .openapi('IncidentPage');

export const listIncidentsRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/incidents',
  operationId: 'listIncidents',
  tags: ['Incidents'],
  summary: 'List incidents, newest first (filter by state, category, severity, from, to)',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:read')] as const,
  request: { params: OdsParam, query: ListQuerySchema },
  responses: {
    200: { description: 'One page', content: json(IncidentPageSchema) },
    ...problems(401, 403, 404, 422),
  },
});

export const createIncidentRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/incidents',
  operationId: 'createIncident',
  tags: ['Incidents'],
  summary: 'Create an incident (vendor intake): same body and answer as a staff report',
  description: reportFormDescription,
  security: apiKeySecurity,
  middleware: [
    requireApiKey('incidents:write'),
    reportForm({
      before: actorOf,
      onFiled: (c, incident) => c.header('Location', incidentLocation(incident)),
    }),
  ] as const,
  request: {
    params: OdsParam,
    headers: IdempotencyHeader.extend(ActingUserHeader.shape),
    body: { required: true, content: { ...json(ReportInputSchema), ...reportFormContent } },
  },
  responses: {
    201: { description: 'Created', content: json(ReportCreatedSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const getIncidentRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/incidents/{id}',
  operationId: 'getIncident',
  tags: ['Incidents'],
  summary: 'The incident: state, categories, severity, deadlines, available events, next steps, evidence',
  description:
    '`availableEvents` is judged now, for whom `X-Acting-User` names (its role; the key itself, as staff, without it): an event it shows as allowed is one this user may apply.',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:read')] as const,
  request: { params: IncidentParams, headers: ActingUserHeader },
  responses: {
    200: { description: 'The incident', content: json(IncidentDetailSchema) },
    ...problems(401, 403, 404, 422),
  },
});

export const EventAppliedSchema = IncidentDetailSchema.extend({
  appliedEvent: TimelineEntrySchema.openapi({
    description: 'The event as recorded, with its hash-chain link',
  }),
}).openapi('EventApplied', { description: 'The incident after the event, and the event itself.' });

export const applyEventRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/incidents/{id}/events',
  operationId: 'applyIncidentEvent',
  tags: ['Incidents'],
  summary: 'Apply one lifecycle event',
  description:
    '`200` with the new incident; `409` with `rule` when the policy refuses (e.g. `evidence_first`); `422` when the body is not a valid event.',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:write')] as const,
  request: {
    params: IncidentParams,
    headers: IdempotencyHeader.extend(ActingUserHeader.shape),
    body: { required: true, content: json(EventBodySchema) },
  },
  responses: {
    200: { description: 'Applied', content: json(EventAppliedSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const timelineRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/incidents/{id}/events',
  operationId: 'getIncidentTimeline',
  tags: ['Incidents'],
  summary: 'The timeline: every event with actor, time and its hash-chain link',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:read')] as const,
  request: { params: IncidentParams },
  responses: {
    200: {
      description: 'Events, oldest first',
      content: json(z.object({ items: z.array(TimelineEntrySchema) })),
    },
    ...problems(401, 403, 404),
  },
});

export { IncidentSchema };
