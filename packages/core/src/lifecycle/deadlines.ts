// The policy's response targets, as deadlines on an incident. A deadline is set with a
// `deadline_set` effect and removed (met, or no longer relevant once closed) with
// `deadline_cleared`; the incident holds only the deadlines still running.

import type { Category, DeadlineKind } from '../model/constants.js';
import type { Deadline, Effect, Incident, TransitionContext } from '../model/incident.js';
import { addBusinessHours, calendarFor, endOfBusinessDay, nextBusinessMoment } from './business-time.js';

/** Business hours a public reply, if the practice replies, should follow the report within. */
export const PUBLIC_REPLY_BUSINESS_HOURS = 4;
/** Days after a removal request before someone follows it up. */
export const REMOVAL_FOLLOW_UP_DAYS = 7;

/**
 * Concerns where the guidance is "respond quickly (hours, not days), briefly, and go offline":
 * a complaint, someone sharing medical details, false health information.
 */
export const PROMPT_REPLY_CATEGORIES = [
  'complaint',
  'clinical_disclosure',
  'misinformation',
] as const satisfies readonly Category[];
/** Ordinary comments and questions, answered within the practice's reply target. */
export const COMMENT_CATEGORIES = [
  'enquiry',
  'feedback',
  'appointment_request',
] as const satisfies readonly Category[];
/** Where the policy says not to engage in public at all, so no reply deadline is set. */
export const NO_PUBLIC_REPLY_CATEGORIES = ['defamatory', 'threat'] as const satisfies readonly Category[];

const iso = (instant: number): string => new Date(instant).toISOString();

export function triageDeadline(reportedAt: string, ctx: TransitionContext): Deadline {
  const due = endOfBusinessDay(Date.parse(reportedAt), 1, calendarFor(ctx.settings));
  return { kind: 'triage', due: iso(due), setAt: reportedAt };
}

/**
 * The reply deadline triage sets for the confirmed categories, measured from the report (the
 * clock runs from when the practice knew, not from when someone got round to triage): 4
 * business hours for the prompt-reply concerns, the practice's reply target for comments,
 * none where the policy says not to engage publicly.
 */
export function replyDeadline(
  categories: readonly Category[],
  reportedAt: string,
  setAt: string,
  ctx: TransitionContext,
): Deadline | null {
  const has = (list: readonly Category[]) => list.some((category) => categories.includes(category));
  if (has(NO_PUBLIC_REPLY_CATEGORIES)) return null;
  const calendar = calendarFor(ctx.settings);
  const from = Date.parse(reportedAt);
  if (has(PROMPT_REPLY_CATEGORIES)) {
    const due = addBusinessHours(from, PUBLIC_REPLY_BUSINESS_HOURS, calendar);
    return { kind: 'public_reply', due: iso(due), setAt };
  }
  if (has(COMMENT_CATEGORIES)) {
    const days = Math.max(1, ctx.settings.replyTargetBusinessDays ?? 3);
    return { kind: 'reply_target', due: iso(endOfBusinessDay(from, days, calendar)), setAt };
  }
  return null;
}

/** Follow a removal request up 7 days later, at the first business moment from then. */
export function removalFollowUpDeadline(requestedAt: string, ctx: TransitionContext): Deadline {
  const after = Date.parse(requestedAt) + REMOVAL_FOLLOW_UP_DAYS * 24 * 60 * 60_000;
  return {
    kind: 'removal_follow_up',
    due: iso(nextBusinessMoment(after, calendarFor(ctx.settings))),
    setAt: requestedAt,
  };
}

/** Adds (or replaces) a deadline; returns the new list and the effect that announces it. */
export function setDeadline(deadlines: readonly Deadline[], deadline: Deadline): [Deadline[], Effect] {
  return [
    [...deadlines.filter((existing) => existing.kind !== deadline.kind), deadline],
    { type: 'deadline_set', deadline },
  ];
}

/** Removes the running deadlines of the given kinds; an effect only for each one that was running. */
export function clearDeadlines(
  deadlines: readonly Deadline[],
  kinds: readonly DeadlineKind[] | 'all',
): [Deadline[], Effect[]] {
  const clears = (deadline: Deadline) => kinds === 'all' || kinds.includes(deadline.kind);
  return [
    deadlines.filter((deadline) => !clears(deadline)),
    deadlines.filter(clears).map((deadline) => ({ type: 'deadline_cleared', kind: deadline.kind })),
  ];
}

/** Deadlines whose due time has passed at `at` (for reminders and monitoring). */
export function overdueDeadlines(incident: Pick<Incident, 'deadlines'>, at: string): Deadline[] {
  const now = Date.parse(at);
  return incident.deadlines.filter((deadline) => Date.parse(deadline.due) < now);
}
