// The policy's vocabularies. Each is an `as const` tuple so the DB schema, the zod schemas and the
// widgets reuse one list; the types are derived from the tuples.

export const STATES = [
  'reported',
  'triaged',
  'awaiting_author',
  'complaint_offered',
  'escalated',
  'removal_review',
  'closed',
] as const;
export type State = (typeof STATES)[number];
export const OPEN_STATES = STATES.filter((state) => state !== 'closed') as Exclude<State, 'closed'>[];

export const CATEGORIES = [
  'complaint',
  'appointment_request',
  'enquiry',
  'feedback',
  'clinical_disclosure',
  'identifies_staff',
  'abusive',
  'misinformation',
  'patient_identifiable',
  'defamatory',
  'recording',
  'discriminatory',
  'threat',
  'harm_indication',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ordered from least to most severe: index comparisons are meaningful. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORY_SEVERITY: Readonly<Record<Category, Severity>> = {
  complaint: 'low',
  appointment_request: 'low',
  enquiry: 'low',
  feedback: 'low',
  clinical_disclosure: 'medium',
  identifies_staff: 'medium',
  abusive: 'medium',
  misinformation: 'medium',
  patient_identifiable: 'high',
  defamatory: 'high',
  recording: 'high',
  discriminatory: 'high',
  threat: 'critical',
  harm_indication: 'critical',
};

/** Categories whose incidents notify the manager at once, any hour, and need a recorded decision. */
export const CRITICAL_CATEGORIES = ['threat', 'harm_indication'] as const satisfies readonly Category[];

export const OUTCOMES = [
  'no_action',
  'resolved_offline',
  'removed_by_practice',
  'removed_by_platform',
  'removed_by_author',
  'complaint_procedure',
  'patient_removed',
  'unresolved',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Who acts on an incident. Patients and vendors never act on incidents directly. */
export const ACTOR_ROLES = ['staff', 'manager', 'partner'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const PLATFORMS = [
  'facebook',
  'x',
  'instagram',
  'tiktok',
  'linkedin',
  'youtube',
  'whatsapp',
  'nhs_website',
  'google_reviews',
  'community_group',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Longest public reply each platform accepts, in characters. X counts 280; the others are the
 * documented comment/reply limits (NHS website replies and Google review replies included).
 */
export const PLATFORM_REPLY_LIMITS: Readonly<Record<Platform, number>> = {
  facebook: 8000,
  x: 280,
  instagram: 2200,
  tiktok: 150,
  linkedin: 1250,
  youtube: 10000,
  whatsapp: 65536,
  nhs_website: 1000,
  google_reviews: 4096,
  community_group: 8000,
  other: 1000,
};

export const POST_LOCATIONS = ['practice_page', 'author_account', 'group', 'other'] as const;
export type PostLocation = (typeof POST_LOCATIONS)[number];

export const AUTHOR_KINDS = ['patient', 'staff', 'public', 'unknown'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export const ADVISORS = ['mdu', 'lmc', 'legal', 'police'] as const;
export type Advisor = (typeof ADVISORS)[number];

export const LOCALES = ['en-GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

/** The UK nation a practice is in: it decides the complaints route and the ombudsman. */
export const NATIONS = ['england', 'wales', 'scotland', 'northern_ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const EVENT_TYPES = [
  'report',
  'record_evidence',
  'triage',
  'respond_publicly',
  'remove_from_page',
  'report_to_platform',
  'request_removal',
  'offer_complaints_procedure',
  'complaint_lodged',
  'author_removed_post',
  'author_refused',
  'seek_advice',
  'issue_warning',
  'start_removal_review',
  'decide_removal',
  'refer_safeguarding',
  'report_to_police',
  'block_author',
  'assign',
  'add_note',
  'close',
  'reopen',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Events a person applies to an existing incident (`report` creates one). */
export type ActionEventType = Exclude<EventType, 'report'>;

export const TEMPLATE_IDS = [
  'public_acknowledgement',
  'complaint_redirect',
  'appointment_redirect',
  'move_offline',
  'feedback_thanks',
  'removal_request',
  'complaint_invitation',
  'conduct_warning',
  'platform_report',
  'staff_alert',
  'monitoring_summary',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_CHANNELS = [
  'public_reply',
  'private_message',
  'letter',
  'platform_form',
  'internal',
] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const CONDUCT_CLAUSE_IDS = [
  'devices_courtesy',
  'others_confidentiality',
  'no_social_media_contact',
  'recording_consent',
  'reviews_channel',
  'no_staff_identification',
  'no_unlawful_content',
  'zero_tolerance',
  'complaints_procedure',
] as const;
export type ConductClauseId = (typeof CONDUCT_CLAUSE_IDS)[number];

export const DEADLINE_KINDS = ['triage', 'public_reply', 'reply_target', 'removal_follow_up'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export const maxSeverity = (severities: Iterable<Severity>): Severity => {
  let highest: Severity = 'low';
  for (const severity of severities) if (severityRank(severity) > severityRank(highest)) highest = severity;
  return highest;
};
