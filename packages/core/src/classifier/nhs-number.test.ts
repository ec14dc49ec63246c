import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTenDigitNumbers, isValidNhsNumber } from './nhs-number.js';

/** The check digit for nine digits, or null when none exists (remainder gives 10). */
function checkDigit(nine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

describe('NHS number check digit (modulus 11)', () => {
  it('accepts the published example and rejects a one-digit change', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659a9')).toBe(false);
  });

  it('accepts every number built with its check digit and rejects every single-digit error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, delta) => {
          const nine = digits.join('');
          const check = checkDigit(nine);
          fc.pre(check !== null);
          const valid = `${nine}${check}`;
          expect(isValidNhsNumber(valid)).toBe(true);
          const changed =
            valid.slice(0, position) + ((Number(valid[position]) + delta) % 10) + valid.slice(position + 1);
          expect(isValidNhsNumber(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('finding 10-digit numbers', () => {
  it('finds 3-3-4 groups and contiguous runs, with offsets into the text', () => {
    const text = 'NHS number 943 476 5919, ref 9434765919 and 943-476-5919.';
    const found = findTenDigitNumbers(text);
    expect(found.map((f) => f.digits)).toEqual(['9434765919', '9434765919', '9434765919']);
    for (const f of found) expect(text.slice(f.start, f.end).replace(/[ -]/g, '')).toBe(f.digits);
  });

  it('ignores phone numbers, longer runs and other groupings', () => {
    expect(findTenDigitNumbers('call 01632 960418 or 07700 900123')).toEqual([]);
    expect(findTenDigitNumbers('card 94347659191234')).toEqual([]);
    expect(findTenDigitNumbers('9434 765 919')).toEqual([]);
  });
});
