// `@policy/core/labels`: every word the product shows for the policy's vocabularies, in en-GB and
// Welsh, in one place. Records keyed by the model's vocabularies, so a new category, state, event,
// platform or locale fails to compile until it has its words here. Plain data with type-only
// imports: a widget bundle that imports it pulls in nothing else of core.

import type {
  AuthorKind,
  Category,
  DeadlineKind,
  EventType,
  Locale,
  Nation,
  Outcome,
  Platform,
  PostLocation,
  Severity,
  State,
} from '../model/constants.js';

export type Labels<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

/** A label from a table, in the locale (en-GB when the locale has no table). */
export const labelOf = <K extends string>(table: Labels<K>, key: K, locale: Locale = 'en-GB'): string =>
  (table[locale] ?? table['en-GB'])[key];

/** "critical" → "Critical", for a label that starts a line or a heading. */
export const capitalise = (text: string): string =>
  text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);

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

/**
 * Severity words. Welsh "critigol" as in "gofal critigol" (critical care, the term NHS Wales and
 * TermCymru use), so the four words read as one scale: isel, canolig, uchel, critigol.
 */
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

/** Categories described for someone who has never read the policy (what the category means). */
export const CATEGORY_MEANINGS: Labels<Category> = {
  'en-GB': {
    complaint: 'Dissatisfaction with care, treatment or service.',
    appointment_request: 'Booking, cancelling, prescriptions or test results asked for over social media.',
    enquiry: 'A general, non-clinical question, such as opening hours.',
    feedback: 'Praise or neutral feedback.',
    clinical_disclosure: 'The author shares their own or a relative’s medical details.',
    identifies_staff: 'Names or otherwise identifies an individual member of staff.',
    abusive: 'Insulting, harassing, obscene or profane language.',
    misinformation: 'False health information, for example about vaccines.',
    patient_identifiable:
      'Information that identifies another patient: a name with a condition, an NHS number, a date of birth or an address.',
    defamatory:
      'A factual allegation of wrongdoing (fraud, negligence, crime) against the practice or a person.',
    recording: 'A photo, video or audio recording of staff or patients on the premises.',
    discriminatory:
      'Hateful content about race, religion, disability, sex, sexual orientation or another protected characteristic.',
    threat: 'A threat of violence or harm to staff, patients or the premises.',
    harm_indication: 'A sign that someone may harm themselves or others, or that a child is at risk.',
  },
  cy: {
    complaint: 'Anfodlonrwydd â gofal, triniaeth neu wasanaeth.',
    appointment_request:
      'Gofyn am drefnu neu ganslo apwyntiad, am bresgripsiwn neu am ganlyniadau profion ar y cyfryngau cymdeithasol.',
    enquiry: 'Cwestiwn cyffredinol, anghlinigol, fel oriau agor.',
    feedback: 'Canmoliaeth neu adborth niwtral.',
    clinical_disclosure: 'Mae’r awdur yn rhannu ei fanylion meddygol ei hun neu fanylion perthynas.',
    identifies_staff: 'Yn enwi aelod unigol o staff neu’n ei adnabod mewn ffordd arall.',
    abusive: 'Iaith sarhaus, aflonyddus, anweddus neu gableddus.',
    misinformation: 'Gwybodaeth iechyd anghywir, er enghraifft am frechlynnau.',
    patient_identifiable:
      'Gwybodaeth sy’n adnabod claf arall: enw gyda chyflwr, rhif GIG, dyddiad geni neu gyfeiriad.',
    defamatory:
      'Honiad ffeithiol o gamymddwyn (twyll, esgeulustod, trosedd) yn erbyn y feddygfa neu unigolyn.',
    recording: 'Llun, fideo neu recordiad sain o staff neu gleifion ar y safle.',
    discriminatory:
      'Cynnwys atgas am hil, crefydd, anabledd, rhyw, cyfeiriadedd rhywiol neu nodwedd warchodedig arall.',
    threat: 'Bygythiad o drais neu niwed i staff, cleifion neu’r adeilad.',
    harm_indication: 'Arwydd y gallai rhywun niweidio ei hun neu eraill, neu fod plentyn mewn perygl.',
  },
};

