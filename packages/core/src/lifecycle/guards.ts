// The policy's guards. Each returns null when the rule is satisfied, else the refusal naming it.
// They read only their arguments: the incident, the event's input, the practice's settings.

import { classify } from '../classifier/classify.js';
import type { Category, Platform } from '../model/constants.js';
import { CATEGORY_SEVERITY, PLATFORM_REPLY_LIMITS, PLATFORMS, severityRank } from '../model/constants.js';
import type { Actor, Classification, Incident, Refusal, TransitionContext } from '../model/incident.js';
import { dayNumberOf, isoDateOf } from './business-time.js';
import { readerView } from './reader-view.js';
import { refuse } from './rules.js';

/** Categories that can justify asking a partner to remove a patient from the list. */
export const REMOVAL_CATEGORIES = [
  'threat',
  'abusive',
  'discriminatory',
] as const satisfies readonly Category[];
/** How long a written warning counts towards removal. */
export const WARNING_VALID_MONTHS = 12;
/** Incidents from the same author that make them a repeat poster. */
export const REPEAT_POSTER_INCIDENTS = 2;

export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** A value for a message: strings quoted as given (shortened), anything else by its type. */
export const shown = (value: unknown): string =>
  typeof value === 'string' ? `“${value.slice(0, 40)}”` : Array.isArray(value) ? 'a list' : typeof value;

/** The trimmed text, or undefined for anything blank or not a string. */
export const trimmed = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const hasAny = (incident: Pick<Incident, 'categories'>, list: readonly Category[]) =>
  list.some((category) => incident.categories.includes(category));

/** A valid ISO calendar date at the start of the string (YYYY-MM-DD…). */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? (match[0] ?? null)
    : null;
}

/** The practice's local calendar date of an instant. */
export const localDay = (at: string): string => isoDateOf(dayNumberOf(Date.parse(at)));

// ---------------------------------------------------------------- evidence and the page

export function evidenceFirst(incident: Incident, action: string): Refusal | null {
  return incident.evidence.length > 0
    ? null
    : refuse(
        'evidence_first',
        `Save the evidence first: record a screenshot or capture of the post before you ${action}. Once it is gone it cannot be captured.`,
      );
}

export function ownPageOnly(incident: Incident): Refusal | null {
  return incident.report.location === 'practice_page'
    ? null
    : refuse(
        'own_page_only',
        'The practice can only remove posts from its own page. For a post elsewhere, ask the author to remove it or report it to the platform.',
      );
}

export function alreadyDone(done: boolean, message: string): Refusal | null {
  return done ? refuse('already_done', message) : null;
}

// ---------------------------------------------------------------- the public reply

const codePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

/**
 * A public reply must fit the platform and must not itself disclose anything: the classifier is
 * run on the reply text with the practice's staff roster, and clinical details, another
 * patient's identifiable data or a staff member's name refuse it.
 */
export function replyIsSafe(text: unknown, platform: Platform, ctx: TransitionContext): Refusal | null {
  if (typeof text !== 'string' || isBlank(text))
    return refuse('reply_empty', 'Write the reply before recording it.');
  const limit = PLATFORM_REPLY_LIMITS[platform];
  const length = codePoints(text);
  if (length > limit)
    return refuse(
      'reply_too_long',
      `The reply is ${length} characters; ${platform} allows ${limit}. Shorten it and move the conversation offline.`,
    );
  // Rules only: a refusal must quote the words at fault, and the learned layer reads style, not facts.
  const context = { staff: ctx.settings.staff, platform, practiceName: ctx.settings.name, rulesOnly: true };
  let found: Classification;
  let asReader: Classification;
  const reader = readerView(text);
  try {
    found = classify(text, context);
    asReader = reader.text === text ? found : classify(reader.text, context);
  } catch {
    return refuse(
      'reply_check_failed',
      'The reply could not be checked for personal or clinical details, so it has not been recorded. Try again.',
    );
  }
  const finding = (id: Category) => found.categories.find((category) => category.id === id);
  const quoted = (id: Category) => {
    const excerpt = finding(id)?.evidence[0]?.excerpt;
    return excerpt ? ` (“${excerpt}”)` : '';
  };
  // Clinical details about the reader ("your diabetes") count as much as the author's own.
  const ownClinical = finding('clinical_disclosure')?.evidence[0];
  const readerClinical = asReader.categories.find((category) => category.id === 'clinical_disclosure')
    ?.evidence[0];
  const clinical = ownClinical ?? readerClinical;
  const clinicalExcerpt = ownClinical
    ? ownClinical.excerpt
    : readerClinical
      ? text.slice(reader.toOriginal(readerClinical.start), reader.toOriginal(readerClinical.end))
      : undefined;
  if (finding('patient_identifiable'))
    return refuse(
      'reply_patient_identifiable',
      `The reply contains information that could identify a patient${quoted('patient_identifiable')}. Never confirm who is a patient or share their details in public.`,
    );
  if (clinical)
    return refuse(
      'reply_clinical_detail',
      `The reply mentions clinical details${clinicalExcerpt ? ` (“${clinicalExcerpt}”)` : ''}. Never discuss medical information in public, even if the author already did: invite them to contact the practice privately.`,
    );
  if (finding('identifies_staff'))
    return refuse(
      'reply_names_staff',
      `The reply names a member of staff${quoted('identifies_staff')}. Public replies speak for the practice, not for individuals.`,
    );
  return null;
}

