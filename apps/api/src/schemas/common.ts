import { z } from '@hono/zod-openapi';
import { MAX_SHORT_TEXT_LENGTH, MAX_URL_LENGTH } from '@policy/core';
import type { ProblemStatus } from '../http/problem.js';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation-error' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    rule: z.string().optional().openapi({ description: 'For 409 policy refusals: the guard that refused.' }),
    code: z.string().optional().openapi({
      description:
        'Sign-in and sessions: what to do next, e.g. `invalid_credentials`, `totp_required`, `invalid_totp`, `locked`, `two_factor_enrolment_required`, `session_expired`, `cross_site`, `role_not_allowed`.',
    }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Malformed request (e.g. the body is not JSON)',
  401: 'Missing, malformed or revoked credential',
  403: 'The credential may not do this (wrong key type, missing scope, or origin not allowed)',
  404: 'No such record, or it belongs to a practice this key cannot see',
  405: 'Method not allowed',
  409: 'Conflict, or a transition refused by the policy (`rule` names the guard)',
  410: 'The record’s content was removed (redaction or the retention purge); its tombstone remains',
  413: 'Request body over the size limit',
  415: 'Unsupported Content-Type',
  422: 'The request is not valid (`errors` lists each field)',
  429: 'Rate limited; see Retry-After',
  500: 'Internal error',
  503: 'Unavailable',
};

/** Problem responses for a route's OpenAPI definition. */
export function problems(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status],
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  ) as Record<
    ProblemStatus,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
}

// Path parameters are not length-checked: an id that cannot exist is simply not found (404), so a
// probe cannot tell a malformed id from another practice's record.
export const OdsParam = z.object({
  ods: z.string().openapi({
    param: { name: 'ods', in: 'path' },
    example: 'Y90001',
    description: 'The practice’s ODS code',
  }),
});

export const IncidentParams = OdsParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'Incident id' }),
});

/** ISO 8601 date-time with offset, as every time in the API. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

export const HttpUrl = z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH);
export const ShortText = z.string().trim().min(1).max(MAX_SHORT_TEXT_LENGTH);

type Security = Record<string, string[]>[];
export const apiKeySecurity: Security = [{ apiKey: [] }, { session: [] }];
export const adminKeySecurity: Security = [{ adminKey: [] }];
export const reportKeySecurity: Security = [{ reportKey: [] }, { session: [] }];
export const sessionSecurity: Security = [{ session: [] }];

/** Headers every write that may be retried accepts. */
export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'Same key + same body → the same result, once (per credential; keys are kept for 24 hours). The same key with a different body is 422.',
    }),
});
