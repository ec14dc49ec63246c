import { describe, expect, it } from 'vitest';
import {
  bankHolidaysFor,
  ENGLAND_WALES_BANK_HOLIDAYS,
  easterSunday,
  isBankHoliday,
  ukBankHolidaysByRule,
} from './uk-bank-holidays.js';

/** One-off holidays in the table that the standing pattern cannot know (none in 2024–2028 yet). */
const KNOWN_ONE_OFFS: Record<number, { added: string[]; removed: string[] }> = {};

describe('England and Wales bank holidays', () => {
  it('computes Easter Sunday for known years', () => {
    const known: Record<number, [number, number]> = {
      2019: [4, 21],
      2024: [3, 31],
      2025: [4, 20],
      2026: [4, 5],
      2027: [3, 28],
      2028: [4, 16],
      2038: [4, 25],
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toEqual(date);
  });

  it('table matches the standing pattern year by year, except reviewed one-offs', () => {
    for (const [year, listed] of Object.entries(ENGLAND_WALES_BANK_HOLIDAYS)) {
      const rule = ukBankHolidaysByRule(Number(year));
      const oneOffs = KNOWN_ONE_OFFS[Number(year)] ?? { added: [], removed: [] };
      expect({
        year,
        added: listed.filter((d) => !rule.includes(d)),
        removed: rule.filter((d) => !listed.includes(d)),
      }).toEqual({ year, ...oneOffs });
      expect(listed).toHaveLength(8 + oneOffs.added.length - oneOffs.removed.length);
    }
  });

  it('applies substitute days when a holiday falls at the weekend', () => {
    expect(isBankHoliday('2026-12-28')).toBe(true);
    expect(isBankHoliday('2026-12-26')).toBe(false);
    expect(isBankHoliday('2027-12-27')).toBe(true);
    expect(isBankHoliday('2028-01-03')).toBe(true);
    expect(isBankHoliday('2028-01-01')).toBe(false);
  });

  it('covers years beyond the table from the standing pattern', () => {
    const y2030 = bankHolidaysFor(2030);
    expect(y2030.has('2030-04-19')).toBe(true); // Good Friday (Easter 21 April 2030)
    expect(y2030.has('2030-08-26')).toBe(true); // last Monday of August
    expect(y2030.size).toBe(8);
  });

  it('uses the 2022 one-offs as a reminder of what the rule cannot know', () => {
    // 2022 had the Platinum Jubilee (3 June, spring holiday moved to 2 June) and the Queen's
    // funeral (19 September): outside the table, the rule gives the ordinary pattern instead.
    expect(ukBankHolidaysByRule(2022)).toContain('2022-05-30');
    expect(ukBankHolidaysByRule(2022)).not.toContain('2022-09-19');
  });
});
