import { createRoute, z } from '@hono/zod-openapi';
import { LOCALES, PLATFORMS, TEMPLATE_CHANNELS, TEMPLATE_IDS } from '@policy/core';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, IsoDateTime, OdsParam, problems } from '../schemas/common.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const TemplateInfoSchema = z
  .object({
    id: z.enum(TEMPLATE_IDS),
    channel: z.enum(TEMPLATE_CHANNELS),
    purpose: z.string(),
    locales: z.array(z.enum(LOCALES)),
  })
  .openapi('TemplateInfo');

export const RenderInputSchema = z
  .strictObject({
    incidentId: z.string().max(64).optional(),
    platform: z.enum(PLATFORMS).optional(),
    locale: z.enum(LOCALES).optional(),
    from: IsoDateTime.optional().openapi({
      description: 'monitoring_summary only: start of the period (default 30 days ago)',
    }),
    to: IsoDateTime.optional().openapi({
      description: 'monitoring_summary only: end of the period (default now)',
    }),
  })
  .openapi('RenderTemplateInput');

export const RenderedSchema = z
  .object({
    id: z.enum(TEMPLATE_IDS),
    locale: z.enum(LOCALES),
    text: z.string(),
    length: z.number().int(),
    limit: z.number().int().nullable(),
    fits: z.boolean(),
  })
  .openapi('RenderedTemplate');

export const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/v1/templates',
  operationId: 'listTemplates',
  tags: ['Templates'],
  summary: 'Template ids, purposes, channels and locales',
  security: apiKeySecurity,
  middleware: [requireApiKey()] as const,
  responses: {
    200: { description: 'The templates', content: json(z.object({ items: z.array(TemplateInfoSchema) })) },
    ...problems(401, 403),
  },
});

export const renderTemplateRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/templates/{templateId}/render',
  operationId: 'renderTemplate',
  tags: ['Templates'],
  summary: 'Render a response template for the practice (and an incident)',
  security: apiKeySecurity,
  middleware: [requireApiKey('incidents:read')] as const,
  request: {
    params: OdsParam.extend({
      templateId: z.enum(TEMPLATE_IDS).openapi({ param: { name: 'templateId', in: 'path' } }),
    }),
    body: { required: true, content: json(RenderInputSchema) },
  },
  responses: {
    200: {
      description: 'The text, its length and whether it fits the platform',
      content: json(RenderedSchema),
    },
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});
