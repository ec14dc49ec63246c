import { randomBytes, type ScryptOptions, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords.js';

// Passwords are hashed with scrypt (node:crypto; RFC 7914), a memory-hard KDF: N = 2^15, r = 8, p = 1
// needs 32 MiB and ~50–100 ms per guess, so a stolen database is slow to attack on GPUs and ASICs.
// The parameters travel with each hash (`scrypt$N$r$p$salt$hash`), so they can be raised later and
// old hashes still verify. scrypt runs on libuv's thread pool: a sign-in never blocks the event loop.

export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
export const MIN_PASSWORD_LENGTH = 12;
/** scrypt reads the whole password; a bound keeps a sign-in attempt's cost fixed. */
export const MAX_PASSWORD_LENGTH = 256;

const derive = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** 128 · N · r bytes, plus headroom (node's default maxmem is exactly 32 MiB). */
const maxmem = (N: number, r: number) => 128 * N * r * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await derive(password, salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** The same hash, computed on the calling thread: for start-up seeding only, never in a request. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(SCRYPT.saltLength);
  const { N, r, p, keyLength } = SCRYPT;
  const key = scryptSync(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash for no one: verifying against it costs what a real check costs (unknown emails). */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
};

/** Constant-time comparison of the derived key; false for anything that is not one of our hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (![N, r, p].every(Number.isSafeInteger) || expected.length < 16) return false;
  // Over-long input costs the same as any other (hashed cut short), and never matches: no stored
  // password is longer.
  const tooLong = [...password].length > MAX_PASSWORD_LENGTH;
  const key = await derive(
    tooLong ? password.slice(0, MAX_PASSWORD_LENGTH) : password,
    salt,
    expected.length,
    {
      N,
      r,
      p,
      maxmem: maxmem(N, r),
    },
  );
  return timingSafeEqual(key, expected) && !tooLong;
}

export interface PasswordContext {
  email?: string;
  name?: string;
  practiceName?: string;
}

const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Why a new password is refused (NCSC/NIST guidance: length and a list of known-bad passwords, no
 * composition rules): too short or long, a common password (also with a year or digits stuck on),
 * one repeated or sequential run, or built from the person's own email, name or practice name.
 * Empty when it is acceptable.
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well)`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  if (problems.length > 0) return problems;

  const plain = squash(password);
  const stem = plain.replace(/[0-9]+$/, '').replace(/^[0-9]+/, '');
  if (COMMON_PASSWORDS.has(plain) || (stem.length >= 4 && COMMON_PASSWORDS.has(stem)))
    problems.push('is one of the most commonly used passwords; choose something less guessable');
  else if (new Set(plain).size <= 3) problems.push('repeats too few different characters');
  else if (isSequence(plain)) problems.push('is a keyboard or number sequence');

  const own = [
    context.email?.split('@')[0],
    ...(context.name ?? '').split(/\s+/),
    context.practiceName?.replace(/\b(surgery|practice|medical|centre|center|health)\b/gi, ''),
  ]
    .map((part) => squash(part ?? ''))
    .filter((part) => part.length >= 4);
  if (own.some((part) => plain.includes(part) && plain.length - part.length < 8))
    problems.push('is built from your own name, email or the practice’s name');
  return problems;
}

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '01234567890123456789'];

function isSequence(value: string): boolean {
  return SEQUENCES.some((run) => {
    const doubled = run + run;
    const reversed = [...doubled].reverse().join('');
    return doubled.includes(value) || reversed.includes(value);
  });
}
