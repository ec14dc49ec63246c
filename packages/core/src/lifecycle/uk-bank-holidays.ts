// Bank holidays in England and Wales (Welsh practices share the table; Scotland and Northern
// Ireland differ, but every practice this product serves is in England or Wales).
//
// Keeping it current: the official list is https://www.gov.uk/bank-holidays.json, division
// "england-and-wales". Once a year (and whenever a one-off holiday is announced, e.g. a
// coronation or jubilee), add the coming years' dates below from that file and run
// `npx vitest run src/lifecycle` — the table test checks every listed year against the
// standing pattern and prints any date that differs, so a one-off shows up as an expected,
// reviewed difference (add it to KNOWN_ONE_OFFS in the test).
//
// Years outside the table fall back to the standing pattern (ukBankHolidaysByRule below), which
// includes substitute days but cannot know one-off holidays.

/** England and Wales bank holidays, 2024–2028, as ISO dates. */
export const ENGLAND_WALES_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28', // Boxing Day falls on a Saturday: substitute Monday
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27', // Christmas Day falls on a Saturday: substitute Monday
    '2027-12-28', // and Boxing Day on a Sunday: substitute Tuesday
  ],
  2028: [
    '2028-01-03', // New Year's Day falls on a Saturday: substitute Monday
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
};

const iso = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

const weekday = (year: number, month: number, day: number): number =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** Easter Sunday (Gregorian), by the anonymous computus; returns [month, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const firstMonday = (year: number, month: number): number => 1 + ((8 - weekday(year, month, 1)) % 7);

const lastMonday = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return last - ((weekday(year, month, last) + 6) % 7);
};

/** The standing England and Wales pattern, substitute days included; no one-off holidays. */
export function ukBankHolidaysByRule(year: number): string[] {
  const days: string[] = [];
  const newYear = weekday(year, 1, 1);
  days.push(iso(year, 1, newYear === 6 ? 3 : newYear === 0 ? 2 : 1));
  const [easterMonth, easterDay] = easterSunday(year);
  days.push(iso(year, easterMonth, easterDay - 2), iso(year, easterMonth, easterDay + 1));
  days.push(iso(year, 5, firstMonday(year, 5)), iso(year, 5, lastMonday(year, 5)));
  days.push(iso(year, 8, lastMonday(year, 8)));
  const christmas = weekday(year, 12, 25);
  // Saturday: both move to Mon/Tue. Sunday: Boxing Day stays Monday, Christmas moves to Tuesday.
  // Friday: Boxing Day (Saturday) moves to Monday.
  const [first, second] =
    christmas === 6 ? [27, 28] : christmas === 0 ? [26, 27] : christmas === 5 ? [25, 28] : [25, 26];
  days.push(iso(year, 12, first), iso(year, 12, second));
  return days.sort();
}

const byYear = new Map<number, ReadonlySet<string>>();

/** Bank holidays for a year: the table where it has the year, the standing pattern otherwise. */
export function bankHolidaysFor(year: number): ReadonlySet<string> {
  let set = byYear.get(year);
  if (!set) {
    set = new Set(ENGLAND_WALES_BANK_HOLIDAYS[year] ?? ukBankHolidaysByRule(year));
    byYear.set(year, set);
  }
  return set;
}

export function isBankHoliday(isoDate: string): boolean {
  return bankHolidaysFor(Number(isoDate.slice(0, 4))).has(isoDate);
}
