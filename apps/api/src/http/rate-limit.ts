// In-memory token buckets, one per key (credential + client address). A single process serves a
// node (docs/operations.md); a deployment with several nodes would move this to a shared store.

export interface RateLimit {
  /** Bucket size: how many requests may arrive at once. */
  burst: number;
  /** Tokens added per second: the sustained rate. */
  perSecond: number;
}

export interface RateLimiter {
  /** Takes one token; when none is left, says how many seconds until one is. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Set on the limiter of a limit turned off: callers may skip working out the key. */
  readonly unlimited?: true;
}

const unlimited: RateLimiter = { take: () => ({ ok: true }), unlimited: true };

export function createRateLimiter(limit: RateLimit | false): RateLimiter {
  if (limit === false) return unlimited;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxBuckets = 100_000;
  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (!bucket) {
        // Bound memory: forget every bucket when there are too many (they refill to full anyway).
        if (buckets.size >= maxBuckets) buckets.clear();
        bucket = { tokens: limit.burst, at: now };
        buckets.set(key, bucket);
      }
      const elapsed = Math.max(0, now - bucket.at) / 1000;
      bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      return { ok: false, retryAfterSeconds };
    },
  };
}
