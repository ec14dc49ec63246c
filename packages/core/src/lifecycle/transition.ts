// The incident lifecycle: an incident is the fold of its events. Everything here is pure: the
// time is the event's `at`, effects are returned as data, nothing is read or written.

import { EVENT_LABELS, STATE_LABELS } from '../labels/index.js';
import type { ActionEventType, Category } from '../model/constants.js';
import { ACTOR_ROLES, CATEGORIES, EVENT_TYPES, PLATFORMS, POST_LOCATIONS } from '../model/constants.js';
import {
  type Actor,
  type AvailableEvent,
  type Effect,
  type Incident,
  type IncidentEvent,
  type IncidentEventOf,
  newIncident,
  type RecommendedAction,
  type Refusal,
  type TransitionContext,
  type TransitionResult,
} from '../model/incident.js';
import { policyFor } from '../model/policy.js';
import { setDeadline, triageDeadline } from './deadlines.js';
import type { EventRule } from './event-rule.js';
import { isBlank, shown } from './guards.js';
import { orList } from './labels.js';
import { EVENT_RULES } from './registry.js';
import { refuse } from './rules.js';

/** Every event a person applies to an existing incident, in the table's order. */
export const ACTION_EVENT_TYPES = EVENT_TYPES.filter((type): type is ActionEventType => type !== 'report');

const isKnown = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const validTime = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value));

const validActor = (actor: unknown): actor is Actor =>
  typeof actor === 'object' &&
  actor !== null &&
  !isBlank((actor as Actor).id) &&
  isKnown(ACTOR_ROLES, (actor as Actor).role);

function invalidBasics(event: { at?: unknown; actor?: unknown }): Refusal | null {
  if (!validTime(event.at))
    return refuse('invalid_event', 'The event needs the time it happened (ISO 8601).');
  if (!validActor(event.actor))
    return refuse('invalid_event', 'The event needs who did it: an id and a role.');
  return null;
}

// ---------------------------------------------------------------- report → incident

function invalidReport(event: IncidentEventOf<'report'>, ctx: TransitionContext): Refusal | null {
  if (event?.type !== 'report') return refuse('invalid_event', 'An incident starts with a report.');
  const basics = invalidBasics(event);
  if (basics) return basics;
  if (isBlank(event.incidentId) || isBlank(event.reference))
    return refuse('invalid_event', 'The report needs an incident id and reference.');
  if (event.practiceOds !== ctx.settings.ods)
    return refuse('invalid_event', 'The report belongs to a different practice from these settings.');
  const report = event.report;
  if (
    typeof report !== 'object' ||
    report === null ||
    typeof report.text !== 'string' ||
    !isKnown(PLATFORMS, report.platform) ||
    !isKnown(POST_LOCATIONS, report.location)
  )
    return refuse('invalid_event', 'The report needs the post’s text, platform and where it was posted.');
  if (!Array.isArray(event.classification?.categories))
    return refuse('invalid_event', 'The report needs its classification.');
  return null;
}

function firstNotice(incident: Incident): Effect[] {
  const { severity, report } = incident;
  const critical = severity === 'critical';
  const urgent = critical || report.atRisk === true;
  const reason =
    report.author?.kind === 'staff'
      ? 'A post by a member of staff has been reported: an HR matter for the practice manager.'
      : report.atRisk
        ? 'The reporter says someone may be at risk right now: act at once.'
        : critical
          ? 'A post with a threat or a sign of harm has been reported: act at once, whatever the time.'
          : `A new ${severity}-severity post has been reported.`;
  const effects: Effect[] = [
    { type: 'notify', to: 'manager', urgency: urgent ? 'immediate' : 'normal', reason },
  ];
  if (incident.categories.includes('harm_indication'))
    effects.push({
      type: 'notify',
      to: 'safeguarding_lead',
      urgency: 'immediate',
      reason: 'A reported post suggests someone may be at risk of harm.',
    });
  return effects;
}

