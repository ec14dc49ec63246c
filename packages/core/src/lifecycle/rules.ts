import type { Refusal } from '../model/incident.js';

/**
 * Every rule a lifecycle refusal can name. Stable ids: the API returns them as `rule`, the
 * widgets and docs/lifecycle.md key their wording on them. Add new ids at the end.
 */
export const GUARD_RULES = [
  // the event is not allowed from the incident's state
  'wrong_state',
  // the event itself is malformed (unknown type, bad time, unknown category/advisor/outcome value)
  'invalid_event',
  // record_evidence
  'evidence_incomplete',
  'evidence_duplicate',
  // triage
  'categories_required',
  'evidence_or_reason',
  // respond_publicly
  'reply_empty',
  'reply_too_long',
  'reply_clinical_detail',
  'reply_patient_identifiable',
  'reply_names_staff',
  'reply_check_failed',
  // remove_from_page, report_to_platform, block_author
  'own_page_only',
  'evidence_first',
  'already_done',
  // request_removal
  'author_unknown',
  // issue_warning, start_removal_review, decide_removal
  'patient_path_only',
  'warning_date_required',
  'removal_category',
  'complaint_only',
  'warning_required',
  'partner_only',
  'reason_required',
  // every way into `closed`
  'safeguarding_decision_required',
  'police_decision_required',
  'outcome_required',
  'removal_needs_decision',
  // block_author
  'block_not_justified',
  // reopen
  'manager_or_partner_only',
] as const;
export type GuardRule = (typeof GUARD_RULES)[number];

/** Which `Refusal.code` each rule carries: the API answers 409 for `wrong_state`/`guard`, 422 for `invalid_event`. */
export const RULE_CODES: Readonly<Record<GuardRule, Refusal['code']>> = Object.fromEntries(
  GUARD_RULES.map((rule) => [
    rule,
    rule === 'wrong_state' ? 'wrong_state' : rule === 'invalid_event' ? 'invalid_event' : 'guard',
  ]),
) as Record<GuardRule, Refusal['code']>;

export function refuse(rule: GuardRule, message: string): Refusal {
  return { code: RULE_CODES[rule], rule, message };
}