export const isPlatform = (value: unknown): value is Platform =>
  typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);

// ---------------------------------------------------------------- the author

export function authorKnown(incident: Incident, contact: unknown): Refusal | null {
  return !isBlank(incident.report.author?.handle) || !isBlank(contact)
    ? null
    : refuse(
        'author_unknown',
        'We do not know who posted it: add the author’s handle or a way to contact them before asking them to remove it.',
      );
}

/** Staff-authored posts are an HR matter for the manager, not the patient path. */
export function patientPathOnly(incident: Incident): Refusal | null {
  return incident.report.author?.kind === 'staff'
    ? refuse(
        'patient_path_only',
        'This post was written by a member of staff: it is an HR matter for the practice manager, not a warning or removal from the patient list.',
      )
    : null;
}

// ---------------------------------------------------------------- removal from the list

/** Whether the only concern is a complaint: complaint-in-nature (or a complaint) and nothing that could justify removal. */
export const isComplaintOnly = (incident: Pick<Incident, 'categories' | 'complaintInNature'>): boolean =>
  (incident.complaintInNature || incident.categories.includes('complaint')) &&
  !hasAny(incident, REMOVAL_CATEGORIES);

export function removalJustifiedByCategory(incident: Incident): Refusal | null {
  if (hasAny(incident, REMOVAL_CATEGORIES)) return null;
  if (isComplaintOnly(incident))
    return refuse(
      'complaint_only',
      'A complaint is never grounds for removing a patient from the list. Offer the complaints procedure instead.',
    );
  return refuse(
    'removal_category',
    'Removal from the list can only be considered for a threat, abuse or discriminatory content.',
  );
}

/** The same date 12 months earlier (29 February falls back to 1 March, erring towards the patient). */
const monthsBefore = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
};

export function hasWarningWithin12Months(incident: Incident, at: string): boolean {
  const today = localDay(at);
  const from = monthsBefore(today, WARNING_VALID_MONTHS);
  return incident.warnings.some((warning) => {
    const issued = isoDay(warning.issuedOn);
    return issued !== null && issued >= from && issued <= today;
  });
}

/**
 * Removal normally needs a written warning in the previous 12 months; the one exception is
 * violence or a threat of violence that has been reported to the police.
 */
export function warningOrPoliceThreat(incident: Incident, at: string): Refusal | null {
  if (hasWarningWithin12Months(incident, at)) return null;
  if (incident.categories.includes('threat') && incident.policeReport) return null;
  return refuse(
    'warning_required',
    'Removal needs a written warning issued within the last 12 months, unless a threat of violence has been reported to the police.',
  );
}

export function partnerOnly(actor: Actor | undefined): Refusal | null {
  return !actor || actor.role === 'partner'
    ? null
    : refuse('partner_only', 'Only a GP partner can decide whether to remove a patient from the list.');
}

export function managerOrPartnerOnly(actor: Actor | undefined): Refusal | null {
  return !actor || actor.role === 'manager' || actor.role === 'partner'
    ? null
    : refuse(
        'manager_or_partner_only',
        'Only the practice manager or a partner can reopen a closed incident.',
      );
}

export function reasonRequired(reason: unknown, what: string): Refusal | null {
  return isBlank(reason) ? refuse('reason_required', `Give a reason ${what}.`) : null;
}

// ---------------------------------------------------------------- closing

/**
 * A threat needs a police report or a recorded reason not to make one; a sign of harm needs a
 * safeguarding referral or a recorded reason not to. Applies to every way an incident closes.
 */
export function criticalDecisionsRecorded(
  incident: Incident,
  given: { noPoliceReason?: unknown; noSafeguardingReason?: unknown } = {},
): Refusal | null {
  if (
    incident.categories.includes('harm_indication') &&
    !incident.safeguardingReferral &&
    isBlank(incident.noSafeguardingReason) &&
    isBlank(given.noSafeguardingReason)
  )
    return refuse(
      'safeguarding_decision_required',
      'This post suggests someone may be at risk of harm. Make a safeguarding referral, or record why not, before closing.',
    );
  if (
    incident.categories.includes('threat') &&
    !incident.policeReport &&
    isBlank(incident.noPoliceReason) &&
    isBlank(given.noPoliceReason)
  )
    return refuse(
      'police_decision_required',
      'This post contains a threat. Report it to the police, or record why not, before closing.',
    );
  return null;
}

// ---------------------------------------------------------------- blocking

export function blockJustified(incident: Incident, ctx: TransitionContext): Refusal | null {
  const repeat = (ctx.authorIncidentCount ?? 1) >= REPEAT_POSTER_INCIDENTS;
  const serious = severityRank(incident.severity) >= severityRank('high');
  return repeat || serious
    ? null
    : refuse(
        'block_not_justified',
        'Blocking is for repeat posters (two or more incidents from the same author) or high-severity posts. For a single post, hide it or ask for it to be removed.',
      );
}

export const severityOf = (categories: readonly Category[]) => categories.map((id) => CATEGORY_SEVERITY[id]);
