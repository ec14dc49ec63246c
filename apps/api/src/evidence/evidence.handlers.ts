import { createHash, randomUUID } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import type { EvidenceRecord, IncidentEvent } from '@policy/core';
import type { EvidenceRow } from '../db/schema.js';
import { EVIDENCE_CHUNK_BYTES, type Store } from '../db/store.js';
import { actorOf } from '../http/actor.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { memoryChunks, readForm, requestBody, spoolBody, spooledChunks } from '../http/multipart.js';
import { ApiError, notFound } from '../http/problem.js';
import { assertUploadQuota, quotaGuard } from '../http/upload-quota.js';
import { IsoDateTime } from '../schemas/common.js';
import { recordAccess } from '../services/access-log.js';
import { digestEvidence, evidenceFault } from '../services/evidence-bytes.js';
import { applyEvent, incidentDetail } from '../services/lifecycle.js';
import type { evidenceDownloadRoute, evidenceUploadRoute } from './evidence.routes.js';
import { IMAGE_TYPES, isPlainTextChunks, MAX_EVIDENCE_BYTES, sniffImage } from './media.js';

/** The multipart envelope around a 5 MiB file gets a little room (app.ts's EVIDENCE_BODY_LIMIT). */
const EVIDENCE_BODY_LIMIT = MAX_EVIDENCE_BYTES + 16 * 1024;

const unsupported = () =>
  new ApiError(415, 'Send a PNG, JPEG or WebP screenshot, or a UTF-8 text capture (text/plain).');

/** An upload as received: spooled to disk (a file part, a raw body) or in memory (a `text` field). */
interface Upload {
  source: { file: string } | { bytes: Uint8Array };
  size: number;
  sha256: string;
  /** The first bytes, for typing the file by its signature. */
  head: Uint8Array;
  declared: 'image' | 'text';
  capturedAt: string | undefined;
  /** Removes the spooled file (once stored or refused). */
  discard: () => Promise<void>;
}

const none = async () => {};

/** The upload's bytes a chunk at a time (a spooled file is read, never held whole). */
const chunksOf = (upload: Upload) =>
  'file' in upload.source
    ? spooledChunks(upload.source.file, upload.size, EVIDENCE_CHUNK_BYTES)
    : memoryChunks(upload.source.bytes, EVIDENCE_CHUNK_BYTES);

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
      // Stays spooled: read back a chunk at a time as it is stored.
      if (file)
        return {
          source: { file: file.file },
          size: file.size,
          sha256: file.sha256,
          head: file.head,
          declared: 'image',
          capturedAt: when,
          discard: form.discard,
        };
      const text = field('text');
      if (text !== undefined) {
        await form.discard();
        const bytes = new TextEncoder().encode(text);
        return {
          source: { bytes },
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          head: bytes.subarray(0, 64),
          declared: 'text',
          capturedAt: when,
          discard: none,
        };
      }
      throw new ApiError(422, 'The form needs a `file` (a screenshot) or a `text` field.', {
        errors: [{ path: 'body.file', message: 'a file or a text field is required' }],
      });
    } catch (error) {
      await form.discard();
      throw error;
    }
  }
  const declared = (IMAGE_TYPES as readonly string[]).includes(contentType)
    ? 'image'
    : contentType === 'text/plain'
      ? 'text'
      : null;
  if (!declared) throw unsupported();
  // The raw bytes are spooled as they stream in, hashed on the way, and refused at the first byte over.
  const { file, discard } = await spoolBody(requestBody(c), {
    maxBytes: MAX_EVIDENCE_BYTES,
    tooLarge: () => new ApiError(413, 'Evidence may be at most 5 MiB.'),
    spool: c.get('deps').uploads.spool,
    onBytes: quotaGuard(c),
  });
  return {
    source: { file: file.file },
    size: file.size,
    sha256: file.sha256,
    head: file.head,
    declared,
    capturedAt: c.req.header('x-captured-at'),
    discard,
  };
}

export const upload: RouteHandler<typeof evidenceUploadRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const actor = actorOf(c);
  const received = await readUpload(c);
  try {
    return await store(c, id, actor, received);
  } finally {
    await received.discard();
  }
};