/** Folds the `report` event into a new incident (state `reported`) with its first effects. */
export function startIncident(event: IncidentEventOf<'report'>, ctx: TransitionContext): TransitionResult {
  const invalid = invalidReport(event, ctx);
  if (invalid) return { ok: false, error: invalid };
  const categories: Category[] = [
    ...new Set(
      event.classification.categories.map((finding) => finding.id).filter((id) => isKnown(CATEGORIES, id)),
    ),
  ];
  const base = newIncident({
    id: event.incidentId,
    reference: event.reference,
    practiceOds: event.practiceOds,
    report: event.report,
    classification: event.classification,
    categories,
    createdAt: event.at,
  });
  const [deadlines, deadlineSet] = setDeadline([], triageDeadline(event.at, ctx));
  const effects: Effect[] = [
    ...firstNotice(base),
    deadlineSet,
    ...policyFor(categories).templates.map(
      (templateId): Effect => ({ type: 'template_suggested', templateId }),
    ),
  ];
  return { ok: true, incident: { ...base, deadlines }, effects };
}

// ---------------------------------------------------------------- one event

const ruleFor = (type: ActionEventType) => EVENT_RULES[type] as unknown as EventRule<ActionEventType>;

function wrongState(incident: Incident, type: ActionEventType): Refusal {
  const from = ruleFor(type).from;
  const where =
    from.length === 1 && from[0] === 'closed'
      ? 'only once it is closed'
      : from.length >= 6
        ? 'only while it is open'
        : `only when it is ${orList(from.map((state) => STATE_LABELS['en-GB'][state]))}`;
  const closedHint = incident.state === 'closed' ? ' A closed incident can only be reopened.' : '';
  return refuse(
    'wrong_state',
    `“${EVENT_LABELS['en-GB'][type]}” is possible ${where}; this incident is ${STATE_LABELS['en-GB'][incident.state]}.${closedHint}`,
  );
}

/**
 * Applies one event. Refuses with `wrong_state` if the table does not allow it from the current
 * state, `invalid_event` if it is malformed, or the guard's rule id.
 */
export function transition(
  incident: Incident,
  event: IncidentEvent,
  ctx: TransitionContext,
): TransitionResult {
  if (typeof event !== 'object' || event === null || !isKnown(ACTION_EVENT_TYPES, event.type))
    return {
      ok: false,
      error: refuse(
        'invalid_event',
        event?.type === 'report'
          ? 'This incident has already been reported.'
          : `Unknown event type: ${shown(event?.type)}.`,
      ),
    };
  const basics = invalidBasics(event);
  if (basics) return { ok: false, error: basics };
  const rule = ruleFor(event.type);
  if (!rule.from.includes(incident.state)) return { ok: false, error: wrongState(incident, event.type) };
  const action = event as IncidentEventOf<ActionEventType>;
  const refusal =
    rule.precheck?.(incident, ctx, { at: event.at, actor: event.actor }) ??
    rule.check?.(incident, action, ctx);
  if (refusal) return { ok: false, error: refusal };
  const stepped: Incident = { ...incident, updatedAt: event.at, version: incident.version + 1 };
  const { incident: next, effects } = rule.apply(stepped, action, ctx);
  return { ok: true, incident: next, effects };
}

/** Rebuilds an incident from its events (the first must be `report`). */
export function replay(
  events: readonly IncidentEvent[],
  ctx: TransitionContext,
): { ok: true; incident: Incident } | { ok: false; error: Refusal; index: number } {
  const [first, ...rest] = events;
  if (first?.type !== 'report')
    return {
      ok: false,
      error: refuse('invalid_event', 'An incident’s first event must be its report.'),
      index: 0,
    };
  const started = startIncident(first, ctx);
  if (!started.ok) return { ok: false, error: started.error, index: 0 };
  let incident = started.incident;
  for (const [i, event] of rest.entries()) {
    const result = transition(incident, event, ctx);
    if (!result.ok) return { ok: false, error: result.error, index: i + 1 };
    incident = result.incident;
  }
  return { ok: true, incident };
}

