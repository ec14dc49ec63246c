import type {
  AvailableEvent,
  Incident,
  IncidentEvent,
  IncidentEventOf,
  RecommendedAction,
  Refusal,
  TransitionContext,
  TransitionResult,
} from '../model/incident.js';

/** Folds the `report` event into a new incident (state `reported`) with its first effects. */
export function startIncident(_event: IncidentEventOf<'report'>, _ctx: TransitionContext): TransitionResult {
  throw new Error('startIncident: not implemented yet');
}

export function transition(
  _incident: Incident,
  _event: IncidentEvent,
  _ctx: TransitionContext,
): TransitionResult {
  throw new Error('transition: not implemented yet');
}

/** Rebuilds an incident from its events (the first must be `report`). */
export function replay(
  _events: readonly IncidentEvent[],
  _ctx: TransitionContext,
): { ok: true; incident: Incident } | { ok: false; error: Refusal; index: number } {
  throw new Error('replay: not implemented yet');
}

export function availableEvents(_incident: Incident, _ctx: TransitionContext): AvailableEvent[] {
  throw new Error('availableEvents: not implemented yet');
}

/** What the policy recommends next for this incident's categories, in policy order. */
export function nextSteps(_incident: Incident): RecommendedAction[] {
  throw new Error('nextSteps: not implemented yet');
}
