// Guidance by audience: what the policy recommends, split by who reads it.
// - the reporter (the member of staff who filed the report): stay safe, get urgent help, keep the
//   evidence, tell the manager. Never contact, answer or ask anything of the author: that is the
//   manager's decision, and a frightened colleague must not be nudged towards the person who
//   threatened them.
// - the manager: the policy's actions per category (model/policy.ts), in policy order.
// - the partners: the decisions that are theirs (legal steps, removal from the list).

import {
  ACTION_TEXT,
  PARTNER_STEP_TEXT,
  type PartnerStepId,
  type PolicyActionId,
  REPORTER_STEP_TEXT,
  type ReporterStepId,
} from '../labels/index.js';
import type { AuthorKind, Category, Locale } from '../model/constants.js';

export const AUDIENCES = ['reporter', 'manager', 'partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface GuidanceStep<Id extends string = string> {
  id: Id;
  text: string;
}

/** What the reporter told us, beyond the categories: flags that change their first steps. */
export interface ReporterFlags {
  /** "Is anyone at risk right now?" answered yes. */
  atRisk?: boolean;
  /** The author is a member of staff (an HR matter for the manager). */
  authorKind?: AuthorKind;
  /** Screenshots went with the report, so the evidence is already with the manager. */
  screenshotCount?: number;
}

const has = (categories: ReadonlySet<Category>, ...wanted: Category[]) =>
  wanted.some((c) => categories.has(c));

/** Posts likely to upset whoever reads them: the reporter is told to look after themselves. */
const UPSETTING: Category[] = [
  'threat',
  'harm_indication',
  'abusive',
  'discriminatory',
  'identifies_staff',
  'defamatory',
  'recording',
];
/** Categories whose evidence the manager needs before the post can vanish. */
const KEEP_EVIDENCE: Category[] = [
  'threat',
  'harm_indication',
  'patient_identifiable',
  'defamatory',
  'recording',
  'discriminatory',
  'abusive',
  'identifies_staff',
];
/** Posts carrying someone's private details: not to be passed on. */
const PRIVATE_DETAILS: Category[] = ['patient_identifiable', 'clinical_disclosure', 'recording'];

/** The ids of the reporter's first steps, most urgent first. */
export function reporterStepIds(categories: Iterable<Category>, flags: ReporterFlags = {}): ReporterStepId[] {
  const found = new Set(categories);
  const atRisk = flags.atRisk === true;
  const critical = has(found, 'threat', 'harm_indication');
  const staffAuthor = flags.authorKind === 'staff';
  const steps: ReporterStepId[] = [];
  if (atRisk || critical) steps.push('call_999');
  if (atRisk || has(found, ...UPSETTING)) steps.push('stay_safe');
  if (atRisk || found.has('harm_indication')) steps.push('tell_safeguarding_lead');
  if (found.has('threat')) steps.push('call_101');
  steps.push(atRisk || critical ? 'tell_manager_now' : 'manager_has_it');
  if (staffAuthor) steps.push('staff_author');
  if ((flags.screenshotCount ?? 0) === 0 && (atRisk || has(found, ...KEEP_EVIDENCE)))
    steps.push('keep_evidence');
  if (has(found, ...PRIVATE_DETAILS)) steps.push('do_not_share');
  // A staff author's step already says not to raise it with them.
  if (!staffAuthor) steps.push('do_not_engage');
  return steps;
}

/** The reporter's first steps in the locale: the report answer's `nextSteps`. */
export function reporterSteps(
  categories: Iterable<Category>,
  flags: ReporterFlags = {},
  locale: Locale = 'en-GB',
): GuidanceStep<ReporterStepId>[] {
  return reporterStepIds(categories, flags).map((id) => ({ id, text: REPORTER_STEP_TEXT[locale][id] }));
}

/** The partners' decisions for these categories, in the policy's order. */
export function partnerStepIds(categories: Iterable<Category>): PartnerStepId[] {
  const found = new Set(categories);
  const steps: PartnerStepId[] = [];
  if (found.has('threat')) steps.push('decide_immediate_removal');
  if (has(found, 'threat', 'abusive', 'discriminatory')) steps.push('consider_written_warning');
  if (found.has('defamatory')) steps.push('decide_legal_steps');
  if (has(found, 'threat', 'abusive', 'discriminatory', 'identifies_staff', 'defamatory'))
    steps.push('support_staff');
  if (found.has('patient_identifiable')) steps.push('review_data_breach');
  if (found.has('complaint')) steps.push('never_remove_for_complaint');
  return steps;
}

export function partnerSteps(
  categories: Iterable<Category>,
  locale: Locale = 'en-GB',
): GuidanceStep<PartnerStepId>[] {
  return partnerStepIds(categories).map((id) => ({ id, text: PARTNER_STEP_TEXT[locale][id] }));
}

/** An action of the manager's, in the locale (the ids come from `policyFor` / `nextSteps`). */
export const managerActionText = (id: PolicyActionId, locale: Locale = 'en-GB'): string =>
  ACTION_TEXT[locale][id];
