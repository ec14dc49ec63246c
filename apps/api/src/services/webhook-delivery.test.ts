import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signMessage } from './webhook-delivery.js';
import { blockedReason } from './webhook-guard.js';

/** The plain-HMAC verification docs/notifications.md gives vendors, as written there. */
function verify(secret: string, headers: Record<string, string>, rawBody: string, now = Date.now()) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${rawBody}`;
  const expected = createHmac('sha256', key).update(signed).digest();
  const fresh = Math.abs(now / 1000 - Number(headers['webhook-timestamp'])) <= 300;
  return (
    fresh &&
    (headers['webhook-signature'] ?? '').split(' ').some((candidate) => {
      const [version, signature] = candidate.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    })
  );
}

describe('signing', () => {
  const message = {
    id: 'msg_0193a0c8f1a27c4e9d0b3f5e6a7b8c9d',
    type: 'incident.created',
    timestamp: '2026-03-10T09:30:00.000Z',
    data: { incidentId: 'i-1', reference: 'Y90001-2026-0001' },
  };

  it('the documented plain-HMAC recipe and standardwebhooks agree on what we sign', () => {
    const secret = newWebhookSecret();
    const signed = signMessage(secret, message, new Date());
    expect(signed.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verify(secret, signed.headers, signed.body)).toBe(true);
    expect(new Webhook(secret).verify(signed.body, signed.headers)).toEqual(JSON.parse(signed.body));
    expect(JSON.parse(signed.body)).toEqual({
      type: message.type,
      timestamp: message.timestamp,
      data: message.data,
    });
  });

  it('refuses a changed body, another secret, and a stale timestamp', () => {
    const secret = newWebhookSecret();
    const signed = signMessage(secret, message, new Date());
    expect(verify(secret, signed.headers, signed.body.replace('0001', '0002'))).toBe(false);
    expect(verify(newWebhookSecret(), signed.headers, signed.body)).toBe(false);
    const old = signMessage(secret, message, new Date(Date.now() - 10 * 60_000));
    expect(verify(secret, old.headers, old.body)).toBe(false);
  });
});

describe('blockedReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
  ])('%s is %s', (address, reason) => {
    expect(blockedReason(address)).toContain(reason);
  });

  it.each(['203.0.113.10', '8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(blockedReason(address)).toBeNull();
    },
  );
});
