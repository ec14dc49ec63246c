import { createHash } from 'node:crypto';
import type { EvidenceRow } from '../db/schema.js';
import type { Store } from '../db/store.js';

// An evidence file's bytes are stored in chunks (db/schema.ts `evidence_chunks`). Whoever reads them
// whole — the download's integrity check, the audit — hashes them here a chunk at a time, and judges
// them the same way: a chunk missing, added or out of order, or one byte changed, is a damaged file.

/** What an evidence file's stored chunks add up to. */
export interface EvidenceDigest {
  /** SHA-256 (hex) of the chunks' bytes in index order. */
  sha256: string;
  size: number;
  /** The chunks' indexes, in order: 0, 1, 2… when none is missing. */
  indexes: number[];
}

/** Hashes an evidence file's chunks one at a time, read in one statement; never holds the whole file. */
export function digestEvidence(store: Store, ods: string, evidenceId: string): EvidenceDigest {
  const hash = createHash('sha256');
  const indexes: number[] = [];
  let size = 0;
  for (const chunk of store.evidenceChunks(ods, evidenceId)) {
    hash.update(chunk.bytes);
    size += chunk.bytes.length;
    indexes.push(chunk.idx);
  }
  return { sha256: hash.digest('hex'), size, indexes };
}

/**
 * Why the stored chunks are not the file the row describes with the SHA-256 `expected` (the one the
 * incident's record_evidence event recorded), or null when they are.
 */
export function evidenceFault(
  row: Pick<EvidenceRow, 'size'>,
  digest: EvidenceDigest,
  expected: string,
): string | null {
  const gap = digest.indexes.findIndex((idx, i) => idx !== i);
  if (gap !== -1) return `chunk ${gap} of its bytes is missing`;
  if (digest.size !== row.size) return `its chunks hold ${digest.size} bytes, not the ${row.size} recorded`;
  if (digest.sha256 !== expected) return 'its bytes no longer hash to the SHA-256 its event recorded';
  return null;
}
