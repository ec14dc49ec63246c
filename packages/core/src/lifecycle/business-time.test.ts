import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../model/settings.js';
import {
  addBusinessHours,
  businessMillisBetween,
  businessWindow,
  calendarFor,
  dayNumberOf,
  endOfBusinessDay,
  isBusinessDay,
  localToInstant,
  londonOffsetMinutes,
  nextBusinessMoment,
} from './business-time.js';

const HOUR = 3_600_000;
const calendar = calendarFor(withDefaults({ name: 'Riverside Surgery', ods: 'Y90001' }));
const ms = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

/** The offset as the platform's tz database sees it, to check the statutory rule against. */
const intlFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
function intlOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(
    intlFormat.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

describe('UK offset (British Summer Time by the statutory rule)', () => {
  it('changes at 01:00 UTC on the last Sundays of March and October', () => {
    expect(londonOffsetMinutes(ms('2026-03-29T00:59:59Z'))).toBe(0);
    expect(londonOffsetMinutes(ms('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(ms('2026-10-25T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(ms('2026-10-25T01:00:00Z'))).toBe(0);
  });

  it('agrees with Intl’s Europe/London for any instant 1997–2045', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms('1997-01-01T00:00:00Z'), max: ms('2045-12-31T23:59:59Z') }),
        (instant) => {
          expect(londonOffsetMinutes(instant)).toBe(intlOffsetMinutes(instant));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('agrees with Intl every 30 minutes through the last week of March and October, 1997–2045', () => {
    // Random instants rarely land near a change; this walks every change itself.
    for (let year = 1997; year <= 2045; year += 1)
      for (const month of [2, 9])
        for (
          let instant = Date.UTC(year, month, 24);
          instant < Date.UTC(year, month + 1, 1);
          instant += HOUR / 2
        )
          if (londonOffsetMinutes(instant) !== intlOffsetMinutes(instant))
            expect.fail(
              `${iso(instant)}: rule ${londonOffsetMinutes(instant)}, Intl ${intlOffsetMinutes(instant)}`,
            );
  });

  it('reads a wall-clock time in the spring gap as after the jump, and the autumn repeat as the first', () => {
    const day = (date: string) => dayNumberOf(ms(`${date}T12:00:00Z`));
    expect(iso(localToInstant(day('2026-03-29'), 90))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localToInstant(day('2026-10-25'), 90))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localToInstant(day('2026-07-01'), 8 * 60))).toBe('2026-07-01T07:00:00.000Z');
  });
});

describe('business days', () => {
  it('excludes weekends, bank holidays and the practice’s own closed dates', () => {
    const day = (date: string) => dayNumberOf(ms(`${date}T12:00:00Z`));
    expect(isBusinessDay(day('2026-03-02'), calendar)).toBe(true); // Monday
    expect(isBusinessDay(day('2026-03-07'), calendar)).toBe(false); // Saturday
    expect(isBusinessDay(day('2026-04-03'), calendar)).toBe(false); // Good Friday
    expect(isBusinessDay(day('2026-12-28'), calendar)).toBe(false); // Boxing Day substitute
    const closed = calendarFor(withDefaults({ name: 'R', ods: 'Y90001', closedDates: ['2026-03-04'] }));
    expect(isBusinessDay(day('2026-03-04'), closed)).toBe(false);
    expect(isBusinessDay(day('2026-03-04'), calendar)).toBe(true);
  });

  it('uses the practice’s hours and days, falling back to 08:00–19:00 Mon–Fri when they cannot work', () => {
    const saturdays = calendarFor(
      withDefaults({
        name: 'R',
        ods: 'Y90001',
        businessHours: { days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '12:30' },
      }),
    );
    const saturday = dayNumberOf(ms('2026-03-07T12:00:00Z'));
    expect(isBusinessDay(saturday, saturdays)).toBe(true);
    expect(businessWindow(saturday, saturdays)).toEqual({
      open: ms('2026-03-07T09:00:00Z'),
      close: ms('2026-03-07T12:30:00Z'),
    });
    for (const businessHours of [
      { days: [], open: '08:00', close: '19:00' },
      { days: [1], open: '19:00', close: '08:00' },
      { days: [1], open: '8am', close: '7pm' },
    ]) {
      const fallback = calendarFor(withDefaults({ name: 'R', ods: 'Y90001', businessHours }));
      expect(fallback).toMatchObject({ openMinute: 8 * 60, closeMinute: 19 * 60 });
      expect([...fallback.days]).toEqual([1, 2, 3, 4, 5]);
    }
  });
});

describe('end of the n-th business day (triage: n = 1; reply target: n = 3)', () => {
  const end = (at: string, n = 1, cal = calendar) => iso(endOfBusinessDay(ms(at), n, cal));

  it('is the close of the next working day', () => {
    expect(end('2026-03-02T10:00:00Z')).toBe('2026-03-03T19:00:00.000Z'); // Mon → Tue
    expect(end('2026-03-02T06:00:00Z')).toBe('2026-03-03T19:00:00.000Z'); // before opening still counts Mon as day 0
    expect(end('2026-03-02T10:00:00Z', 3)).toBe('2026-03-05T19:00:00.000Z'); // Mon → Thu
  });

  it('skips the weekend', () => {
    expect(end('2026-03-06T17:00:00Z')).toBe('2026-03-09T19:00:00.000Z'); // Fri → Mon
    expect(end('2026-03-07T11:00:00Z')).toBe('2026-03-09T19:00:00.000Z'); // Sat → Mon
    expect(end('2026-03-04T10:00:00Z', 3)).toBe('2026-03-09T19:00:00.000Z'); // Wed → Mon
  });

  it('skips bank holidays, and lands in summer time after Easter', () => {
    // Thursday before Good Friday 2026: Fri 3 (holiday), weekend, Mon 6 (holiday) → Tue 7, 19:00 BST.
    expect(end('2026-04-02T12:00:00Z')).toBe('2026-04-07T18:00:00.000Z');
    // Christmas Eve 2026: Fri 25, weekend, Mon 28 (Boxing Day substitute) → Tue 29.
    expect(end('2026-12-24T12:00:00Z')).toBe('2026-12-29T19:00:00.000Z');
  });

  it('counts the local day: 23:30 UTC on a summer Sunday is already Monday in London', () => {
    expect(end('2026-06-07T23:30:00Z')).toBe('2026-06-09T18:00:00.000Z'); // local Mon 00:30 → Tue 19:00 BST
    expect(end('2026-01-11T23:30:00Z')).toBe('2026-01-12T19:00:00.000Z'); // winter: still Sunday → Mon
  });

  it('skips the practice’s closed dates', () => {
    const closed = calendarFor(withDefaults({ name: 'R', ods: 'Y90001', closedDates: ['2026-03-03'] }));
    expect(end('2026-03-02T10:00:00Z', 1, closed)).toBe('2026-03-04T19:00:00.000Z');
  });
});

describe('business hours (public reply: 4 business hours)', () => {
  const add = (at: string, hours = 4) => iso(addBusinessHours(ms(at), hours, calendar));

  it('counts only time inside business hours', () => {
    expect(add('2026-03-02T10:00:00Z')).toBe('2026-03-02T14:00:00.000Z');
    expect(add('2026-03-02T17:00:00Z')).toBe('2026-03-03T10:00:00.000Z'); // 2h Mon + 2h Tue
    expect(add('2026-03-02T21:00:00Z')).toBe('2026-03-03T12:00:00.000Z'); // after closing
    expect(add('2026-03-06T18:00:00Z')).toBe('2026-03-09T11:00:00.000Z'); // Fri 1h + Mon 3h
    expect(add('2026-03-07T10:00:00Z')).toBe('2026-03-09T12:00:00.000Z'); // Saturday
  });

  it('is DST-correct across both changes', () => {
    // Fri 27 Mar 2026 17:00 GMT: 2h to closing, then Mon 30 Mar opens 08:00 BST (07:00Z).
    expect(add('2026-03-27T17:00:00Z')).toBe('2026-03-30T09:00:00.000Z');
    // Fri 23 Oct 2026 17:00 BST (16:00Z): 2h to 19:00 BST, then Mon 26 Oct opens 08:00 GMT.
    expect(add('2026-10-23T16:00:00Z')).toBe('2026-10-26T10:00:00.000Z');
    expect(add('2026-06-08T07:00:00Z')).toBe('2026-06-08T11:00:00.000Z'); // summer opening
  });

  it('skips bank holidays', () => {
    // Thu 2 Apr 2026 17:00 BST: 2h Thu, then Tue 7 Apr 08:00 BST + 2h.
    expect(add('2026-04-02T16:00:00Z')).toBe('2026-04-07T09:00:00.000Z');
  });

  it('always spends exactly the hours asked inside business windows', () => {
    const businessTimeBetween = (from: number, to: number) => {
      let total = 0;
      for (let day = dayNumberOf(from); day <= dayNumberOf(to); day += 1) {
        if (!isBusinessDay(day, calendar)) continue;
        const { open, close } = businessWindow(day, calendar);
        total += Math.max(0, Math.min(close, to) - Math.max(open, from));
      }
      return total;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: ms('2024-01-01T00:00:00Z'), max: ms('2028-12-20T00:00:00Z') }),
        fc.integer({ min: 1, max: 60 }),
        (from, quarterHours) => {
          const hours = quarterHours / 4;
          const due = addBusinessHours(from, hours, calendar);
          expect(businessTimeBetween(from, due)).toBe(hours * HOUR);
          const window = businessWindow(dayNumberOf(due), calendar);
          expect(isBusinessDay(dayNumberOf(due), calendar)).toBe(true);
          expect(due > window.open && due <= window.close).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('next business moment is now when open, else the next opening', () => {
    expect(iso(nextBusinessMoment(ms('2026-03-02T10:00:00Z'), calendar))).toBe('2026-03-02T10:00:00.000Z');
    expect(iso(nextBusinessMoment(ms('2026-03-02T19:00:00Z'), calendar))).toBe('2026-03-03T08:00:00.000Z');
    expect(iso(nextBusinessMoment(ms('2026-03-14T10:00:00Z'), calendar))).toBe('2026-03-16T08:00:00.000Z');
  });
});

describe('business time between two instants (deadlines shown as time left)', () => {
  const between = (from: string, to: string) => businessMillisBetween(ms(from), ms(to), calendar) / HOUR;

  it('counts only business hours, and is negative once the deadline has passed', () => {
    expect(between('2026-03-02T10:00:00Z', '2026-03-02T14:00:00Z')).toBe(4);
    expect(between('2026-03-06T18:00:00Z', '2026-03-09T11:00:00Z')).toBe(4); // Fri 1h + Mon 3h
    expect(between('2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z')).toBe(0); // a weekend
    expect(between('2026-03-02T14:00:00Z', '2026-03-02T10:00:00Z')).toBe(-4);
  });

  it('undoes addBusinessHours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms('2024-01-01T00:00:00Z'), max: ms('2028-12-20T00:00:00Z') }),
        fc.integer({ min: 1, max: 200 }),
        (from, quarterHours) => {
          const start = nextBusinessMoment(from, calendar);
          const due = addBusinessHours(start, quarterHours / 4, calendar);
          expect(businessMillisBetween(start, due, calendar)).toBe((quarterHours / 4) * HOUR);
        },
      ),
    );
  });
});
