// Words the templates share, in every locale. Records keyed by the model's vocabularies, so a new
// category, platform or locale fails to compile until it has its words here.

import type {
  Category,
  DeadlineKind,
  Locale,
  Outcome,
  Platform,
  PostLocation,
  Severity,
} from '../model/constants.js';
import type { PolicyActionId } from '../model/policy.js';

type Labels<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export const CATEGORY_LABELS: Labels<Category> = {
  'en-GB': {
    complaint: 'complaint',
    appointment_request: 'appointment or prescription request',
    enquiry: 'general enquiry',
    feedback: 'feedback',
    clinical_disclosure: 'author shares medical details',
    identifies_staff: 'identifies a member of staff',
    abusive: 'abusive language',
    misinformation: 'health misinformation',
    patient_identifiable: 'identifies another patient',
    defamatory: 'possibly defamatory allegation',
    recording: 'photo or recording on the premises',
    discriminatory: 'discriminatory content',
    threat: 'threat of violence or harm',
    harm_indication: 'sign of a risk of harm',
  },
  cy: {
    complaint: 'cwyn',
    appointment_request: 'cais am apwyntiad neu bresgripsiwn',
    enquiry: 'ymholiad cyffredinol',
    feedback: 'adborth',
    clinical_disclosure: 'yr awdur yn rhannu manylion meddygol',
    identifies_staff: 'yn adnabod aelod o staff',
    abusive: 'iaith sarhaus',
    misinformation: 'camwybodaeth am iechyd',
    patient_identifiable: 'yn adnabod claf arall',
    defamatory: 'honiad a allai fod yn ddifenwol',
    recording: 'llun neu recordiad ar y safle',
    discriminatory: 'deunydd gwahaniaethol',
    threat: 'bygythiad o drais neu niwed',
    harm_indication: 'arwydd o risg o niwed',
  },
};

