import type { ActionEventType, Outcome, State } from '../model/constants.js';
import { OPEN_STATES } from '../model/constants.js';
import type {
  Actor,
  Effect,
  Incident,
  IncidentEventOf,
  Refusal,
  TransitionContext,
} from '../model/incident.js';
import { clearDeadlines } from './deadlines.js';

/** What can be known about an event before its input is: when, and (if known) who. */
export interface Probe {
  at: string;
  actor?: Actor;
}

export interface Applied {
  incident: Incident;
  effects: Effect[];
}

/**
 * One row of the lifecycle table. `transition` runs: state in `from` → `precheck` → `check` →
 * `apply`. `availableEvents` runs only the first two, so put every guard that can be judged
 * without the event's own input (categories, outcome, text…) in `precheck`.
 */
export interface EventRule<T extends ActionEventType> {
  from: readonly State[];
  /** Where it goes, in words (for docs and tests). */
  to: string;
  precheck?: (incident: Incident, ctx: TransitionContext, probe: Probe) => Refusal | null;
  check?: (incident: Incident, event: IncidentEventOf<T>, ctx: TransitionContext) => Refusal | null;
  /** Receives the incident with `updatedAt` and `version` already stepped; never mutates it. */
  apply: (incident: Incident, event: IncidentEventOf<T>, ctx: TransitionContext) => Applied;
}

export type EventRules = { [T in ActionEventType]: EventRule<T> };

export const OPEN: readonly State[] = OPEN_STATES;
/** `triaged` … `escalated` in the table. */
export const WORKING: readonly State[] = ['triaged', 'awaiting_author', 'complaint_offered', 'escalated'];

export const same = (incident: Incident, effects: Effect[] = []): Applied => ({ incident, effects });

/** Every way into `closed`: set the outcome and clear whatever deadlines were still running. */
export function closeWith(incident: Incident, outcome: Outcome, at: string, effects: Effect[] = []): Applied {
  const [deadlines, cleared] = clearDeadlines(incident.deadlines, 'all');
  return {
    incident: { ...incident, state: 'closed', outcome, closedAt: at, deadlines },
    effects: [...effects, ...cleared],
  };
}

export const withNote = (incident: Incident, at: string, actor: Actor, text: string): Incident => ({
  ...incident,
  notes: [...incident.notes, { at, by: actor.id, text }],
});
