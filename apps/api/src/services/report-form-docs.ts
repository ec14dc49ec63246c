import { MAX_SCREENSHOTS } from '@policy/core';

// The multipart report form as documented in OpenAPI, shared by the staff report route and vendor
// intake (both file through report-filing.ts).

/**
 * The multipart body, documented only: report-filing.ts reads it (a zod schema here would make the
 * generated form validator run on JSON bodies too).
 */
export const reportFormContent = {
  'multipart/form-data': {
    schema: {
      type: 'object' as const,
      required: ['report'],
      properties: {
        report: {
          $ref: '#/components/schemas/ReportInput',
          description: 'The report, exactly as the JSON body (same schema, same 64 KiB limit).',
        },
        screenshot: {
          type: 'array' as const,
          maxItems: MAX_SCREENSHOTS,
          items: { type: 'string' as const, format: 'binary' },
          description:
            'One part per screenshot, in order: PNG, JPEG or WebP (typed by its leading bytes), at most 5 MiB each. A bad one is 422 with `errors[].path` = `screenshot[<i>]`.',
        },
      },
    },
    encoding: {
      report: { contentType: 'application/json' },
      screenshot: { contentType: 'image/png, image/jpeg, image/webp' },
    },
  },
};

export const reportFormDescription =
  'With screenshots, send `multipart/form-data`: one `report` part (the JSON) and 0–5 `screenshot` parts; any other part is 422. The whole body may be 5 × 5 MiB + 64 KiB (413 above, refused before it is read). Each screenshot is stored as evidence (SHA-256, media type, size, captured at the time the report was received) with its `record_evidence` event, in the same transaction as the incident; the answer lists them under `evidence` (empty for a JSON body). An `Idempotency-Key` covers the JSON and each screenshot’s SHA-256.';
