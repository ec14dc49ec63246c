import type { Store } from '../db/store.js';
import { announceCheckpoint } from '../services/outbox.js';
import type { AuditSigner } from './signing.js';

/** A signed statement that a practice's chain had `seq` events ending in `head` at `at`. */
export interface Checkpoint {
  ods: string;
  seq: number;
  head: string;
  at: string;
  keyId: string;
  /** Ed25519 over checkpointStatement(…), base64url. */
  signature: string;
}

/** The exact bytes signed: a fixed label, then each field on its own line. */
export const checkpointStatement = (c: Pick<Checkpoint, 'ods' | 'seq' | 'head' | 'at'>): string =>
  `policy-audit-checkpoint/v1\n${c.ods}\n${c.seq}\n${c.head}\n${c.at}`;

export function signCheckpoint(
  signer: AuditSigner,
  fields: Pick<Checkpoint, 'ods' | 'seq' | 'head' | 'at'>,
): Checkpoint {
  return { ...fields, keyId: signer.keyId, signature: signer.sign(checkpointStatement(fields)) };
}

export type CheckpointProblem = 'other_key' | 'bad_signature';

/** Whether this server signed it (null) or why not. */
export function checkpointProblem(signer: AuditSigner, checkpoint: Checkpoint): CheckpointProblem | null {
  if (checkpoint.keyId !== signer.keyId) return 'other_key';
  return signer.verify(checkpointStatement(checkpoint), checkpoint.signature) ? null : 'bad_signature';
}

/** The compact form for `?since=`: base64url of the checkpoint's JSON. */
export const encodeCheckpoint = (checkpoint: Checkpoint): string =>
  Buffer.from(JSON.stringify(checkpoint), 'utf8').toString('base64url');

/** Reads `?since=`: the compact form, or the checkpoint JSON itself; null when it is neither. */
export function decodeCheckpoint(text: string): Checkpoint | null {
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed.startsWith('{') ? trimmed : Buffer.from(trimmed, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const c = json as Record<string, unknown>;
  const ok =
    typeof c.ods === 'string' &&
    typeof c.seq === 'number' &&
    Number.isSafeInteger(c.seq) &&
    c.seq >= 0 &&
    typeof c.head === 'string' &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string';
  if (!ok) return null;
  return {
    ods: c.ods as string,
    seq: c.seq as number,
    head: c.head as string,
    at: c.at as string,
    keyId: c.keyId as string,
    signature: c.signature as string,
  };
}

/** The practice's current head, signed now. */
export function currentCheckpoint(store: Store, signer: AuditSigner, ods: string, now: Date): Checkpoint {
  const practice = store.practice(ods);
  if (!practice) throw new Error('currentCheckpoint: unknown practice');
  return signCheckpoint(signer, {
    ods,
    seq: practice.chainSeq,
    head: practice.chainHead,
    at: now.toISOString(),
  });
}

/**
 * The scheduled checkpoint: for each practice whose chain grew since its last stored checkpoint, signs
 * the head, stores it and announces it. Call inside a write (Store.write), so the checkpoint and its
 * announcement commit together.
 */
export function recordCheckpoints(store: Store, signer: AuditSigner, now: Date): Checkpoint[] {
  const made: Checkpoint[] = [];
  for (const practice of store.allPractices()) {
    if (practice.chainSeq === 0) continue;
    const last = store.latestCheckpoint(practice.ods);
    if (
      last &&
      last.seq === practice.chainSeq &&
      last.head === practice.chainHead &&
      last.keyId === signer.keyId
    )
      continue;
    const checkpoint = currentCheckpoint(store, signer, practice.ods, now);
    const { ods, ...signed } = checkpoint;
    store.insertCheckpoint({ practiceOds: ods, ...signed });
    announce(store, checkpoint);
    made.push(checkpoint);
  }
  return made;
}

/**
 * Where a stored checkpoint leaves the server: an `audit.checkpoint` webhook through the outbox, so a
 * copy is kept outside this database and a truncated chain fails against it. Runs in the
 * checkpoint's transaction, so the two commit together.
 */
function announce(store: Store, checkpoint: Checkpoint): void {
  const { ods, ...signed } = checkpoint;
  announceCheckpoint(store, { practiceOds: ods, ...signed });
}
