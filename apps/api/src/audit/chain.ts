import { hash } from 'node:crypto';

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
 * hash = SHA-256(prev_hash ‖ canonical content). The content is each stored column, in a fixed order,
 * as `<UTF-8 byte length>:<value>`: length-prefixing makes the encoding injective, so any change to any
 * byte of any covered column (or to the row's position, via seq, or to its predecessor, via prev_hash)
 * changes the hash — without re-escaping the (large) JSON payload on every write.
 */
export function linkHash(prevHash: string, row: ChainContent): string {
  // The same bytes as feeding each `<length>:` and value to a Hash in turn, hashed in one call.
  const field = (value: string) => `${Buffer.byteLength(value)}:${value}`;
  return hash(
    'sha256',
    field(prevHash) +
      field(String(row.seq)) +
      field(row.id) +
      field(row.practiceOds) +
      field(row.incidentId) +
      field(row.type) +
      field(row.actorId) +
      field(row.actorRole) +
      field(row.keyId) +
      field(row.at) +
      field(row.payload),
    'hex',
  );
}
