import { createHash, randomUUID } from 'node:crypto';
import type { EvidenceRecord, Incident, IncidentEvent, ReportInput } from '@policy/core';
import type { Context, MiddlewareHandler } from 'hono';
import { type ImageType, MAX_EVIDENCE_BYTES, sniffImage } from '../evidence/media.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import type { FieldError } from '../http/problem.js';
import { ApiError } from '../http/problem.js';
import { issuesToErrors } from '../http/router.js';
import { applyEvent, classifyFor, fileReport, reportAnswer } from '../incidents/lifecycle.js';
import { ReportInputSchema } from '../schemas/incident.js';

// Filing a report, as JSON or as `multipart/form-data` with screenshots (docs/widgets-report-form.md,
// "The wire format"). Both the staff form's endpoint and vendor intake file through here, so the
// two answer alike.

export const MAX_SCREENSHOTS = 5;
/** The `report` part is held to the JSON body's limit (JSON_BODY_LIMIT in app.ts). */
export const REPORT_PART_LIMIT = 64 * 1024;
/** The whole multipart body: five screenshots at their limit and the report. Refused unread above. */
export const MULTIPART_REPORT_LIMIT = MAX_SCREENSHOTS * MAX_EVIDENCE_BYTES + REPORT_PART_LIMIT;

export interface Screenshot {
  bytes: Uint8Array;
  mediaType: ImageType;
  sha256: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any route's context
type AnyContext = Context<AppEnv, any, any>;

export const isMultipart = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';

const invalid = (errors: FieldError[]) => new ApiError(422, 'The report form is not valid.', { errors });

/**
 * Reads a multipart report: exactly one `report` part (the JSON body, same schema and limit) and
 * 0–5 `screenshot` parts, each typed by its leading bytes. Every problem found is listed at once.
 */
export async function readReportForm(
  c: AnyContext,
): Promise<{ input: ReportInput; screenshots: Screenshot[] }> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, 'The multipart body could not be read.');
  }
  const errors: FieldError[] = [];
  const reports: (string | File)[] = [];
  const screenshots: Screenshot[] = [];
  let index = 0;
  for (const [name, value] of form.entries()) {
    if (name === 'report') {
      reports.push(value);
      continue;
    }
    if (name !== 'screenshot') {
      errors.push({ path: name, message: 'unknown part: send `report` and `screenshot` parts only' });
      continue;
    }
    const path = `screenshot[${index++}]`;
    if (index > MAX_SCREENSHOTS) {
      errors.push({ path, message: `at most ${MAX_SCREENSHOTS} screenshots may be sent with a report` });
      continue;
    }
    if (typeof value === 'string') {
      errors.push({ path, message: 'must be a file (a PNG, JPEG or WebP picture)' });
      continue;
    }
    if (value.size > MAX_EVIDENCE_BYTES) {
      errors.push({ path, message: 'must be at most 5 MiB' });
      continue;
    }
    const bytes = new Uint8Array(await value.arrayBuffer());
    // The leading bytes decide, never the file name or the part's Content-Type.
    const mediaType = sniffImage(bytes);
    if (!mediaType) {
      errors.push({ path, message: 'must be a PNG, JPEG or WebP picture' });
      continue;
    }
    screenshots.push({ bytes, mediaType, sha256: createHash('sha256').update(bytes).digest('hex') });
  }

  const [part, ...more] = reports;
  if (part === undefined) errors.push({ path: 'report', message: 'the form needs a `report` part (JSON)' });
  if (more.length > 0) errors.push({ path: 'report', message: 'send exactly one `report` part' });
  let input: ReportInput | undefined;
  if (part !== undefined && more.length === 0) {
    const size = typeof part === 'string' ? Buffer.byteLength(part) : part.size;
    if (size > REPORT_PART_LIMIT)
      throw new ApiError(413, `The report part is over the ${REPORT_PART_LIMIT / 1024} KiB limit.`);
    const text = typeof part === 'string' ? part : await part.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'The report part is not valid JSON.');
    }
    const parsed = ReportInputSchema.safeParse(json);
    if (parsed.success) input = parsed.data as ReportInput;
    else errors.push(...issuesToErrors(parsed.error.issues, 'json'));
  }
  if (errors.length > 0 || input === undefined) throw invalid(errors);
  return { input, screenshots };
}

/**
 * The JSON body the route's zod validator checked. (Its type is lost once the route also documents a
 * non-zod multipart body, hence the cast; the runtime value is the validator's output.)
 */
export const validReport = (c: AnyContext): ReportInput =>
  (c.req as unknown as { valid: (target: 'json') => ReportInput }).valid('json');

/**
 * Files the report and stores each screenshot as evidence with its `record_evidence` event, all in
 * the request's one transaction: a 201 means every part of it is durable, a refusal leaves nothing.
 * The Idempotency-Key fingerprint is the JSON plus each screenshot's SHA-256 (without screenshots,
 * exactly the JSON body's, so a JSON retry and a multipart retry of the same report agree).
 */
export function fileWithScreenshots(
  c: AnyContext,
  input: ReportInput,
  screenshots: readonly Screenshot[],
  onFiled?: (incident: Incident) => void,
) {
  const classification = classifyFor(c, input);
  const fingerprint = () => [JSON.stringify(input), ...screenshots.map((shot) => shot.sha256)].join('\n');
  return idempotent(c, fingerprint, () => {
    const { store } = c.get('deps');
    const practice = c.get('practice');
    const principal = c.get('principal');
    const filed = fileReport(c, input, classification);
    let incident = filed.incident;
    const evidence: EvidenceRecord[] = [];
    for (const shot of screenshots) {
      // Captured when the report was received: the staff member took it before filing.
      const record: EvidenceRecord = {
        id: randomUUID(),
        kind: 'screenshot',
        sha256: shot.sha256,
        capturedAt: filed.event.at,
        mediaType: shot.mediaType,
        size: shot.bytes.length,
        stored: true,
      };
      const event: IncidentEvent = {
        type: 'record_evidence',
        at: filed.event.at,
        actor: filed.event.actor,
        evidence: record,
      };
      incident = applyEvent(store, practice, incident.id, event, principal.keyId).incident;
      store.insertEvidence({
        id: record.id,
        practiceOds: practice.ods,
        incidentId: incident.id,
        kind: 'screenshot',
        mediaType: shot.mediaType,
        size: shot.bytes.length,
        sha256: shot.sha256,
        capturedAt: record.capturedAt,
        createdAt: filed.event.at,
        createdByKey: principal.keyId,
        bytes: Buffer.from(shot.bytes.buffer, shot.bytes.byteOffset, shot.bytes.byteLength),
      });
      evidence.push(record);
    }
    onFiled?.(incident);
    return { status: 201 as const, body: { ...reportAnswer(incident), evidence } };
  });
}

/**
 * A route middleware that answers `multipart/form-data` filings itself and passes JSON on to the
 * route's zod validators and handler. (The generated JSON validator would read a form as `{}`, so
 * the form cannot reach it; the route's OpenAPI definition documents both bodies.)
 */
export const reportForm =
  (
    options: { before?: (c: AnyContext) => void; onFiled?: (c: AnyContext, incident: Incident) => void } = {},
  ): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!isMultipart(c.req.header('content-type'))) return next();
    options.before?.(c);
    const { input, screenshots } = await readReportForm(c);
    return fileWithScreenshots(c, input, screenshots, (incident) => options.onFiled?.(c, incident));
  };
