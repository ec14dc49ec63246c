import { Secret, TOTP } from 'otpauth';

// TOTP (RFC 6238) as every authenticator app expects it: SHA-1, 6 digits, 30-second steps. A code is
// accepted one step either side of now (clock drift between phone and server), and only if its step
// is later than the last accepted one, so a code seen over someone's shoulder cannot be used again.

export const TOTP_PERIOD_SECONDS = 30;
const totpOf = (secret: string, label = 'desk', issuer = 'Practice desk') =>
  new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from a QR code (issuer: the practice; label: the email). */
export function otpauthUri(secret: string, issuer: string, label: string): string {
  return totpOf(secret, label, issuer).toString();
}

/**
 * The step the code belongs to, if it is valid now (±1 step) and later than `lastStep`; null
 * otherwise. Only six digits are ever compared (otpauth compares in constant time).
 */
export function acceptCode(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null | undefined,
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
  if (lastStep !== null && lastStep !== undefined && step <= lastStep) return null;
  return step;
}
