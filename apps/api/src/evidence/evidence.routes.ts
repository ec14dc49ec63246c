import { createRoute, z } from '@hono/zod-openapi';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, IncidentParams, problems } from '../schemas/common.js';
import { EvidenceRecordSchema, IncidentDetailSchema } from '../schemas/incident.js';

const binary = { schema: { type: 'string' as const, format: 'binary' } };

export const evidenceUploadRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/incidents/{id}/evidence',
  operationId: 'uploadEvidence',
  tags: ['Evidence'],
  summary: 'Upload a screenshot (PNG/JPEG/WebP, ≤ 5 MiB) or a text capture',
  description:
    'Either the raw bytes with their Content-Type (`image/png`, `image/jpeg`, `image/webp`, `text/plain`) and an optional `X-Captured-At` header, or `multipart/form-data` with a `file` (or a `text` field) and an optional `capturedAt`. Images are checked by their leading bytes. Stored with its SHA-256 and capture time; records a `record_evidence` event on the incident. Accepts `Idempotency-Key`.',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:write')] as const,
  request: {
    params: IncidentParams,
    body: {
      required: true,
      content: {
        'image/png': binary,
        'image/jpeg': binary,
        'image/webp': binary,
        'text/plain': { schema: { type: 'string' as const } },
        'multipart/form-data': {
          schema: {
            type: 'object' as const,
            properties: {
              file: { type: 'string' as const, format: 'binary' },
              text: { type: 'string' as const },
              capturedAt: { type: 'string' as const, format: 'date-time' },
            },
          },
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Stored',
      content: {
        'application/json': {
          schema: z
            .object({ evidence: EvidenceRecordSchema, incident: IncidentDetailSchema })
            .openapi('EvidenceStored'),
        },
      },
    },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const evidenceDownloadRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/incidents/{id}/evidence/{evidenceId}',
  operationId: 'downloadEvidence',
  tags: ['Evidence'],
  summary: 'The stored bytes, byte-identical, with their SHA-256 in `X-Content-SHA256` and `Repr-Digest`',
  description:
    'Bytes that no longer hash to the SHA-256 recorded at upload are never served: 409 `/problems/evidence-integrity` (GET …/audit/verify locates it). Bytes removed by a redaction or the retention purge: 410 `/problems/evidence-removed`. Each download is recorded in the access log.',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:read')] as const,
  request: {
    params: IncidentParams.extend({
      evidenceId: z.string().openapi({ param: { name: 'evidenceId', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The bytes as uploaded',
      headers: {
        'X-Content-SHA256': { schema: { type: 'string' }, description: 'Lower-case hex SHA-256 of the body' },
        'Repr-Digest': { schema: { type: 'string' }, description: 'RFC 9530: sha-256=:<base64>:' },
        'X-Captured-At': { schema: { type: 'string' } },
      },
      content: { 'image/png': binary, 'image/jpeg': binary, 'image/webp': binary, 'text/plain': binary },
    },
    ...problems(401, 403, 404, 409, 410),
  },
});
