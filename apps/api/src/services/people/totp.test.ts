import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { acceptCode, newTotpSecret, otpauthUri, TOTP_PERIOD_SECONDS } from './totp.js';

const codeAt = (secret: string, ms: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS }).generate({ timestamp: ms });

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-03-10T09:30:10.000Z');
  const step = Math.floor(now.getTime() / 30_000);

  it('makes 160-bit base32 secrets and an otpauth URI apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = otpauthUri(secret, 'Riverside Green Surgery desk', 'helen@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*helen%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
  });

  it('accepts the code of now and one step either side, nothing further', () => {
    expect(acceptCode(secret, codeAt(secret, now.getTime()), now, null)).toBe(step);
    expect(acceptCode(secret, codeAt(secret, now.getTime() - 30_000), now, null)).toBe(step - 1);
    expect(acceptCode(secret, codeAt(secret, now.getTime() + 30_000), now, null)).toBe(step + 1);
    expect(acceptCode(secret, codeAt(secret, now.getTime() - 60_000), now, null)).toBeNull();
    expect(acceptCode(secret, codeAt(secret, now.getTime() + 60_000), now, null)).toBeNull();
    expect(acceptCode(newTotpSecret(), codeAt(secret, now.getTime()), now, null)).toBeNull();
  });

  it('never accepts a code of a step already used, or of an earlier one', () => {
    const code = codeAt(secret, now.getTime());
    expect(acceptCode(secret, code, now, step)).toBeNull();
    expect(acceptCode(secret, codeAt(secret, now.getTime() - 30_000), now, step)).toBeNull();
    expect(acceptCode(secret, codeAt(secret, now.getTime() + 30_000), now, step)).toBe(step + 1);
  });

  it('reads only six digits (spaces allowed)', () => {
    const code = codeAt(secret, now.getTime());
    expect(acceptCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`])
      expect(acceptCode(secret, bad, now, null)).toBeNull();
  });
});
