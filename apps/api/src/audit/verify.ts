import type { Store } from '../db/store.js';
import { linkHash } from './chain.js';

export interface ChainBreak {
  /** The seq the verifier expected at this point of the chain. */
  seq: number;
  /** The row found there, if any. */
  eventId: string | null;
  incidentId: string | null;
  reason: string;
}

export interface VerifyResult {
  intact: boolean;
  events: number;
  head: { seq: number; hash: string };
  brokenAt: ChainBreak | null;
}

/**
 * Re-walks a practice's chain from the first event: seqs must run 1, 2, 3… with no gap, each
 * prev_hash must be the previous row's hash, each hash must match the row's content, and the last
 * row must be the head recorded on the practice (so deleting the newest rows is caught too).
 */
export function verifyChain(store: Store, ods: string): VerifyResult {
  const practice = store.practice(ods);
  if (!practice) throw new Error('verifyChain: unknown practice');
  let expected = 1;
  let prevHash = '';
  let count = 0;
  const broken = (
    seq: number,
    row: { id: string; incidentId: string } | null,
    reason: string,
  ): VerifyResult => ({
    intact: false,
    events: count,
    head: { seq: practice.chainSeq, hash: practice.chainHead },
    brokenAt: { seq, eventId: row?.id ?? null, incidentId: row?.incidentId ?? null, reason },
  });
  for (const row of store.chain(ods)) {
    count += 1;
    if (row.seq !== expected)
      return broken(
        expected,
        row,
        `expected event #${expected} but found #${row.seq}: a row is missing or out of order`,
      );
    if (row.prevHash !== prevHash)
      return broken(expected, row, 'its prev_hash does not match the hash of the event before it');
    if (linkHash(prevHash, row) !== row.hash)
      return broken(
        expected,
        row,
        'its content no longer matches its hash: the row was changed after it was written',
      );
    prevHash = row.hash;
    expected += 1;
  }
  if (practice.chainSeq !== expected - 1)
    return broken(
      expected,
      null,
      `the chain ends at #${expected - 1} but the practice recorded ${practice.chainSeq} events: rows were deleted`,
    );
  if (practice.chainHead !== prevHash)
    return broken(
      expected - 1,
      null,
      'the last event’s hash does not match the head recorded on the practice',
    );
  return {
    intact: true,
    events: count,
    head: { seq: practice.chainSeq, hash: practice.chainHead },
    brokenAt: null,
  };
}