async function store(
  c: Parameters<RouteHandler<typeof evidenceUploadRoute, AppEnv>>[0],
  id: string,
  actor: ReturnType<typeof actorOf>,
  received: Upload,
) {
  const { size, sha256, declared, capturedAt: given } = received;
  if (size === 0)
    throw new ApiError(422, 'The upload is empty.', { errors: [{ path: 'body', message: 'empty' }] });
  if (size > MAX_EVIDENCE_BYTES) throw new ApiError(413, 'Evidence may be at most 5 MiB.');
  // The leading bytes decide: a "PNG" that is not one is refused, whatever its name or header.
  const image = sniffImage(received.head);
  let mediaType: string;
  if (declared === 'image') {
    if (!image) throw unsupported();
    mediaType = image;
  } else {
    if (image || !isPlainTextChunks(chunksOf(received))) throw unsupported();
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
  const record: EvidenceRecord = {
    id: randomUUID(),
    kind: image ? 'screenshot' : 'text',
    sha256,
    capturedAt,
    mediaType,
    size,
    stored: true,
  };
  const event: IncidentEvent = { type: 'record_evidence', at: now, actor, evidence: record };
  return idempotent(c, `${sha256}\n${given ?? ''}\n${declared}`, () => {
    assertUploadQuota(c, size);
    const { incident } = applyEvent(store, practice, id, event, c.get('principal').keyId);
    store.insertEvidence(
      {
        id: record.id,
        practiceOds: practice.ods,
        incidentId: id,
        kind: record.kind,
        mediaType,
        size,
        sha256,
        capturedAt,
        createdAt: now,
        createdByKey: c.get('principal').keyId,
      },
      chunksOf(received),
    );
    c.header('Location', `/v1/practices/${practice.ods}/incidents/${id}/evidence/${record.id}`);
    return {
      status: 201 as const,
      body: {
        evidence: record,
        incident: incidentDetail(store, practice, incident, { at: now, actor }),
      } as never,
    };
  });
}

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
  // record_evidence event (in the hash chain) say was uploaded. Hashed a chunk at a time, then served
  // in a second pass (below), which hashes them again and withholds the last chunk if they changed.
  const recorded = recordedSha256(store.incident(ods, id)?.incident.evidence, evidenceId);
  const digest = digestEvidence(store, ods, row.id);
  if (evidenceFault(row, digest, row.sha256) !== null || (recorded !== undefined && recorded !== row.sha256))
    throw new ApiError(
      409,
      'The stored bytes of this evidence no longer match the SHA-256 recorded when it was uploaded, so they are not served. GET …/audit/verify shows where; restore the file from a backup.',
      { type: '/problems/evidence-integrity', rule: 'evidence_integrity' },
    );
  await recordAccess(c, [{ action: 'evidence.download', incidentId: id, evidenceId }]);
  const extension = row.mediaType.startsWith('image/') ? row.mediaType.slice(6) : 'txt';
  c.header('Content-Type', row.mediaType);
  c.header('Content-Length', String(row.size));
  c.header('X-Content-SHA256', row.sha256);
  c.header('Repr-Digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`);
  c.header('X-Captured-At', row.capturedAt);
  c.header('Content-Disposition', `inline; filename="evidence-${row.id}.${extension}"`);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  return c.body(servedChunks(store, ods, row, digest.indexes), 200) as never;
};

/**
 * The evidence's chunks as the response body, each read from the database only when the client is
 * ready for it. They are hashed again on the way: if they no longer add up to the recorded SHA-256
 * (changed since the check above), the last chunk is withheld and the body fails — the client sees a
 * broken transfer, never a whole file passed off as intact.
 */
function servedChunks(
  store: Store,
  ods: string,
  row: Pick<EvidenceRow, 'id' | 'size' | 'sha256'>,
  indexes: readonly number[],
): ReadableStream<Uint8Array> {
  const hash = createHash('sha256');
  let next = 0;
  let size = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const idx = indexes[next];
      next += 1;
      if (idx === undefined) return controller.close();
      const bytes = store.evidenceChunk(ods, row.id, idx);
      if (!bytes) return controller.error(new Error(`evidence ${row.id}: a chunk went while it was served`));
      hash.update(bytes);
      size += bytes.length;
      if (next < indexes.length) return controller.enqueue(bytes);
      if (size !== row.size || hash.digest('hex') !== row.sha256)
        return controller.error(new Error(`evidence ${row.id}: its bytes changed while they were served`));
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** The SHA-256 the incident's record_evidence event recorded for this evidence, if it lists it. */
const recordedSha256 = (records: readonly EvidenceRecord[] | undefined, evidenceId: string) =>
  records?.find((record) => record.id === evidenceId)?.sha256;