/** Platforms as a form offers them to choose from (PLATFORM_LABELS names them inside a sentence). */
export const PLATFORM_CHOICES: Labels<Platform> = {
  'en-GB': {
    facebook: 'Facebook',
    x: 'X (Twitter)',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    whatsapp: 'WhatsApp',
    nhs_website: 'NHS website review',
    google_reviews: 'Google reviews',
    community_group: 'Community group or forum',
    other: 'Somewhere else',
  },
  cy: {
    facebook: 'Facebook',
    x: 'X (Twitter)',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    whatsapp: 'WhatsApp',
    nhs_website: 'Adolygiad ar wefan y GIG',
    google_reviews: 'Adolygiadau Google',
    community_group: 'Grŵp neu fforwm cymunedol',
    other: 'Rhywle arall',
  },
};

/** Where the post is, as a form offers the choice (LOCATION_LABELS names it inside a sentence). */
export const LOCATION_CHOICES: Labels<PostLocation> = {
  'en-GB': {
    practice_page: 'On the practice’s own page or account',
    author_account: 'On the author’s own page or account',
    group: 'In a group (for example a local community group)',
    other: 'Somewhere else',
  },
  cy: {
    practice_page: 'Ar dudalen neu gyfrif y feddygfa ei hun',
    author_account: 'Ar dudalen neu gyfrif yr awdur ei hun',
    group: 'Mewn grŵp (er enghraifft grŵp cymunedol lleol)',
    other: 'Rhywle arall',
  },
};

export const AUTHOR_KIND_LABELS: Labels<AuthorKind> = {
  'en-GB': {
    patient: 'a patient',
    staff: 'a member of staff',
    public: 'a member of the public',
    unknown: 'not known',
  },
  cy: {
    patient: 'claf',
    staff: 'aelod o staff',
    public: 'aelod o’r cyhoedd',
    unknown: 'anhysbys',
  },
};

/** An incident's state, as it reads after "this incident is …". */
export const STATE_LABELS: Labels<State> = {
  'en-GB': {
    reported: 'reported (not yet triaged)',
    triaged: 'triaged',
    awaiting_author: 'waiting for the author',
    complaint_offered: 'complaints procedure offered',
    escalated: 'escalated',
    removal_review: 'under removal review',
    closed: 'closed',
  },
  cy: {
    reported: 'wedi’i adrodd (heb ei frysbennu eto)',
    triaged: 'wedi’i frysbennu',
    awaiting_author: 'yn aros am yr awdur',
    complaint_offered: 'cynigiwyd y drefn gwyno',
    escalated: 'wedi’i uwchgyfeirio',
    removal_review: 'dan adolygiad tynnu oddi ar y rhestr',
    closed: 'wedi’i gau',
  },
};

/** How a practice manager names each event (buttons, the history, refusal messages). */
export const EVENT_LABELS: Labels<EventType> = {
  'en-GB': {
    report: 'Report filed',
    record_evidence: 'Record evidence',
    triage: 'Triage',
    respond_publicly: 'Reply publicly',
    remove_from_page: 'Remove from our page',
    report_to_platform: 'Report to the platform',
    request_removal: 'Ask the author to remove it',
    offer_complaints_procedure: 'Offer the complaints procedure',
    complaint_lodged: 'Complaint lodged',
    author_removed_post: 'Author removed the post',
    author_refused: 'Author refused to remove it',
    seek_advice: 'Seek advice',
    issue_warning: 'Issue a written warning',
    start_removal_review: 'Start a removal review',
    decide_removal: 'Decide on removal from the list',
    refer_safeguarding: 'Refer to safeguarding',
    report_to_police: 'Report to the police',
    block_author: 'Block the author',
    assign: 'Assign',
    add_note: 'Add a note',
    close: 'Close',
    reopen: 'Reopen',
  },
  cy: {
    report: 'Adroddiad wedi’i anfon',
    record_evidence: 'Cofnodi tystiolaeth',
    triage: 'Brysbennu',
    respond_publicly: 'Ateb yn gyhoeddus',
    remove_from_page: 'Tynnu oddi ar ein tudalen',
    report_to_platform: 'Rhoi gwybod i’r platfform',
    request_removal: 'Gofyn i’r awdur ei thynnu',
    offer_complaints_procedure: 'Cynnig y drefn gwyno',
    complaint_lodged: 'Cwyn wedi’i chyflwyno',
    author_removed_post: 'Yr awdur wedi tynnu’r neges',
    author_refused: 'Yr awdur wedi gwrthod ei thynnu',
    seek_advice: 'Gofyn am gyngor',
    issue_warning: 'Rhoi rhybudd ysgrifenedig',
    start_removal_review: 'Dechrau adolygiad tynnu oddi ar y rhestr',
    decide_removal: 'Penderfynu ar dynnu oddi ar y rhestr',
    refer_safeguarding: 'Atgyfeirio at ddiogelu',
    report_to_police: 'Rhoi gwybod i’r heddlu',
    block_author: 'Rhwystro’r awdur',
    assign: 'Neilltuo',
    add_note: 'Ychwanegu nodyn',
    close: 'Cau',
    reopen: 'Ailagor',
  },
};

