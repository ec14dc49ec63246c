// Times the way a British practice reads them, in Europe/London whatever the browser's zone.
import { type BusinessCalendar, businessMillisBetween } from '@policy/core';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const monthName = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => dateOnly.format(new Date(iso));
export const formatMonth = (iso: string): string => monthName.format(new Date(iso));

/** "3 h 20 min", "2 days 4 h" (of business time: a business day is the practice's opening hours). */
export function formatDuration(ms: number, businessDayMs?: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (businessDayMs && Math.abs(ms) >= businessDayMs) {
    const days = Math.floor(Math.abs(ms) / businessDayMs);
    const hours = Math.round((Math.abs(ms) - days * businessDayMs) / 3_600_000);
    return `${days} business day${days === 1 ? '' : 's'}${hours ? ` ${hours} h` : ''}`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours ? `${hours} h${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}

export interface TimeLeft {
  overdue: boolean;
  /** Business milliseconds left (negative: overdue by). */
  ms: number;
  text: string;
}

/** A deadline as business time left, or plainly how long overdue. */
export function timeLeft(due: string, now: number, calendar: BusinessCalendar): TimeLeft {
  const dueAt = Date.parse(due);
  const businessDay = (calendar.closeMinute - calendar.openMinute) * 60_000;
  if (dueAt <= now) {
    const late = businessMillisBetween(dueAt, now, calendar);
    return {
      overdue: true,
      ms: -late,
      text:
        late > 0
          ? `Overdue by ${formatDuration(late, businessDay)}${late >= businessDay ? '' : ' of business time'}`
          : 'Overdue',
    };
  }
  const ms = businessMillisBetween(now, dueAt, calendar);
  const text = formatDuration(ms, businessDay);
  return { overdue: false, ms, text: `${text}${text.includes('business') ? '' : ' of business time'} left` };
}

export const minutesText = (minutes: number | null): string =>
  minutes === null ? 'no data yet' : formatDuration(minutes * 60_000);

export const groupsOf = (text: string, size = 4): string =>
  (text.replace(/\s+/g, '').match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
