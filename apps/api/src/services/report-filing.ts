import { randomUUID } from 'node:crypto';
import {
  type EvidenceRecord,
  type Incident,
  type IncidentEvent,
  MAX_EVIDENCE_BYTES,
  MAX_REPORT_JSON_BYTES,
  MAX_SCREENSHOTS,
  type ReportInput,
} from '@policy/core';
import type { Context, MiddlewareHandler } from 'hono';
import { EVIDENCE_CHUNK_BYTES } from '../db/store.js';
import { type ImageType, sniffImage } from '../evidence/media.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { readForm, requestBody, spooledChunks } from '../http/multipart.js';
import type { FieldError } from '../http/problem.js';
import { ApiError } from '../http/problem.js';
import { issuesToErrors } from '../http/router.js';
import { assertUploadQuota, quotaGuard } from '../http/upload-quota.js';
import { ReportInputSchema } from '../schemas/incident.js';
import { applyEvent, classifyFor, fileReport, reportAnswer } from './lifecycle.js';
import { announceCreated } from './outbox.js';

// Filing a report, as JSON or as `multipart/form-data` with screenshots (docs/widgets-report-form.md,
// "The wire format"). Both the staff form's endpoint and vendor intake file through here, so the
// two answer alike.

/** The `report` part is held to the JSON body's limit (core's MAX_REPORT_JSON_BYTES). */
const REPORT_PART_LIMIT = MAX_REPORT_JSON_BYTES;
/** The whole multipart body: five screenshots at their limit and the report. Refused unread above. */
export const MULTIPART_REPORT_LIMIT = MAX_SCREENSHOTS * MAX_EVIDENCE_BYTES + REPORT_PART_LIMIT;

export interface Screenshot {
  /** Spooled to disk while the form streamed in (http/multipart.ts); read when stored. */
  file: string;
  size: number;
  mediaType: ImageType;
  sha256: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any route's context
type AnyContext = Context<AppEnv, any, any>;

export const isMultipart = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';

const NOT_A_PICTURE = 'must be a PNG, JPEG or WebP picture';

const invalid = (errors: FieldError[]) => new ApiError(422, 'The report form is not valid.', { errors });

/**
 * Reads a multipart report as it streams (http/multipart.ts): exactly one `report` part (the JSON
 * body, same schema and limit) and 0–5 `screenshot` parts, each typed by its leading bytes and
 * spooled to disk. A form with more parts or bytes than that is refused as soon as they arrive;
 * otherwise every problem found is listed at once. The caller discards the spooled files.
 */
export async function readReportForm(
  c: AnyContext,
): Promise<{ input: ReportInput; screenshots: Screenshot[]; discard: () => Promise<void> }> {
  const form = await readForm(c.req.header('content-type') ?? '', requestBody(c), {
    maxBytes: MULTIPART_REPORT_LIMIT,
    maxParts: MAX_SCREENSHOTS + 1,
    files: {
      screenshot: {
        max: MAX_SCREENSHOTS,
        maxBytes: MAX_EVIDENCE_BYTES,
        tooMany: `at most ${MAX_SCREENSHOTS} screenshots may be sent with a report`,
        tooBig: 'must be at most 5 MiB',
        notAFile: 'must be a file (a PNG, JPEG or WebP picture)',
        // Typed by its leading bytes as it arrives: a part that is no picture is never spooled.
        accepts: (head) => sniffImage(head) !== null,
        notAccepted: NOT_A_PICTURE,
      },
    },
    texts: { report: { maxBytes: REPORT_PART_LIMIT, label: 'report' } },
    unknown: 'unknown part: send `report` and `screenshot` parts only',
    spool: c.get('deps').uploads.spool,
    onFileBytes: quotaGuard(c),
  });
  try {
    const errors: FieldError[] = [...form.errors];
    const screenshots: Screenshot[] = [];
    for (const shot of form.files) {
      // The leading bytes decide, never the file name or the part's Content-Type.
      const mediaType = sniffImage(shot.head);
      if (!mediaType) errors.push({ path: shot.path, message: NOT_A_PICTURE });
      else screenshots.push({ file: shot.file, size: shot.size, mediaType, sha256: shot.sha256 });
    }
    const [part, ...more] = form.texts;
    if (part === undefined) errors.push({ path: 'report', message: 'the form needs a `report` part (JSON)' });
    if (more.length > 0) errors.push({ path: 'report', message: 'send exactly one `report` part' });
    let input: ReportInput | undefined;
    if (part !== undefined && more.length === 0) {
      let json: unknown;
      try {
        json = JSON.parse(part.value);
      } catch {
        throw new ApiError(400, 'The report part is not valid JSON.');
      }
      const parsed = ReportInputSchema.safeParse(json);
      if (parsed.success) input = parsed.data as ReportInput;
      else errors.push(...issuesToErrors(parsed.error.issues, 'json'));
    }
    if (errors.length > 0 || input === undefined) throw invalid(errors);
    return { input, screenshots, discard: form.discard };
  } catch (error) {
    await form.discard();
    throw error;
  }
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
    assertUploadQuota(
      c,
      screenshots.reduce((total, shot) => total + shot.size, 0),
    );
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
        size: shot.size,
        stored: true,
      };
      const event: IncidentEvent = {
        type: 'record_evidence',
        at: filed.event.at,
        actor: filed.event.actor,
        evidence: record,
      };
      incident = applyEvent(store, practice, incident.id, event, principal.keyId, {
        announce: false,
      }).incident;
      store.insertEvidence(
        {
          id: record.id,
          practiceOds: practice.ods,
          incidentId: incident.id,
          kind: 'screenshot',
          mediaType: shot.mediaType,
          size: shot.size,
          sha256: shot.sha256,
          capturedAt: record.capturedAt,
          createdAt: filed.event.at,
          createdByKey: principal.keyId,
        },
        // Read back from the spool a chunk at a time, into one reused buffer: never a whole screenshot.
        spooledChunks(shot.file, shot.size, EVIDENCE_CHUNK_BYTES),
      );
      evidence.push(record);
    }
    announceCreated(store, incident);
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
    const { input, screenshots, discard } = await readReportForm(c);
    try {
      return await fileWithScreenshots(c, input, screenshots, (incident) => options.onFiled?.(c, incident));
    } finally {
      await discard();
    }
  };
