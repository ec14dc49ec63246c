import { createRoute, z } from '@hono/zod-openapi';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, IncidentParams, OdsParam, problems } from '../schemas/common.js';
import { IncidentDetailSchema } from '../schemas/incident.js';

const ActingUserHeader = z.object({
  'x-acting-user': z
    .string()
    .optional()
    .openapi({
      param: { name: 'x-acting-user', in: 'header' },
      description:
        'Whom the key acts for: `<id>; role=<manager|partner>` — only a manager or partner may do this',
      example: 'u-1042; role=manager',
    }),
});

const Reason = z.string().trim().min(1).max(1000).openapi({
  description:
    'Why (recorded in the audit chain, and itself removable personal data). Say why, not what was removed: e.g. “erasure request, ref DP-2026-014”.',
});

const RemovedSchema = z.object({
  events: z.number().int().openapi({ description: 'Events whose personal data was removed' }),
  evidence: z.number().int().openapi({ description: 'Evidence files whose bytes were removed' }),
});

export const redactRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/incidents/{id}/redact',
  operationId: 'redactIncident',
  tags: ['Data protection'],
  summary:
    'Remove the personal data of one incident now (manager or partner); the audit chain still verifies',
  description:
    'Removes the post text, names, handles, URLs, quoted words, staff free text and evidence bytes of the incident. What it did stays: its state, categories, severity, deadlines, outcome, evidence hashes and every event, each removed text reading `[removed]`. Recorded in the chain as a `redact` event with the reason and counts, never the removed content. Needs `incidents:write` and `X-Acting-User` with role manager or partner (403 otherwise).',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:write')] as const,
  request: {
    params: IncidentParams,
    headers: ActingUserHeader,
    body: { required: true, content: { 'application/json': { schema: z.strictObject({ reason: Reason }) } } },
  },
  responses: {
    200: {
      description: 'Removed',
      content: {
        'application/json': {
          schema: z
            .object({ incident: IncidentDetailSchema, removed: RemovedSchema, eventId: z.string() })
            .openapi('Redaction'),
        },
      },
    },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const legalHoldRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/incidents/{id}/legal-hold',
  operationId: 'setLegalHold',
  tags: ['Data protection'],
  summary: 'Set or lift a legal hold (manager or partner): a held incident is never purged by retention',
  description:
    'Records a `legal_hold` event in the chain. While held, the retention purge leaves the incident alone (a redaction is still possible: an erasure decision is a person’s, not a schedule’s). Needs `incidents:write` and `X-Acting-User` with role manager or partner.',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:write')] as const,
  request: {
    params: IncidentParams,
    headers: ActingUserHeader,
    body: {
      required: true,
      content: {
        'application/json': { schema: z.strictObject({ legalHold: z.boolean(), reason: Reason }) },
      },
    },
  },
  responses: {
    200: {
      description: 'The incident, with `record.legalHold` as set',
      content: { 'application/json': { schema: IncidentDetailSchema } },
    },
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});

const PersonQuery = z.string().trim().min(2).max(200);

export const SubjectAccessItemSchema = z
  .object({
    incidentId: z.string(),
    reference: z.string(),
    state: z.string(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    record: z.object({ legalHold: z.boolean(), personalDataRemovedAt: z.string().nullable() }),
    matchedOn: z.array(z.string()).openapi({
      description:
        'Where the person was found: `author.handle`, `author.name`, `reporter.name`, `affects.staff`, `text`, `notes`, `publicReplies`',
    }),
    report: z.object({
      platform: z.string(),
      postUrl: z.string().optional(),
      seenAt: z.string(),
      author: z.record(z.string(), z.unknown()).optional(),
      text: z.string(),
      reporter: z.record(z.string(), z.unknown()),
      affects: z.record(z.string(), z.unknown()).optional(),
    }),
    notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
    publicReplies: z.array(z.object({ at: z.string(), platform: z.string(), text: z.string() })),
    evidence: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        mediaType: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        capturedAt: z.string(),
        available: z.boolean().openapi({ description: 'False once the bytes were removed' }),
        file: z.string().nullable().openapi({ description: 'Its path inside the ZIP' }),
      }),
    ),
  })
  .openapi('SubjectAccessItem');

export const SubjectAccessSchema = z
  .object({
    practice: z.object({ ods: z.string(), name: z.string() }),
    query: z.object({ handle: z.string().nullable(), name: z.string().nullable() }),
    generatedAt: z.string(),
    items: z.array(SubjectAccessItemSchema),
  })
  .openapi('SubjectAccess');

export const AccessLogEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.enum([
      'incident.read',
      'incident.events.read',
      'evidence.download',
      'subject_access.search',
      'subject_access.export',
    ]),
    incidentId: z.string().nullable(),
    reference: z.string().nullable(),
    evidenceId: z.string().nullable(),
    actor: z.object({ id: z.string(), role: z.string() }),
    keyId: z.string(),
  })
  .openapi('AccessLogEntry');

export const accessLogRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/access-log',
  operationId: 'accessLog',
  tags: ['Data protection'],
  summary: 'Who read or downloaded which record, when (newest first)',
  description:
    'Reads of an incident, its timeline, evidence downloads and subject access searches and exports. Ids, roles and times only: no post text, names or search terms.',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: {
    params: OdsParam,
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'Page size, 1–100 (default 25)' }),
      cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` from the previous page' }),
      incidentId: z.string().max(100).optional().openapi({ description: 'Only reads of this incident' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of the access log',
      content: {
        'application/json': {
          schema: z
            .object({ items: z.array(AccessLogEntrySchema), nextCursor: z.string().nullable() })
            .openapi('AccessLogPage'),
        },
      },
    },
    ...problems(401, 403, 404, 422),
  },
});

export const subjectAccessRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/subject-access',
  operationId: 'subjectAccess',
  tags: ['Data protection'],
  summary: 'What the practice holds about or by one person (a subject access request)',
  description:
    'Searches every incident of the practice for a handle (the post’s author, or @-mentioned in the post) or a name (author, reporter, staff named as affected, or named in the post, notes and replies). `Accept: application/zip` gives a ZIP: `manifest.json` (this answer), `manifest.csv` (one row per incident) and the evidence files under `evidence/<reference>/`. Each incident found is recorded in the access log (what was searched for is not).',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: {
    params: OdsParam,
    query: z.object({
      handle: PersonQuery.optional().openapi({ description: 'A social-media handle, with or without @' }),
      name: PersonQuery.optional().openapi({ description: 'A person’s name' }),
    }),
  },
  responses: {
    200: {
      description: 'What is held (JSON), or the same with the evidence files as a ZIP',
      content: {
        'application/json': { schema: SubjectAccessSchema },
        'application/zip': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...problems(401, 403, 404, 422),
  },
});
