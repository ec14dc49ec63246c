import { describe, expect, it } from 'vitest';
import { addressKey } from './throttle.js';

describe('sign-in throttling keys', () => {
  it('count a client address, but not a loopback one (a proxy on the same host would lock everyone)', () => {
    expect(addressKey('203.0.113.7')).toBe('address:203.0.113.7');
    expect(addressKey('2001:db8::1')).toBe('address:2001:db8::1');
    for (const loopback of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(addressKey(loopback)).toBeUndefined();
  });
});
