import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, passwordProblems, SCRYPT, verifyPassword } from './passwords.js';

describe('password hashing', { timeout: 30_000 }, () => {
  it('stores scrypt with its parameters and a per-password salt; verifies only the same password', async () => {
    const stored = await hashPassword('a long enough passphrase');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(await hashPassword('a long enough passphrase')).not.toBe(stored);
    expect(await verifyPassword('a long enough passphrase', stored)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(
      await verifyPassword('a long enough passphrase', hashPasswordSync('a long enough passphrase')),
    ).toBe(true);
  });

  it('never matches a longer input that starts with the password', async () => {
    const longest = 'w'.repeat(120) + 'x'.repeat(136);
    const stored = await hashPassword(longest);
    expect(await verifyPassword(longest, stored)).toBe(true);
    expect(await verifyPassword(`${longest}extra`, stored)).toBe(false);
  });

  it('treats anything that is not one of its hashes as no match', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$1$1$$', 'bcrypt$x$y$z$a$b', 'scrypt$NaN$8$1$abc$def'])
      expect(await verifyPassword('whatever it is', stored)).toBe(false);
  });

  it('hashes the same text however its accents are encoded (NFC)', async () => {
    const stored = await hashPassword('Caf\u00e9 au lait chaque matin');
    expect(await verifyPassword('Cafe\u0301 au lait chaque matin', stored)).toBe(true);
  });
});

describe('password rules', () => {
  it('accept long unrelated words, and refuse the short, the common, the sequential and the personal', () => {
    expect(passwordProblems('correct mauve stapler orbit')).toEqual([]);
    expect(passwordProblems('Tr0ub4dor&3xx')).toEqual([]);
    for (const weak of [
      'short1!',
      'password1234',
      'Password2024!',
      'qwertyuiop12',
      'iloveyou1234',
      'welcome12345',
      'aaaaaaaaaaaaaa',
      'abababababab',
      '123456789012',
      'abcdefghijkl',
      'lkjhgfdsapoi',
      'Surgery12345',
    ])
      expect(passwordProblems(weak), weak).not.toEqual([]);
    const context = {
      email: 'helen.marsh@riverside.example',
      name: 'Helen Marsh',
      practiceName: 'Riverside Green Surgery',
    };
    for (const personal of ['helenmarsh2024', 'Marsh!Marsh!99', 'RiversideGreen1'])
      expect(passwordProblems(personal, context), personal).not.toEqual([]);
    expect(passwordProblems('x'.repeat(300)).join()).toContain('at most');
  });
});
