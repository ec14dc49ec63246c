// Deadlines that chase: which of the practice's running deadlines are approaching or missed at a
// given time, and what the morning digest lists. Pure: the caller says what time it is, and the
// answer depends only on the deadlines, the practice's business hours and the bank holidays.

import type { DeadlineKind, Severity, State } from '../model/constants.js';
import { severityRank } from '../model/constants.js';
import type { Deadline } from '../model/incident.js';
import type { AlertSettings, PracticeSettings } from '../model/settings.js';
import {
  type BusinessCalendar,
  businessWindow,
  calendarFor,
  dayNumberOf,
  isBusinessDay,
} from './business-time.js';

const MINUTE = 60_000;

/**
 * How much business time before a deadline it counts as approaching, per kind: enough to act in.
 * Measured in the practice's open hours, so a Monday-evening deadline is not "approaching" all
 * weekend, and the reminder comes while someone is there to act on it.
 */
export const CHASE_LEAD_BUSINESS_MINUTES: Readonly<Record<DeadlineKind, number>> = {
  triage: 120,
  public_reply: 60,
  reply_target: 240,
  removal_follow_up: 240,
};

export type ChaseKind = 'approaching' | 'missed';

/** What the chase needs of an incident: never its text or people. */
export interface ChaseSubject {
  id: string;
  state: State;
  severity: Severity;
  deadlines: readonly Deadline[];
}

export interface DeadlineChase {
  incidentId: string;
  kind: ChaseKind;
  deadline: Deadline;
  /** Business minutes from `at` to the deadline (0 once missed). */
  businessMinutesLeft: number;
}

/** Minutes of business time in [from, to). */
export function businessMinutesBetween(from: number, to: number, calendar: BusinessCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  const last = dayNumberOf(to);
  // Bounded: a deadline is never more than a few weeks out; the cap only stops absurd input spinning.
  for (let day = dayNumberOf(from), n = 0; day <= last && n < 400; day += 1, n += 1) {
    if (!isBusinessDay(day, calendar)) continue;
    const { open, close } = businessWindow(day, calendar);
    const start = Math.max(open, from);
    const end = Math.min(close, to);
    if (end > start) total += end - start;
  }
  return Math.floor(total / MINUTE);
}

/**
 * The deadlines that are approaching (due within their kind's lead of business time) or missed
 * (due at or before `at`) at `at`. Closed incidents chase nothing. The same deadline reported
 * again later is the caller's to de-duplicate: `chaseKey` names each (deadline, kind) once.
 */
export function chaseDeadlines(
  subjects: Iterable<ChaseSubject>,
  at: string,
  settings: Pick<PracticeSettings, 'businessHours' | 'closedDates'>,
): DeadlineChase[] {
  const now = Date.parse(at);
  const calendar = calendarFor(settings);
  const chases: DeadlineChase[] = [];
  for (const subject of subjects) {
    if (subject.state === 'closed') continue;
    for (const deadline of subject.deadlines) {
      const due = Date.parse(deadline.due);
      if (Number.isNaN(due)) continue;
      if (due <= now) {
        chases.push({ incidentId: subject.id, kind: 'missed', deadline, businessMinutesLeft: 0 });
        continue;
      }
      const left = businessMinutesBetween(now, due, calendar);
      if (left <= CHASE_LEAD_BUSINESS_MINUTES[deadline.kind])
        chases.push({ incidentId: subject.id, kind: 'approaching', deadline, businessMinutesLeft: left });
    }
  }
  return chases;
}

/** One name per deadline (incident, kind, due time) and chase kind: a reset deadline chases afresh. */
export const chaseKey = (chase: Pick<DeadlineChase, 'incidentId' | 'kind' | 'deadline'>): string =>
  `${chase.incidentId}:${chase.deadline.kind}:${chase.deadline.due}:${chase.kind}`;

export interface DigestEntry {
  incidentId: string;
  severity: Severity;
  deadline: Deadline;
}

/** The morning digest: deadlines due later on `at`'s local day, and those already missed. */
export function deadlineDigest(
  subjects: Iterable<ChaseSubject>,
  at: string,
): { dueToday: DigestEntry[]; missed: DigestEntry[] } {
  const now = Date.parse(at);
  const today = dayNumberOf(now);
  const dueToday: DigestEntry[] = [];
  const missed: DigestEntry[] = [];
  for (const subject of subjects) {
    if (subject.state === 'closed') continue;
    for (const deadline of subject.deadlines) {
      const due = Date.parse(deadline.due);
      if (Number.isNaN(due)) continue;
      const entry = { incidentId: subject.id, severity: subject.severity, deadline };
      if (due <= now) missed.push(entry);
      else if (dayNumberOf(due) === today) dueToday.push(entry);
    }
  }
  const byDue = (a: DigestEntry, b: DigestEntry) => a.deadline.due.localeCompare(b.deadline.due);
  return { dueToday: dueToday.sort(byDue), missed: missed.sort(byDue) };
}

/** Whether an incident of this severity alerts the practice at once. */
export const alertsAtOnce = (severity: Severity, alerts: Pick<AlertSettings, 'minSeverity'>): boolean =>
  severityRank(severity) >= severityRank(alerts.minSeverity);
