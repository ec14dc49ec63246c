import { createHash, randomUUID } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import type { EvidenceRecord, IncidentEvent } from '@policy/core';
import { actorOf } from '../http/actor.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { readForm, readSpooled, requestBody } from '../http/multipart.js';
import { ApiError, notFound } from '../http/problem.js';
import { assertUploadQuota, quotaGuard } from '../http/upload-quota.js';
import { IsoDateTime } from '../schemas/common.js';
import { recordAccess } from '../services/access-log.js';
import { applyEvent, incidentDetail } from '../services/lifecycle.js';
import type { evidenceDownloadRoute, evidenceUploadRoute } from './evidence.routes.js';
import { IMAGE_TYPES, isPlainText, MAX_EVIDENCE_BYTES, sniffImage } from './media.js';

/** The multipart envelope around a 5 MiB file gets a little room (app.ts's EVIDENCE_BODY_LIMIT). */
const EVIDENCE_BODY_LIMIT = MAX_EVIDENCE_BYTES + 16 * 1024;

const unsupported = () =>
  new ApiError(415, 'Send a PNG, JPEG or WebP screenshot, or a UTF-8 text capture (text/plain).');

interface Upload {
  bytes: Uint8Array;
  declared: 'image' | 'text';
  capturedAt: string | undefined;
}

async function readUpload(
  c: Parameters<RouteHandler<typeof evidenceUploadRoute, AppEnv>>[0],
): Promise<Upload> {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType === 'multipart/form-data') {
    // Read as it streams, parts counted (http/multipart.ts): a `file` or a `text`, and `capturedAt`.
    const form = await readForm(c.req.header('content-type') ?? '', requestBody(c), {
      maxBytes: EVIDENCE_BODY_LIMIT,
      maxParts: 3,
      files: {
        file: {
          max: 1,
          maxBytes: MAX_EVIDENCE_BYTES,
          tooMany: 'send one `file`',
          tooBig: 'must be at most 5 MiB',
          notAFile: 'must be a file (a PNG, JPEG or WebP picture)',
        },
      },
      texts: {
        text: { maxBytes: MAX_EVIDENCE_BYTES, label: 'text' },
        capturedAt: { maxBytes: 100, label: 'capturedAt' },
      },
      unknown: 'unknown part: send `file` or `text`, and optionally `capturedAt`',
      spool: c.get('deps').uploads.spool,
      onFileBytes: quotaGuard(c),
    });
    try {
      if (form.errors.length > 0)
        throw new ApiError(422, 'The evidence form is not valid.', { errors: form.errors });
      const field = (name: string) => form.texts.find((part) => part.name === name)?.value;
      const when = field('capturedAt');
      const file = form.files[0];
      // At most 5 MiB, and held as the evidence is stored in any case.
      if (file)
        return {
          bytes: new Uint8Array(readSpooled(file.file, file.size)),
          declared: 'image',
          capturedAt: when,
        };
      const text = field('text');
      if (text !== undefined)
        return { bytes: new TextEncoder().encode(text), declared: 'text', capturedAt: when };
      throw new ApiError(422, 'The form needs a `file` (a screenshot) or a `text` field.', {
        errors: [{ path: 'body.file', message: 'a file or a text field is required' }],
      });
    } finally {
      await form.discard();
    }
  }
  const declared = (IMAGE_TYPES as readonly string[]).includes(contentType)
    ? 'image'
    : contentType === 'text/plain'
      ? 'text'
      : null;
  if (!declared) throw unsupported();
  return {
    bytes: new Uint8Array(await c.req.arrayBuffer()),
    declared,
    capturedAt: c.req.header('x-captured-at'),
  };
}

