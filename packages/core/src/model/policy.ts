import type { Category, TemplateId } from './constants.js';
import type { RecommendedAction } from './incident.js';

// What the policy says to do for each category, in the policy's words. Actions are listed in
// policy order: safety first, then evidence, then containment, then the conversation.

const ACTION_TEXT = {
  call_999_if_immediate_danger: 'If anyone is in immediate danger, call 999 now.',
  tell_manager_now: 'Tell the practice manager at once, whatever the time.',
  safeguarding_referral:
    'Make a safeguarding referral now: the practice safeguarding lead and the local authority safeguarding team.',
  report_to_police: 'Report the threat to the police and keep the police reference.',
  save_evidence: 'Save the evidence: a screenshot with the date, time and link, before anything is removed.',
  hide_or_remove: 'Hide or remove the post from the practice’s own page where you can.',
  tell_data_protection_officer:
    'Tell the data protection officer: another patient’s information has been disclosed.',
  request_removal: 'Ask the author to remove the post, privately.',
  report_to_platform: 'Report the post to the platform under its rules.',
  consider_hate_crime_report: 'Consider reporting it to the police as a hate crime.',
  seek_mdu_or_legal_advice:
    'Do not engage publicly; seek MDU or legal advice if the author refuses to remove it.',
  inform_staff_member: 'Tell the member of staff named, and the practice manager.',
  block_repeat_poster: 'Block the author from the practice’s pages if they post again.',
  consider_violent_patient_policy: 'Consider the violent and abusive patient policy.',
  no_clinical_reply:
    'Never reply with clinical information, even if the author already shared it; move the conversation offline.',
  factual_reply_nhs_link: 'Consider a short, factual reply linking to NHS information.',
  do_not_argue_publicly:
    'Do not argue in public: acknowledge briefly and invite them to contact the practice privately.',
  offer_complaints_procedure:
    'Offer the complaints procedure privately. A complaint is never grounds for removing a patient.',
  redirect_to_channels:
    'Reply publicly pointing to the NHS App, online consultation or phone; discuss nothing in public.',
  answer_in_business_hours: 'It may be answered publicly, in business hours.',
  thank_and_point_to_reviews: 'Thank them, and point to the practice’s NHS website review page.',
} as const satisfies Record<string, string>;

export type PolicyActionId = keyof typeof ACTION_TEXT;

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
    actions: [...actionIds].map((id) => ({ id, text: ACTION_TEXT[id] })),
    templates: [...templates],
  };
}
