// "The same author", one definition for the whole product: the repeat-poster rule behind
// `block_author` (the API counts an author's incidents by it) and the monitoring summary's repeat
// authors both use it, so the partners' report and the blocking guard can never disagree.
//
// The definition: two reports share an author when they share a handle on the same platform, or,
// when a report has no handle, the same name on the same platform. A handle is unique only within
// its platform ("@jsmith" on X and on Instagram may be two people), and a display name is not
// unique anywhere, so neither is matched across platforms: counting two strangers as one "repeat
// poster" would let the practice block, or report to the partners, someone who posted once.

import type { Platform } from '../model/constants.js';

export interface AuthorIdentityInput {
  platform: Platform;
  author?: { handle?: string; name?: string } | undefined;
}

/** Handles compare without case, surrounding space or leading "@". */
export const normaliseHandle = (handle: string | undefined): string =>
  (handle ?? '').trim().replace(/^@+/, '').toLocaleLowerCase('en-GB');

/** Names compare without case, and with runs of spaces as one. */
export const normaliseName = (name: string | undefined): string =>
  (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/**
 * The key that identifies a report's author, or null when the report names no author. Stored by
 * the API (never logged, never public): `platform:handle` or `platform:name:…`.
 */
export function authorKey(report: AuthorIdentityInput): string | null {
  const handle = normaliseHandle(report.author?.handle);
  if (handle) return `${report.platform}:${handle}`;
  const name = normaliseName(report.author?.name);
  return name ? `${report.platform}:name:${name}` : null;
}

/** Whether two reports come from the same author (both must name one). */
export function sameAuthor(a: AuthorIdentityInput, b: AuthorIdentityInput): boolean {
  const key = authorKey(a);
  return key !== null && key === authorKey(b);
}
