import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import type { checkpointRoute, publicKeyRoute, verifyRoute } from './audit.routes.js';
import {
  type Checkpoint,
  checkpointProblem,
  currentCheckpoint,
  decodeCheckpoint,
  encodeCheckpoint,
} from './checkpoints.js';
import { verifyChain } from './verify.js';

const badCheckpoint = (detail: string) =>
  new ApiError(422, detail, { errors: [{ path: 'query.since', message: detail }] });

export const verify: RouteHandler<typeof verifyRoute, AppEnv> = (c) => {
  const { store, clock, auditSigner } = c.get('deps');
  const ods = c.get('practice').ods;
  const { since } = c.req.valid('query');
  let checkpoint: Checkpoint | undefined;
  if (since !== undefined) {
    const decoded = decodeCheckpoint(since);
    if (!decoded)
      throw badCheckpoint('`since` must be a checkpoint from GET …/audit/checkpoint (its token or JSON).');
    if (decoded.ods !== ods) throw badCheckpoint('The checkpoint is of another practice.');
    const problem = checkpointProblem(auditSigner, decoded);
    if (problem === 'other_key')
      throw badCheckpoint(
        `The checkpoint was signed by key ${decoded.keyId}, not this server’s (${auditSigner.keyId}).`,
      );
    if (problem === 'bad_signature')
      throw badCheckpoint('The checkpoint’s signature does not verify: it was altered after it was signed.');
    checkpoint = decoded;
  }
  const result = verifyChain(store, ods, {
    signer: auditSigner,
    ...(checkpoint ? { since: checkpoint } : {}),
  });
  return c.json({ ...result, checkedAt: clock().toISOString() }, 200);
};

export const checkpoint: RouteHandler<typeof checkpointRoute, AppEnv> = (c) => {
  const { store, clock, auditSigner } = c.get('deps');
  const signed = currentCheckpoint(store, auditSigner, c.get('practice').ods, clock());
  c.header('Cache-Control', 'no-store');
  return c.json({ ...signed, token: encodeCheckpoint(signed) }, 200);
};

export const publicKey: RouteHandler<typeof publicKeyRoute, AppEnv> = (c) => {
  const { auditSigner } = c.get('deps');
  return c.json(
    {
      keyId: auditSigner.keyId,
      algorithm: 'Ed25519' as const,
      publicKey: auditSigner.publicKeyPem,
      statement: 'policy-audit-checkpoint/v1\\n{ods}\\n{seq}\\n{head}\\n{at}',
    },
    200,
  );
};