// ---------------------------------------------------------------- what can I do next?

export interface AvailableEventsOptions {
  /** The time to judge time-dependent rules at (the 12-month warning window); default `incident.updatedAt`. */
  at?: string;
  /** Who is asking: role rules (`partner_only`, `manager_or_partner_only`) are judged only when given. */
  actor?: Actor;
}

/**
 * Every action event with whether it is allowed now and, if not, the rule and a message.
 *
 * Judged from the incident's state and record alone: the state, evidence, categories, warnings,
 * police report, author, severity, and the repeat-poster count in `ctx`. Rules on the event's own
 * input cannot be judged before there is input, so an event that needs input is `allowed: true`
 * when *some* input would pass: triage (categories; evidence or a reason), respond_publicly (the
 * reply text), request_removal (a contact can be supplied), issue_warning (the date), close (the
 * outcome, and a reason not to report/refer can be given with it), decide_removal and reopen (a
 * reason). `transition` remains the judge of the actual event.
 */
export function availableEvents(
  incident: Incident,
  ctx: TransitionContext,
  options: AvailableEventsOptions = {},
): AvailableEvent[] {
  const probe = { at: options.at ?? incident.updatedAt, ...(options.actor ? { actor: options.actor } : {}) };
  return ACTION_EVENT_TYPES.map((type): AvailableEvent => {
    const rule = ruleFor(type);
    const refusal = rule.from.includes(incident.state)
      ? (rule.precheck?.(incident, ctx, probe) ?? null)
      : wrongState(incident, type);
    return refusal
      ? { type, allowed: false, rule: refusal.rule, message: refusal.message }
      : { type, allowed: true };
  });
}

const HR_STEP: RecommendedAction = {
  id: 'handle_as_hr_matter',
  text: 'Handle it under the staff policy, as an HR matter: the post was written by a member of staff.',
};

/** Patient-path steps that do not apply to a staff-authored post. */
const NOT_FOR_STAFF_AUTHORS = new Set([
  'offer_complaints_procedure',
  'consider_violent_patient_policy',
  'block_repeat_poster',
]);

/**
 * What the policy recommends next for this incident's categories, in policy order, without the
 * steps the record shows are done (evidence saved, police told, referral made, post removed or
 * reported, removal asked for, author blocked, complaints procedure offered, advice sought, a
 * public reply made where the step is that reply). Standing advice ("never reply with clinical
 * information") stays. A closed incident has no next steps.
 */
export function nextSteps(incident: Incident): RecommendedAction[] {
  if (incident.state === 'closed') return [];
  const replied = incident.publicReplies.length > 0;
  const done: Record<string, boolean> = {
    tell_manager_now: incident.triagedAt !== null,
    save_evidence: incident.evidence.length > 0,
    report_to_police: incident.policeReport !== null,
    consider_hate_crime_report: incident.policeReport !== null,
    safeguarding_referral: incident.safeguardingReferral !== null,
    hide_or_remove: incident.removedFromPage || incident.report.location !== 'practice_page',
    request_removal: incident.removalRequestedAt !== null,
    report_to_platform: incident.reportedToPlatform,
    block_repeat_poster: incident.authorBlocked,
    offer_complaints_procedure: incident.complaintInNature,
    seek_mdu_or_legal_advice: incident.advice.some(
      (advice) => advice.advisor === 'mdu' || advice.advisor === 'legal',
    ),
    redirect_to_channels: replied,
    answer_in_business_hours: replied,
    thank_and_point_to_reviews: replied,
    factual_reply_nhs_link: replied,
  };
  const staffAuthor = incident.report.author?.kind === 'staff';
  const steps = policyFor(incident.categories).actions.filter(
    (action) => !done[action.id] && !(staffAuthor && NOT_FOR_STAFF_AUTHORS.has(action.id)),
  );
  return staffAuthor ? [HR_STEP, ...steps] : steps;
}