export const NATION_LABELS: Labels<Nation> = {
  'en-GB': {
    england: 'England',
    wales: 'Wales',
    scotland: 'Scotland',
    northern_ireland: 'Northern Ireland',
  },
  cy: {
    england: 'Lloegr',
    wales: 'Cymru',
    scotland: 'Yr Alban',
    northern_ireland: 'Gogledd Iwerddon',
  },
};

// ---------------------------------------------------------------- guidance by audience

/**
 * What the member of staff who reported a post is told to do (policy/guidance.ts picks which).
 * Their job is to stay safe, get urgent help, keep the evidence and tell the manager: never to
 * contact, answer or ask anything of the author, which is the manager's decision.
 */
const REPORTER_STEP_TEXT_EN = {
  call_999: 'If anyone is in immediate danger, call 999 now.',
  stay_safe:
    'Look after yourself first: you do not have to read the post again, and you are not dealing with it alone.',
  tell_safeguarding_lead:
    'If a child or adult may be at risk of harm, tell the practice safeguarding lead now, or the local authority safeguarding team if the lead is not available.',
  call_101:
    'To report the threat to the police when no one is in immediate danger, call 101 and keep the police reference for the practice manager.',
  tell_manager_now:
    'Tell the practice manager now, in person or by phone, whatever the time: do not wait for them to read this report.',
  manager_has_it: 'The practice manager has your report and decides what the practice does next.',
  staff_author:
    'The post was written by a member of staff: the practice manager handles it privately under the staff policy. Do not raise it with your colleague or discuss it with others.',
  keep_evidence:
    'Keep the evidence: if you did not add a screenshot showing the date, time and link, take one now and give it to the practice manager. Do not delete anything.',
  do_not_share:
    'Do not share or forward the post, and do not discuss anyone’s care or details, online or off.',
  do_not_engage:
    'Do not reply to the post, contact its author or ask them anything, even to defend yourself or the practice: the practice manager decides how the practice responds.',
} as const satisfies Record<string, string>;

export type ReporterStepId = keyof typeof REPORTER_STEP_TEXT_EN;

/** Every reporter step id (for schemas that list them). */
export const REPORTER_STEP_IDS = Object.keys(REPORTER_STEP_TEXT_EN) as [ReporterStepId, ...ReporterStepId[]];

export const REPORTER_STEP_TEXT: Labels<ReporterStepId> = {
  'en-GB': REPORTER_STEP_TEXT_EN,
  cy: {
    call_999: 'Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999 nawr.',
    stay_safe:
      'Gofalwch amdanoch eich hun yn gyntaf: does dim rhaid i chi ddarllen y neges eto, ac nid ydych yn delio â hi ar eich pen eich hun.',
    tell_safeguarding_lead:
      'Os gallai plentyn neu oedolyn fod mewn perygl o niwed, dywedwch wrth arweinydd diogelu’r feddygfa nawr, neu wrth dîm diogelu’r awdurdod lleol os nad yw’r arweinydd ar gael.',
    call_101:
      'I roi gwybod i’r heddlu am y bygythiad pan nad oes neb mewn perygl uniongyrchol, ffoniwch 101 a chadwch gyfeirnod yr heddlu i reolwr y feddygfa.',
    tell_manager_now:
      'Dywedwch wrth reolwr y feddygfa nawr, wyneb yn wyneb neu dros y ffôn, beth bynnag yw’r amser: peidiwch ag aros iddynt ddarllen yr adroddiad hwn.',
    manager_has_it:
      'Mae eich adroddiad gan reolwr y feddygfa, a nhw sy’n penderfynu beth fydd y feddygfa’n ei wneud nesaf.',
    staff_author:
      'Aelod o staff ysgrifennodd y neges: mae rheolwr y feddygfa yn delio â hi’n breifat o dan bolisi’r staff. Peidiwch â’i chodi gyda’ch cydweithiwr na’i thrafod ag eraill.',
    keep_evidence:
      'Cadwch y dystiolaeth: os na wnaethoch ychwanegu sgrinlun sy’n dangos y dyddiad, yr amser a’r ddolen, tynnwch un nawr a’i roi i reolwr y feddygfa. Peidiwch â dileu dim.',
    do_not_share:
      'Peidiwch â rhannu’r neges na’i hanfon ymlaen, a pheidiwch â thrafod gofal na manylion neb, ar-lein nac fel arall.',
    do_not_engage:
      'Peidiwch ag ateb y neges, cysylltu â’i hawdur na gofyn dim iddynt, hyd yn oed i’ch amddiffyn eich hun neu’r feddygfa: rheolwr y feddygfa sy’n penderfynu beth a wna’r feddygfa.',
  },
};