export const upload: RouteHandler<typeof evidenceUploadRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const actor = actorOf(c);
  const { bytes, declared, capturedAt: given } = await readUpload(c);
  if (bytes.length === 0)
    throw new ApiError(422, 'The upload is empty.', { errors: [{ path: 'body', message: 'empty' }] });
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new ApiError(413, 'Evidence may be at most 5 MiB.');
  // The leading bytes decide: a "PNG" that is not one is refused, whatever its name or header.
  const image = sniffImage(bytes);
  let mediaType: string;
  if (declared === 'image') {
    if (!image) throw unsupported();
    mediaType = image;
  } else {
    if (image || !isPlainText(bytes)) throw unsupported();
    mediaType = 'text/plain; charset=utf-8';
  }
  if (given !== undefined && !IsoDateTime.safeParse(given).success)
    throw new ApiError(422, 'capturedAt must be an ISO 8601 date-time.', {
      errors: [{ path: 'body.capturedAt', message: 'an ISO 8601 date-time with offset' }],
    });
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  const now = clock().toISOString();
  const capturedAt = given ? new Date(given).toISOString() : now;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const record: EvidenceRecord = {
    id: randomUUID(),
    kind: image ? 'screenshot' : 'text',
    sha256,
    capturedAt,
    mediaType,
    size: bytes.length,
    stored: true,
  };
  const event: IncidentEvent = { type: 'record_evidence', at: now, actor, evidence: record };
  return idempotent(c, `${sha256}\n${given ?? ''}\n${declared}`, () => {
    assertUploadQuota(c, bytes.length);
    const { incident } = applyEvent(store, practice, id, event, c.get('principal').keyId);
    store.insertEvidence({
      id: record.id,
      practiceOds: practice.ods,
      incidentId: id,
      kind: record.kind,
      mediaType,
      size: bytes.length,
      sha256,
      capturedAt,
      createdAt: now,
      createdByKey: c.get('principal').keyId,
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    c.header('Location', `/v1/practices/${practice.ods}/incidents/${id}/evidence/${record.id}`);
    return {
      status: 201 as const,
      body: {
        evidence: record,
        incident: incidentDetail(store, practice, incident, { at: now, actor }),
      } as never,
    };
  });
};

export const download: RouteHandler<typeof evidenceDownloadRoute, AppEnv> = async (c) => {
  const { id, evidenceId } = c.req.valid('param');
  const { store } = c.get('deps');
  const ods = c.get('practice').ods;
  const row = store.evidence(ods, id, evidenceId);
  if (!row) throw notFound('evidence');
  if (row.removedAt !== null)
    throw new ApiError(
      410,
      `The bytes of this evidence were removed on ${row.removedAt} (a redaction or the retention purge). Its SHA-256, size and capture time remain on the incident.`,
      { type: '/problems/evidence-removed' },
    );
  // Never serve bytes as intact that no longer are: they must hash to what the row and the incident's
  // record_evidence event (in the hash chain) say was uploaded.
  const recorded = recordedSha256(store.incident(ods, id)?.incident.evidence, evidenceId);
  const actual = createHash('sha256').update(row.bytes).digest('hex');
  if (actual !== row.sha256 || (recorded !== undefined && recorded !== row.sha256))
    throw new ApiError(
      409,
      'The stored bytes of this evidence no longer match the SHA-256 recorded when it was uploaded, so they are not served. GET …/audit/verify shows where; restore the file from a backup.',
      { type: '/problems/evidence-integrity', rule: 'evidence_integrity' },
    );
  await recordAccess(c, [{ action: 'evidence.download', incidentId: id, evidenceId }]);
  const extension = row.mediaType.startsWith('image/') ? row.mediaType.slice(6) : 'txt';
  c.header('Content-Type', row.mediaType);
  c.header('X-Content-SHA256', row.sha256);
  c.header('Repr-Digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`);
  c.header('X-Captured-At', row.capturedAt);
  c.header('Content-Disposition', `inline; filename="evidence-${row.id}.${extension}"`);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  return c.body(new Uint8Array(row.bytes), 200) as never;
};

/** The SHA-256 the incident's record_evidence event recorded for this evidence, if it lists it. */
const recordedSha256 = (records: readonly EvidenceRecord[] | undefined, evidenceId: string) =>
  records?.find((record) => record.id === evidenceId)?.sha256;
