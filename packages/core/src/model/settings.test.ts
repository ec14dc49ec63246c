import { describe, expect, it } from 'vitest';
import { twoFactorRequired, withDefaults } from './settings.js';

describe('security settings', () => {
  it('require two-factor sign-in by default', () => {
    expect(withDefaults({ name: 'A practice', ods: 'A81001' }).security).toEqual({ requireTwoFactor: true });
  });

  it('ask managers and partners for a second factor, never staff', () => {
    const required = withDefaults({ name: 'A practice', ods: 'A81001' });
    expect(twoFactorRequired(required, 'manager')).toBe(true);
    expect(twoFactorRequired(required, 'partner')).toBe(true);
    expect(twoFactorRequired(required, 'staff')).toBe(false);
  });

  it('ask no one when the practice turns it off', () => {
    const off = withDefaults({ name: 'A practice', ods: 'A81001', security: { requireTwoFactor: false } });
    for (const role of ['staff', 'manager', 'partner'] as const)
      expect(twoFactorRequired(off, role)).toBe(false);
  });

  it('read settings stored before the setting existed as requiring it', () => {
    const stored = { ...withDefaults({ name: 'A practice', ods: 'A81001' }) } as Partial<
      ReturnType<typeof withDefaults>
    >;
    delete stored.security;
    expect(twoFactorRequired(stored as ReturnType<typeof withDefaults>, 'manager')).toBe(true);
  });
});
