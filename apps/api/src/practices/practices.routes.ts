import { createRoute, z } from '@hono/zod-openapi';
import { ODS_CODE_PATTERN } from '@policy/core';
import { requireAdminKey, requireApiKey } from '../http/auth.js';
import { adminKeySecurity, apiKeySecurity, OdsParam, problems, ShortText } from '../schemas/common.js';
import { SettingsInputSchema, SettingsSchema } from '../schemas/settings.js';

export const PracticeSchema = z
  .object({
    ods: z.string(),
    name: z.string(),
    settings: SettingsSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Practice');

export const CreatePracticeSchema = z
  .strictObject({
    ods: z.string().regex(ODS_CODE_PATTERN, 'an ODS code: a capital letter and five digits, e.g. A81001'),
    name: ShortText,
    settings: SettingsInputSchema.optional(),
  })
  .openapi('CreatePractice');

export const UpdatePracticeSchema = z
  .strictObject({ name: ShortText.optional(), settings: SettingsInputSchema.optional() })
  .openapi('UpdatePractice', {
    description:
      'Top-level settings fields given replace the stored ones whole (e.g. `staff` replaces the roster); fields not given are kept.',
  });

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const createPracticeRoute = createRoute({
  method: 'post',
  path: '/v1/practices',
  operationId: 'createPractice',
  tags: ['Practices'],
  summary: 'Create a practice with its settings',
  security: adminKeySecurity,
  middleware: [requireAdminKey] as const,
  request: { body: { required: true, content: json(CreatePracticeSchema) } },
  responses: {
    201: { description: 'Created; settings filled with defaults', content: json(PracticeSchema) },
    ...problems(400, 401, 403, 409, 413, 415, 422),
  },
});

export const getPracticeRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}',
  operationId: 'getPractice',
  tags: ['Practices'],
  summary: 'Read the practice’s settings (including the staff roster)',
  security: apiKeySecurity,
  middleware: [requireApiKey()] as const,
  request: { params: OdsParam },
  responses: {
    200: { description: 'The practice', content: json(PracticeSchema) },
    ...problems(401, 403, 404),
  },
});

export const updatePracticeRoute = createRoute({
  method: 'patch',
  path: '/v1/practices/{ods}',
  operationId: 'updatePractice',
  tags: ['Practices'],
  summary: 'Update settings (conduct clauses, channels, staff roster…)',
  security: apiKeySecurity,
  middleware: [requireApiKey('settings:write')] as const,
  request: { params: OdsParam, body: { required: true, content: json(UpdatePracticeSchema) } },
  responses: {
    200: { description: 'The updated practice', content: json(PracticeSchema) },
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});