export const SEVERITY_LABELS: Labels<Severity> = {
  'en-GB': { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  cy: { low: 'isel', medium: 'canolig', high: 'uchel', critical: 'critigol' },
};

export const PLATFORM_LABELS: Labels<Platform> = {
  'en-GB': {
    facebook: 'Facebook',
    x: 'X',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    whatsapp: 'WhatsApp',
    nhs_website: 'NHS website',
    google_reviews: 'Google reviews',
    community_group: 'community group',
    other: 'other',
  },
  cy: {
    facebook: 'Facebook',
    x: 'X',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    whatsapp: 'WhatsApp',
    nhs_website: 'gwefan y GIG',
    google_reviews: 'adolygiadau Google',
    community_group: 'grŵp cymunedol',
    other: 'arall',
  },
};

/** "a post {on Facebook}": the phrase with its preposition, so Welsh mutations come out right. */
export const PLATFORM_ON: Labels<Platform> = {
  'en-GB': {
    facebook: 'on Facebook',
    x: 'on X',
    instagram: 'on Instagram',
    tiktok: 'on TikTok',
    linkedin: 'on LinkedIn',
    youtube: 'on YouTube',
    whatsapp: 'on WhatsApp',
    nhs_website: 'on the NHS website',
    google_reviews: 'in a Google review',
    community_group: 'in a community group',
    other: 'online',
  },
  cy: {
    facebook: 'ar Facebook',
    x: 'ar X',
    instagram: 'ar Instagram',
    tiktok: 'ar TikTok',
    linkedin: 'ar LinkedIn',
    youtube: 'ar YouTube',
    whatsapp: 'ar WhatsApp',
    nhs_website: 'ar wefan y GIG',
    google_reviews: 'mewn adolygiad ar Google',
    community_group: 'mewn grŵp cymunedol',
    other: 'ar-lein',
  },
};

export const LOCATION_LABELS: Labels<PostLocation> = {
  'en-GB': {
    practice_page: 'the practice’s own page',
    author_account: 'the author’s own account',
    group: 'a group',
    other: 'elsewhere',
  },
  cy: {
    practice_page: 'tudalen y feddygfa ei hun',
    author_account: 'cyfrif yr awdur ei hun',
    group: 'grŵp',
    other: 'rhywle arall',
  },
};

export const OUTCOME_LABELS: Labels<Outcome | 'open'> = {
  'en-GB': {
    no_action: 'no action',
    resolved_offline: 'resolved privately',
    removed_by_practice: 'removed by the practice',
    removed_by_platform: 'removed by the platform',
    removed_by_author: 'removed by the author',
    complaint_procedure: 'taken into the complaints procedure',
    patient_removed: 'patient removed from the list',
    unresolved: 'unresolved',
    open: 'still open',
  },
  cy: {
    no_action: 'dim camau pellach',
    resolved_offline: 'datryswyd yn breifat',
    removed_by_practice: 'tynnwyd gan y feddygfa',
    removed_by_platform: 'tynnwyd gan y platfform',
    removed_by_author: 'tynnwyd gan yr awdur',
    complaint_procedure: 'aeth i’r drefn gwyno',
    patient_removed: 'tynnwyd y claf oddi ar y rhestr',
    unresolved: 'heb ei ddatrys',
    open: 'yn dal ar agor',
  },
};

export const DEADLINE_LABELS: Labels<DeadlineKind> = {
  'en-GB': {
    triage: 'triage',
    public_reply: 'public reply',
    reply_target: 'reply to comments',
    removal_follow_up: 'removal request follow-up',
  },
  cy: {
    triage: 'brysbennu',
    public_reply: 'ateb cyhoeddus',
    reply_target: 'ateb i sylwadau',
    removal_follow_up: 'dilyn y cais i dynnu neges',
  },
};

/** Welsh for the policy's actions; English is the text in model/policy.ts. */
export const ACTION_TEXT_CY: Readonly<Record<PolicyActionId, string>> = {
  call_999_if_immediate_danger: 'Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999 nawr.',
  tell_manager_now: 'Dywedwch wrth reolwr y feddygfa ar unwaith, beth bynnag yw’r amser.',
  safeguarding_referral:
    'Gwnewch atgyfeiriad diogelu nawr: arweinydd diogelu’r feddygfa a thîm diogelu’r awdurdod lleol.',
  report_to_police: 'Rhowch wybod i’r heddlu am y bygythiad a chadwch gyfeirnod yr heddlu.',
  save_evidence:
    'Cadwch y dystiolaeth: sgrinlun gyda’r dyddiad, yr amser a’r ddolen, cyn i unrhyw beth gael ei ddileu.',
  hide_or_remove: 'Cuddiwch neu dynnwch y neges oddi ar dudalen y feddygfa ei hun lle gallwch.',
  tell_data_protection_officer:
    'Rhowch wybod i’r swyddog diogelu data: mae gwybodaeth claf arall wedi’i datgelu.',
  request_removal: 'Gofynnwch i’r awdur dynnu’r neges, yn breifat.',
  report_to_platform: 'Rhowch wybod i’r platfform am y neges o dan ei reolau.',
  consider_hate_crime_report: 'Ystyriwch roi gwybod i’r heddlu amdani fel trosedd casineb.',
  seek_mdu_or_legal_advice:
    'Peidiwch ag ymateb yn gyhoeddus; gofynnwch am gyngor yr MDU neu gyngor cyfreithiol os yw’r awdur yn gwrthod ei thynnu.',
  inform_staff_member: 'Rhowch wybod i’r aelod o staff a enwyd, ac i reolwr y feddygfa.',
  block_repeat_poster: 'Rhwystrwch yr awdur rhag defnyddio tudalennau’r feddygfa os yw’n postio eto.',
  consider_violent_patient_policy: 'Ystyriwch y polisi ar gleifion treisgar a sarhaus.',
  no_clinical_reply:
    'Peidiwch byth ag ymateb gyda gwybodaeth glinigol, hyd yn oed os yw’r awdur eisoes wedi’i rhannu; symudwch y sgwrs i sianel breifat.',
  factual_reply_nhs_link: 'Ystyriwch ateb byr, ffeithiol gyda dolen at wybodaeth y GIG.',
  do_not_argue_publicly:
    'Peidiwch â dadlau’n gyhoeddus: cydnabyddwch y neges yn fyr a gwahoddwch yr awdur i gysylltu â’r feddygfa’n breifat.',
  offer_complaints_procedure:
    'Cynigiwch y drefn gwyno yn breifat. Nid yw cwyn byth yn rheswm dros dynnu claf oddi ar y rhestr.',
  redirect_to_channels:
    'Atebwch yn gyhoeddus gan gyfeirio at Ap GIG, ymgynghori ar-lein neu’r ffôn; peidiwch â thrafod dim yn gyhoeddus.',
  answer_in_business_hours: 'Gellir ei ateb yn gyhoeddus, yn ystod oriau gwaith.',
  thank_and_point_to_reviews:
    'Diolchwch iddynt, a chyfeiriwch at dudalen adolygiadau’r feddygfa ar wefan y GIG.',
};
