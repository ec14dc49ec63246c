import { ACTION_TEXT, type PolicyActionId } from '../labels/index.js';
import type { Category, TemplateId } from './constants.js';
import type { RecommendedAction } from './incident.js';

export type { PolicyActionId };

// What the policy asks the practice manager to do for each category (what the reporter and the
// partners are told is in policy/guidance.ts; the words, in both languages, in labels/index.ts).
// Actions are listed in policy order: safety first, then evidence, then containment, then the
// conversation.

export const CATEGORY_POLICY: Readonly<
  Record<Category, { actions: readonly PolicyActionId[]; templates: readonly TemplateId[] }>
> = {
  threat: {
    actions: [
      'call_999_if_immediate_danger',
      'tell_manager_now',
      'save_evidence',
      'report_to_police',
      'consider_violent_patient_policy',
    ],
    templates: ['staff_alert', 'platform_report'],
  },
  harm_indication: {
    actions: ['call_999_if_immediate_danger', 'safeguarding_referral', 'tell_manager_now', 'save_evidence'],
    templates: ['staff_alert', 'move_offline'],
  },
  patient_identifiable: {
    actions: ['save_evidence', 'hide_or_remove', 'request_removal', 'tell_data_protection_officer'],
    templates: ['removal_request', 'platform_report'],
  },
  defamatory: {
    actions: ['save_evidence', 'seek_mdu_or_legal_advice', 'request_removal'],
    templates: ['removal_request', 'platform_report'],
  },
  recording: {
    actions: ['save_evidence', 'request_removal', 'report_to_platform'],
    templates: ['removal_request', 'platform_report'],
  },
  discriminatory: {
    actions: ['save_evidence', 'hide_or_remove', 'report_to_platform', 'consider_hate_crime_report'],
    templates: ['platform_report', 'conduct_warning'],
  },
  abusive: {
    actions: ['save_evidence', 'hide_or_remove', 'report_to_platform', 'block_repeat_poster'],
    templates: ['platform_report', 'conduct_warning'],
  },
  identifies_staff: {
    actions: ['inform_staff_member', 'request_removal'],
    templates: ['removal_request'],
  },
  clinical_disclosure: {
    actions: ['no_clinical_reply'],
    templates: ['move_offline'],
  },
  misinformation: {
    actions: ['factual_reply_nhs_link'],
    templates: ['public_acknowledgement'],
  },
  complaint: {
    actions: ['do_not_argue_publicly', 'offer_complaints_procedure'],
    templates: ['complaint_redirect', 'complaint_invitation'],
  },
  appointment_request: {
    actions: ['redirect_to_channels'],
    templates: ['appointment_redirect'],
  },
  enquiry: {
    actions: ['answer_in_business_hours'],
    templates: ['public_acknowledgement'],
  },
  feedback: {
    actions: ['thank_and_point_to_reviews'],
    templates: ['feedback_thanks'],
  },
};

/** Categories in the order the policy deals with them: most urgent first. */
export const POLICY_ORDER: readonly Category[] = [
  'threat',
  'harm_indication',
  'patient_identifiable',
  'defamatory',
  'recording',
  'discriminatory',
  'abusive',
  'identifies_staff',
  'clinical_disclosure',
  'misinformation',
  'complaint',
  'appointment_request',
  'enquiry',
  'feedback',
];

/** The recommended actions and templates for a set of categories, de-duplicated, in policy order. */
export function policyFor(categories: Iterable<Category>): {
  actions: RecommendedAction[];
  templates: TemplateId[];
} {
  const present = new Set(categories);
  const actionIds = new Set<PolicyActionId>();
  const templates = new Set<TemplateId>();
  for (const category of POLICY_ORDER) {
    if (!present.has(category)) continue;
    for (const action of CATEGORY_POLICY[category].actions) actionIds.add(action);
    for (const template of CATEGORY_POLICY[category].templates) templates.add(template);
  }
  return {
    actions: [...actionIds].map((id) => ({ id, text: ACTION_TEXT['en-GB'][id] })),
    templates: [...templates],
  };
}
