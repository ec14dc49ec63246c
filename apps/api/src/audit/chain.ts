import { createHash } from 'node:crypto';

/** The columns of an incident_events row that its link hash covers, exactly as stored. */
export interface ChainContent {
  seq: number;
  id: string;
  practiceOds: string;
  incidentId: string;
  type: string;
  actorId: string;
  actorRole: string;
  keyId: string;
  at: string;
  payload: string;
}

/**
 * hash = SHA-256(prev_hash ‖ canonical content). The content is a JSON array of the stored strings in a
 * fixed order: JSON string encoding is injective, so any change to any byte of any covered column
 * (or to the row's position, via seq, or to its predecessor, via prev_hash) changes the hash.
 */
export function linkHash(prevHash: string, row: ChainContent): string {
  const content = JSON.stringify([
    row.seq,
    row.id,
    row.practiceOds,
    row.incidentId,
    row.type,
    row.actorId,
    row.actorRole,
    row.keyId,
    row.at,
    row.payload,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
