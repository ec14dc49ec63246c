import { randomFillSync } from 'node:crypto';

// Ids of rows written on every report (incidents, their events): UUID version 7 (RFC 9562) — 48 bits
// of Unix milliseconds, then 74 random bits. Still an opaque UUID to clients, but time-ordered, so
// each new row's primary-key entry (and the events' (incident_id, seq) entry) lands at the end of its
// index instead of on a random page: a commit writes a few pages per report instead of a dozen.
// Ids are not secrets (every read is scoped to the key's practice); 74 random bits keep them unguessable.

const pool = Buffer.alloc(16 * 256);
let offset = pool.length;
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(now = Date.now()): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  // 48-bit big-endian timestamp (ms).
  const high = Math.floor(now / 2 ** 16);
  b[0] = (high >>> 24) & 0xff;
  b[1] = (high >>> 16) & 0xff;
  b[2] = (high >>> 8) & 0xff;
  b[3] = high & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = 0x70 | ((b[6] as number) & 0x0f); // version 7
  b[8] = 0x80 | ((b[8] as number) & 0x3f); // variant 10
  const h = (i: number) => hex[b[i] as number] as string;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
