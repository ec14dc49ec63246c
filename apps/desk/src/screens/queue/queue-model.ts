// What the queue shows and in which order: open incidents by severity (critical first), then by
// their nearest deadline; overdue work and work due today counted for the header.
import { type BusinessCalendar, OPEN_STATES, type Severity, severityRank } from '@policy/core';
import type { Incident, IncidentSummary } from '../../api/types.js';
import { type TimeLeft, timeLeft } from '../../shared/format.js';

export interface QueueRow {
  summary: IncidentSummary;
  detail?: Incident;
  /** The nearest deadline of an open incident, if any. */
  nearest?: { kind: string; due: string; left: TimeLeft };
}

export const isOpen = (summary: Pick<IncidentSummary, 'state'>) =>
  (OPEN_STATES as readonly string[]).includes(summary.state);

export function buildRows(
  summaries: readonly IncidentSummary[],
  details: ReadonlyMap<string, Incident>,
  now: number,
  calendar: BusinessCalendar,
): QueueRow[] {
  const rows = summaries.map((summary): QueueRow => {
    const detail = details.get(summary.id);
    const deadline = isOpen(summary)
      ? [...(detail?.deadlines ?? [])].sort((a, b) => Date.parse(a.due) - Date.parse(b.due))[0]
      : undefined;
    return {
      summary,
      ...(detail ? { detail } : {}),
      ...(deadline
        ? { nearest: { kind: deadline.kind, due: deadline.due, left: timeLeft(deadline.due, now, calendar) } }
        : {}),
    };
  });
  return rows.sort(compareRows);
}

const rank = (severity: Severity) => severityRank(severity);

export function compareRows(a: QueueRow, b: QueueRow): number {
  const open = Number(isOpen(b.summary)) - Number(isOpen(a.summary));
  if (open) return open;
  const severity = rank(b.summary.severity) - rank(a.summary.severity);
  if (severity) return severity;
  const aDue = a.nearest ? Date.parse(a.nearest.due) : Number.POSITIVE_INFINITY;
  const bDue = b.nearest ? Date.parse(b.nearest.due) : Number.POSITIVE_INFINITY;
  if (aDue !== bDue) return aDue - bDue;
  return Date.parse(a.summary.createdAt) - Date.parse(b.summary.createdAt);
}

/** The end of today in Europe/London, as an instant. */
export function endOfLondonDay(now: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(now));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const elapsed = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return now - elapsed + 24 * 3_600_000;
}

export interface TodayCount {
  overdue: number;
  dueToday: number;
}

/** Open incidents with a deadline already missed, and those with one due before the day ends. */
export function needsDoingToday(rows: readonly QueueRow[], now: number): TodayCount {
  const endOfDay = endOfLondonDay(now);
  let overdue = 0;
  let dueToday = 0;
  for (const row of rows) {
    if (!row.nearest) continue;
    if (row.nearest.left.overdue) overdue += 1;
    else if (Date.parse(row.nearest.due) <= endOfDay) dueToday += 1;
  }
  return { overdue, dueToday };
}
