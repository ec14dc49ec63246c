import { hash } from 'node:crypto';
import type { PeopleStore } from './people-store.js';

// Failed sign-ins are counted per account (keyed by the SHA-256 of the email as typed, so an email
// no one has is counted and locked exactly like a real one: the answers cannot tell them apart) and
// per client address (a practice's staff often share one address, so its limit is higher). Counts
// live in the database, so a restart does not reset them. A lock refuses even the right password.

export const SIGN_IN_LIMITS = {
  /** Failures within the window that lock an account. */
  accountFailures: 5,
  /** Failures within the window that lock a client address (a whole practice may share one). */
  addressFailures: 20,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
} as const;

export const accountKey = (email: string) => `account:${hash('sha256', email, 'hex')}`;

/**
 * The address's key, or undefined for a loopback address: that is a reverse proxy on the same host
 * (or a developer's machine), where every client would share one count and 20 failures by anyone
 * would lock everyone out. Behind such a proxy, limit sign-in attempts per client at the proxy.
 */
export const addressKey = (address: string): string | undefined =>
  /^(127\.|::1$|::ffff:127\.)/.test(address) ? undefined : `address:${address}`;

/** Seconds until every given key is unlocked; 0 when none is locked. */
export function lockedFor(people: PeopleStore, keys: string[], now: Date): number {
  let until = 0;
  for (const key of keys) {
    const locked = people.throttle(key)?.lockedUntil;
    if (locked) until = Math.max(until, Date.parse(locked));
  }
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure against the key (call inside a write). */
export function recordFailure(people: PeopleStore, key: string, limit: number, now: Date): void {
  const row = people.throttle(key);
  const windowOpen = row && now.getTime() - Date.parse(row.windowStartedAt) < SIGN_IN_LIMITS.windowMs;
  const failures = windowOpen ? row.failures + 1 : 1;
  const windowStartedAt = windowOpen ? row.windowStartedAt : now.toISOString();
  if (failures >= limit)
    people.saveThrottle({
      key,
      failures: 0,
      windowStartedAt: now.toISOString(),
      lockedUntil: new Date(now.getTime() + SIGN_IN_LIMITS.lockMs).toISOString(),
    });
  else people.saveThrottle({ key, failures, windowStartedAt, lockedUntil: row?.lockedUntil ?? null });
}