/** What the partners decide (legal steps, removal from the list), addressed to them. */
const PARTNER_STEP_TEXT_EN = {
  decide_immediate_removal:
    'If the threat was reported to the police, decide whether to remove the patient from the list at once: the one case that needs no written warning first.',
  consider_written_warning:
    'Consider a written warning: removing a patient from the list needs one within the previous 12 months.',
  decide_legal_steps:
    'Decide on legal steps, with MDU or legal advice, if the author refuses to remove the post.',
  support_staff: 'Make sure the members of staff affected are supported.',
  review_data_breach: 'Review the data protection officer’s assessment of the disclosure.',
  never_remove_for_complaint: 'A complaint is never grounds for removing a patient from the list.',
} as const satisfies Record<string, string>;

export type PartnerStepId = keyof typeof PARTNER_STEP_TEXT_EN;

export const PARTNER_STEP_TEXT: Labels<PartnerStepId> = {
  'en-GB': PARTNER_STEP_TEXT_EN,
  cy: {
    decide_immediate_removal:
      'Os rhoddwyd gwybod i’r heddlu am y bygythiad, penderfynwch a ddylid tynnu’r claf oddi ar y rhestr ar unwaith: yr unig achos nad oes angen rhybudd ysgrifenedig yn gyntaf.',
    consider_written_warning:
      'Ystyriwch rybudd ysgrifenedig: mae angen un o fewn y 12 mis blaenorol cyn tynnu claf oddi ar y rhestr.',
    decide_legal_steps:
      'Penderfynwch ar gamau cyfreithiol, gyda chyngor yr MDU neu gyngor cyfreithiol, os yw’r awdur yn gwrthod tynnu’r neges.',
    support_staff: 'Gwnewch yn siŵr bod yr aelodau o staff yr effeithiwyd arnynt yn cael cefnogaeth.',
    review_data_breach: 'Adolygwch asesiad y swyddog diogelu data o’r datgeliad.',
    never_remove_for_complaint: 'Nid yw cwyn byth yn rheswm dros dynnu claf oddi ar y rhestr.',
  },
};

// ---------------------------------------------------------------- the manager's actions

/**
 * What the policy asks the practice manager to do, per action (model/policy.ts says which
 * categories call for which). Addressed to the manager: a member of staff who reports a post is
 * told other things (REPORTER_STEP_TEXT).
 */
const ACTION_TEXT_EN = {
  call_999_if_immediate_danger: 'If anyone is in immediate danger, call 999 now.',
  // The id names the rule (a critical report reaches the manager at once); the words speak to the
  // manager, who is the one reading them.
  tell_manager_now: 'Act on it now, whatever the time, and keep the partners informed.',
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
  inform_staff_member: 'Tell the member of staff who is named, and offer them support.',
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

export type PolicyActionId = keyof typeof ACTION_TEXT_EN;

export const ACTION_TEXT: Labels<PolicyActionId> = {
  'en-GB': ACTION_TEXT_EN,
  cy: {
    call_999_if_immediate_danger: 'Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999 nawr.',
    tell_manager_now: 'Gweithredwch arno nawr, beth bynnag yw’r amser, a rhowch wybod i’r partneriaid.',
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
    inform_staff_member: 'Rhowch wybod i’r aelod o staff a enwyd, a chynigiwch gefnogaeth iddynt.',
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
  },
};
