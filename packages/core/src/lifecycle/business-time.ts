// Business time in the practice's local time (Europe/London), without a clock and without
// Intl: the UK offset follows the statutory rule (British Summer Time from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October, in force since 1996 and
// unchanged since), which gives the same answer in Node and every browser whatever tz data they
// ship. The tests check it against Intl.

import type { BusinessHours, PracticeSettings } from '../model/settings.js';
import { DEFAULT_BUSINESS_HOURS } from '../model/settings.js';
import { isBankHoliday } from './uk-bank-holidays.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far ahead to look for a business day before giving up (only absurd settings get there). */
const SEARCH_LIMIT_DAYS = 3_660;

export interface BusinessCalendar {
  /** 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes after local midnight. */
  openMinute: number;
  closeMinute: number;
  closedDates: ReadonlySet<string>;
}

const parseClock = (value: string): number | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
};

/**
 * The practice's calendar. Hours that cannot work (no days, unreadable times, opening at or after
 * closing) fall back to the default 08:00–19:00, Monday to Friday, so a deadline always exists.
 */
export function calendarFor(
  settings: Pick<PracticeSettings, 'businessHours' | 'closedDates'>,
): BusinessCalendar {
  const hours: BusinessHours = settings.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const days = new Set((hours.days ?? []).filter((day) => Number.isInteger(day) && day >= 0 && day <= 6));
  const open = parseClock(hours.open ?? '');
  const close = parseClock(hours.close ?? '');
  const usable = days.size > 0 && open !== null && close !== null && open < close;
  const fallbackOpen = parseClock(DEFAULT_BUSINESS_HOURS.open) ?? 8 * 60;
  const fallbackClose = parseClock(DEFAULT_BUSINESS_HOURS.close) ?? 19 * 60;
  return {
    days: usable ? days : new Set(DEFAULT_BUSINESS_HOURS.days),
    openMinute: usable ? open : fallbackOpen,
    closeMinute: usable ? close : fallbackClose,
    closedDates: new Set(settings.closedDates ?? []),
  };
}

// ---------------------------------------------------------------- UK offset

/** Day of the month of the last Sunday of a month (month 1–12). */
const lastSunday = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
};

/** Minutes Europe/London is ahead of UTC at an instant: 60 in British Summer Time, else 0. */
export function londonOffsetMinutes(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 10), 1);
  return instant >= start && instant < end ? 60 : 0;
}

// ---------------------------------------------------------------- local days

/** A local calendar day as whole days since 1970-01-01. */
export type DayNumber = number;

export const dayNumberOf = (instant: number): DayNumber =>
  Math.floor((instant + londonOffsetMinutes(instant) * MINUTE) / DAY);

export const isoDateOf = (day: DayNumber): string => new Date(day * DAY).toISOString().slice(0, 10);

const weekdayOf = (day: DayNumber): number => new Date(day * DAY).getUTCDay();

/**
 * The UTC instant of a local wall-clock time. In the autumn hour that happens twice the earlier
 * (summer-time) instant is taken; a time in the spring gap is read as GMT, i.e. after the jump.
 */
export function localToInstant(day: DayNumber, minuteOfDay: number): number {
  const wall = day * DAY + minuteOfDay * MINUTE;
  for (const offset of [60, 0]) {
    const instant = wall - offset * MINUTE;
    if (londonOffsetMinutes(instant) === offset) return instant;
  }
  return wall;
}

export function isBusinessDay(day: DayNumber, calendar: BusinessCalendar): boolean {
  if (!calendar.days.has(weekdayOf(day))) return false;
  const date = isoDateOf(day);
  return !isBankHoliday(date) && !calendar.closedDates.has(date);
}

/** The day's business window as UTC instants [open, close). */
export function businessWindow(day: DayNumber, calendar: BusinessCalendar): { open: number; close: number } {
  return {
    open: localToInstant(day, calendar.openMinute),
    close: localToInstant(day, calendar.closeMinute),
  };
}

function nextBusinessDayFrom(day: DayNumber, calendar: BusinessCalendar): DayNumber {
  for (let candidate = day, n = 0; n <= SEARCH_LIMIT_DAYS; candidate += 1, n += 1) {
    if (isBusinessDay(candidate, calendar)) return candidate;
  }
  throw new Error('No business day within ten years: check the practice’s business hours and closed dates.');
}

// ---------------------------------------------------------------- deadlines

/**
 * The close of business on the n-th business day after the local day of `instant` (n ≥ 1).
 * "By the end of the next business day" is n = 1; "within 3 business days" is n = 3. The day the
 * thing happened never counts, even if it happened before opening: the policy's targets are
 * generous by design and the clock should never start before someone could have seen it.
 */
export function endOfBusinessDay(instant: number, n: number, calendar: BusinessCalendar): number {
  let day = dayNumberOf(instant);
  // Capped at a year of business days so an absurd setting cannot spin.
  const count = Math.min(Math.max(1, Math.floor(n) || 1), 366);
  for (let i = 0; i < count; i += 1) day = nextBusinessDayFrom(day + 1, calendar);
  return businessWindow(day, calendar).close;
}

/** `hours` of business time after `instant`: time outside business hours does not count. */
export function addBusinessHours(instant: number, hours: number, calendar: BusinessCalendar): number {
  let remaining = Math.max(0, hours) * HOUR;
  let day = dayNumberOf(instant);
  for (let n = 0; n <= SEARCH_LIMIT_DAYS; n += 1) {
    day = nextBusinessDayFrom(day, calendar);
    const { open, close } = businessWindow(day, calendar);
    const from = Math.max(open, instant);
    if (from < close) {
      if (from + remaining <= close) return from + remaining;
      remaining -= close - from;
    }
    day += 1;
  }
  throw new Error('No business day within ten years: check the practice’s business hours and closed dates.');
}

/** `instant` itself if it is within business hours, else the next opening. */
export function nextBusinessMoment(instant: number, calendar: BusinessCalendar): number {
  return addBusinessHours(instant, 0, calendar);
}

/**
 * Business time between two instants in milliseconds: positive while `to` is ahead, negative once it
 * has passed (how overdue). Only time inside business hours counts, so "2 business hours left" on a
 * Friday evening means 2 hours of Monday. Used to show deadlines as time left, not clock time.
 */
export function businessMillisBetween(from: number, to: number, calendar: BusinessCalendar): number {
  if (to < from) return -businessMillisBetween(to, from, calendar);
  let total = 0;
  const last = dayNumberOf(to);
  for (let day = dayNumberOf(from), n = 0; day <= last && n <= SEARCH_LIMIT_DAYS; day += 1, n += 1) {
    if (!isBusinessDay(day, calendar)) continue;
    const { open, close } = businessWindow(day, calendar);
    const start = Math.max(open, from);
    const end = Math.min(close, to);
    if (end > start) total += end - start;
  }
  return total;
}
