import { isIPv6 } from 'node:net';
import { LRUCache } from 'lru-cache';
import type { Principal } from './env.js';

// In-memory token buckets, kept in an LRU (lru-cache) with a bounded number of keys. A single process
// serves a node (docs/operations.md); a deployment with several nodes would move this to a shared
// store. Keyed per credential and client address (IPv6 by its /64, which one subscriber holds), and,
// for publishable report keys, per practice too — so rotating addresses cannot multiply a key's rate.

export interface RateLimit {
  /** Bucket size: how many requests may arrive at once. */
  burst: number;
  /** Tokens added per second: the sustained rate. */
  perSecond: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one token; when none is left, says how many seconds until one is. */
  take(key: string, now: number): TakeResult;
  /** Set on the limiter of a limit turned off: callers may skip working out the key. */
  readonly unlimited?: true;
}

const unlimited: RateLimiter = { take: () => ({ ok: true }), unlimited: true };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Buckets for up to `maxKeys` keys, least recently used forgotten first — but only once that bucket
 * has refilled (forgetting a full bucket loses nothing). While every kept bucket is still refilling
 * (a flood of new addresses), newcomers share one overflow bucket: a limited client is never reset
 * by others arriving, and memory stays bounded (~100 bytes a key).
 */
export function createRateLimiter(limit: RateLimit | false, options: { maxKeys?: number } = {}): RateLimiter {
  if (limit === false) return unlimited;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new LRUCache<string, Bucket>({ max: maxKeys });
  const overflow: Bucket = { tokens: limit.burst, at: 0 };
  const refill = (bucket: Bucket, now: number) => {
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
    bucket.at = Math.max(bucket.at, now);
  };
  const isFullAt = (bucket: Bucket, now: number) =>
    bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limit.perSecond >= limit.burst;

  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (!bucket) {
        const oldest = buckets.size >= maxKeys ? buckets.rkeys().next().value : undefined;
        const evictable = oldest === undefined || isFullAt(buckets.peek(oldest) as Bucket, now);
        if (evictable) {
          bucket = { tokens: limit.burst, at: now };
          buckets.set(key, bucket);
        } else bucket = overflow;
      }
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      return { ok: false, retryAfterSeconds };
    },
  };
}

/**
 * The key a client address is limited under: an IPv4 address as it is (IPv4-mapped IPv6 unwrapped),
 * an IPv6 address by its /64 — one home or phone gets a whole /64 and can pick any address in it.
 */
export function clientKey(address: string): string {
  const bare = address.split('%')[0] ?? address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(bare)) return bare;
  const [head = '', tail] = bare.split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - width(left) - width(right))).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export interface RequestLimiter {
  take(principal: Pick<Principal, 'keyId' | 'type' | 'practices'>, address: string, now: number): TakeResult;
  readonly unlimited?: true;
}

/** Per credential and client; for report keys (publishable), also per practice. */
export function createRequestLimiter(
  perClient: RateLimit | false,
  perPractice: RateLimit | false,
): RequestLimiter {
  const clients = createRateLimiter(perClient);
  const practices = createRateLimiter(perPractice);
  if (clients.unlimited && practices.unlimited) return { take: () => ({ ok: true }), unlimited: true };
  return {
    take(principal, address, now) {
      const own = clients.take(`${principal.keyId}|${clientKey(address)}`, now);
      if (!own.ok || principal.type !== 'report') return own;
      for (const ods of principal.practices) {
        const shared = practices.take(ods, now);
        if (!shared.ok) return shared;
      }
      return own;
    },
  };
}
