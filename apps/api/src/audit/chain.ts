import { createHmac, hash, randomFillSync } from 'node:crypto';

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

/** How an event row is held (incident_events.format; see db/schema.ts). */
export const EVENT_FORMAT = { legacy: 1, committed: 2, legacyRemoved: 3 } as const;

// Each stored column, in a fixed order, as `<UTF-8 byte length>:<value>`: length-prefixing makes the
// encoding injective, so any change to any byte of any covered column (or to the row's position, via
// seq, or to its predecessor, via prev_hash) changes the hash — without re-escaping the JSON payload.
const field = (value: string) => `${Buffer.byteLength(value)}:${value}`;
const contentFields = (row: ChainContent) =>
  field(String(row.seq)) +
  field(row.id) +
  field(row.practiceOds) +
  field(row.incidentId) +
  field(row.type) +
  field(row.actorId) +
  field(row.actorRole) +
  field(row.keyId) +
  field(row.at) +
  field(row.payload);

/** Format 1 (rows written before personal data could be removed): SHA-256(prev_hash ‖ content). */
export function linkHash(prevHash: string, row: ChainContent): string {
  return hash('sha256', field(prevHash) + contentFields(row), 'hex');
}

/**
 * Format 2: SHA-256('v2' ‖ prev_hash ‖ content ‖ commitment), where the payload is the event without
 * its personal data and the commitment binds the personal data held beside it. The leading field
 * keeps a format-2 row from ever hashing like a format-1 one.
 */
export function linkHashV2(prevHash: string, row: ChainContent & { commitment: string }): string {
  return hash('sha256', field('v2') + field(prevHash) + contentFields(row) + field(row.commitment), 'hex');
}

/** The commitment to an event's personal content: HMAC-SHA256 keyed by a fresh 32-byte salt. */
export function commit(content: string, saltHex: string): string {
  return createHmac('sha256', Buffer.from(saltHex, 'hex')).update(content, 'utf8').digest('hex');
}

/**
 * Whether a stored salt is exactly as newSalt writes it (64 lowercase hex digits). Hex decoding ignores
 * case and stops at the first non-hex digit, so without this a salt rewritten in capitals (or with junk
 * after it) would give the same key, and the change would pass the commitment check unseen.
 */
export const saltIsCanonical = (salt: string): boolean => /^[0-9a-f]{64}$/.test(salt);

// Salts are drawn from a pool refilled 4 KiB at a time: one call into the CSPRNG per 128 events.
const saltPool = Buffer.alloc(4096);
let saltOffset = saltPool.length;

/** 32 fresh random bytes, hex. */
export function newSalt(): string {
  if (saltOffset + 32 > saltPool.length) {
    randomFillSync(saltPool);
    saltOffset = 0;
  }
  const salt = saltPool.toString('hex', saltOffset, saltOffset + 32);
  saltPool.fill(0, saltOffset, saltOffset + 32); // a drawn salt is not left in the pool
  saltOffset += 32;
  return salt;
}

/**
 * What a removal event attests of a format-1 row it rewrote to format 3: the row's (unchanged) hash
 * and a digest of everything the row now holds, so any later change to the row is caught.
 */
export function residueDigest(row: ChainContent): string {
  return hash('sha256', field('residue') + contentFields(row), 'hex');
}
