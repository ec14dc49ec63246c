import { createHash } from 'node:crypto';
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from './env.js';
import { ApiError } from './problem.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a write once per `Idempotency-Key` (per credential). The write and the stored answer commit in
 * the same transaction, so a retry after a lost response gets the same answer and never a second
 * record. The same key with a different method, path or body is refused with 422. Refusals (4xx
 * thrown as ApiError) roll back and are not stored: a retry is judged afresh.
 */
export async function idempotent<B extends object, S extends ContentfulStatusCode>(
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  c: Context<AppEnv, any, any>,
  /** What identifies the request's body; a function is called only when an Idempotency-Key is sent. */
  bodyFingerprint: string | Uint8Array | (() => string | Uint8Array),
  write: () => { status: S; body: B },
): Promise<Response & TypedResponse<JSONParsed<B>, S, 'json'>> {
  const { store } = c.get('deps');
  const key = c.req.header('idempotency-key');
  if (key === undefined) {
    const result = await store.write(write);
    return c.json(result.body, result.status);
  }
  if (!KEY_PATTERN.test(key))
    throw new ApiError(422, 'Idempotency-Key must be 1–255 visible ASCII characters.', {
      errors: [{ path: 'header.idempotency-key', message: 'expected 1–255 visible ASCII characters' }],
    });
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(typeof bodyFingerprint === 'function' ? bodyFingerprint() : bodyFingerprint)
    .digest('hex');
  const keyId = c.get('principal').keyId;
  const outcome = await store.write(() => {
    const previous = store.idempotent(keyId, key);
    if (previous) {
      if (previous.requestHash !== requestHash)
        throw new ApiError(422, 'This Idempotency-Key was already used with a different request.', {
          type: '/problems/idempotency-key-reused',
        });
      return { replayed: true, status: previous.status as S, body: JSON.parse(previous.response) as B };
    }
    const result = write();
    store.saveIdempotent({
      keyId,
      key,
      requestHash,
      status: result.status,
      response: JSON.stringify(result.body),
      createdAt: c.get('deps').clock().toISOString(),
    });
    return { replayed: false, ...result };
  });
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(outcome.body, outcome.status);
}
