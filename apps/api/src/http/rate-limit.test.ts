import { describe, expect, it } from 'vitest';
import { clientKey, createRateLimiter, createRequestLimiter } from './rate-limit.js';

const LIMIT = { burst: 2, perSecond: 0.5 };

describe('rate limiter buckets', () => {
  it('gives a burst, then one token per 1/perSecond seconds, with Retry-After', () => {
    const limiter = createRateLimiter(LIMIT);
    expect(limiter.take('a', 0)).toEqual({ ok: true });
    expect(limiter.take('a', 0)).toEqual({ ok: true });
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take('a', 1000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 2000)).toEqual({ ok: true });
  });

  it('rotating through more addresses than it keeps does not reset a limited client', () => {
    const limiter = createRateLimiter(LIMIT);
    const now = 10_000;
    limiter.take('limited', now);
    limiter.take('limited', now);
    expect(limiter.take('limited', now).ok).toBe(false);
    // An attacker rotating addresses within the limited client's refill time.
    for (let i = 0; i < 250_000; i++) limiter.take(`rotating-${i}`, now + 1);
    expect(limiter.take('limited', now + 2).ok).toBe(false);
  });

  it('keeps a bounded number of buckets: newcomers share one overflow bucket while every kept one is still refilling', () => {
    const limiter = createRateLimiter(LIMIT, { maxKeys: 100 });
    for (let i = 0; i < 100; i++) limiter.take(`known-${i}`, 0);
    // The table is full of buckets that are not yet full again: newcomers are limited together.
    const newcomers = Array.from({ length: 10 }, (_, i) => limiter.take(`new-${i}`, 1).ok);
    expect(newcomers.filter(Boolean)).toHaveLength(2);
    // Once the oldest bucket has refilled (burst / perSecond = 4 s), forgetting it loses nothing.
    expect(limiter.take('later', 5000).ok).toBe(true);
    expect(limiter.take('later', 5000).ok).toBe(true);
    expect(limiter.take('later', 5000).ok).toBe(false);
  });
});

describe('client keys', () => {
  it('keys IPv6 clients by their /64, IPv4 (and IPv4-mapped IPv6) by address', () => {
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:0db8:0001:0002:0:0:0:9'));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('fe80::1%eth0')).toBe(clientKey('fe80::2'));
    expect(clientKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(clientKey('10.0.0.1')).not.toBe(clientKey('10.0.0.2'));
    expect(clientKey('::1')).toBe(clientKey('::2'));
  });
});

describe('request limiter: per client address and, for report keys, per practice', () => {
  const reportKey = { keyId: 'key_r', type: 'report' as const, practices: ['Y90001'] };
  const apiKey = { keyId: 'key_a', type: 'api' as const, practices: ['Y90001'] };

  it('limits a report key per practice whatever address it comes from', () => {
    const limiter = createRequestLimiter({ burst: 2, perSecond: 0.1 }, { burst: 5, perSecond: 0.1 });
    const results = Array.from({ length: 20 }, (_, i) => limiter.take(reportKey, `203.0.113.${i}`, 0).ok);
    expect(results.filter(Boolean)).toHaveLength(5);
    // Another practice's key is not held back by it.
    expect(limiter.take({ ...reportKey, keyId: 'key_r2', practices: ['Y90002'] }, '203.0.113.1', 0).ok).toBe(
      true,
    );
  });

  it('limits each address (IPv6 by /64) and does not hold API keys to the practice limit', () => {
    const limiter = createRequestLimiter({ burst: 2, perSecond: 0.1 }, { burst: 5, perSecond: 0.1 });
    expect(limiter.take(reportKey, '2001:db8::1', 0).ok).toBe(true);
    expect(limiter.take(reportKey, '2001:db8::2', 0).ok).toBe(true);
    expect(limiter.take(reportKey, '2001:db8::3', 0)).toMatchObject({ ok: false });
    const api = Array.from({ length: 10 }, (_, i) => limiter.take(apiKey, `198.51.100.${i}`, 0).ok);
    expect(api.every(Boolean)).toBe(true);
  });
});
