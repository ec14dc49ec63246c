import type {
  AuthorKind,
  Category,
  Locale,
  Platform,
  PolicyActionId,
  PostLocation,
  Severity,
} from '@policy/core';

// Every word the report form shows, in en-GB and Welsh. The Welsh table is typed against the
// English one so a missing string is a type error, not a blank on screen.

type Lines = Record<string, string>;

const en = {
  title: 'Report a social media post',
  intro:
    'Tell the practice manager about a post that worries you. It takes a few minutes. What you type is kept on this device until it is sent.',
  sectionPost: 'About the post',
  platform: 'Where was it posted?',
  platformChoose: 'Choose a site or app',
  postUrl: 'Link to the post (optional)',
  postUrlHint: 'Copy the address from the browser or the app’s “share” button.',
  seenAt: 'When did you see it?',
  seenAtHint: 'Date and time. It is set to now; change it if you saw it earlier.',
  location: 'Where is the post?',
  locationHint: 'This decides whether the practice can remove it itself.',
  sectionAuthor: 'Who posted it',
  authorName: 'Their name (optional)',
  authorHandle: 'Their username or handle (optional)',
  authorHandleHint: 'For example @name.',
  authorPatient: 'Is the author a patient of the practice?',
  authorStaff: 'The author is a member of our staff',
  authorStaffHint: 'Posts by staff go to the practice manager as an HR matter.',
  sectionText: 'What the post says',
  text: 'The text of the post',
  textHint: 'Copy and paste it exactly, including any names. Describe pictures or videos in your own words.',
  sectionScreenshots: 'Screenshots (optional)',
  screenshotsHint:
    'PNG, JPEG or WebP, up to 5 MB each, up to 5 pictures. Choose files, drag them here, or paste a screenshot into this form.',
  screenshotsPick: 'Add screenshots',
  screenshotsDrop: 'Or drop screenshots here',
  screenshotRemove: 'Remove',
  screenshotAdded: 'Screenshot added: {name}.',
  screenshotRemoved: 'Screenshot removed: {name}.',
  sectionAffects: 'Who is affected?',
  affectsHint: 'Select all that apply.',
  affectsPractice: 'The practice',
  affectsStaff: 'Named members of staff',
  affectsStaffNames: 'Which members of staff?',
  affectsStaffNamesHint: 'Separate names with commas.',
  affectsPatients: 'Other patients',
  atRisk: 'Is anyone at risk right now?',
  atRiskHint: 'For example a threat of violence, or someone who may harm themselves or a child.',
  riskTitle: 'Act now — do not wait for this form',
  risk999: 'If anyone is in immediate danger, call 999 now.',
  riskPolice: 'Report a threat of violence to the police: 999 in an emergency, 101 otherwise.',
  riskSafeguarding:
    'If a child or adult may be at risk of harm, tell the practice safeguarding lead straight away, or the local authority safeguarding team if they are not available.',
  riskManager: 'Tell the practice manager at once, whatever the time.',
  riskThenReport: 'Then finish this report. What you have typed is kept on this device.',
  sectionReporter: 'About you',
  reporterName: 'Your name',
  reporterRole: 'Your role (optional)',
  reporterRoleHint: 'For example receptionist, practice nurse, GP.',
  yes: 'Yes',
  no: 'No',
  unknown: 'I don’t know',
  submit: 'Send report',
  submitting: 'Sending…',
  classifyTitle: 'What the policy sees',
  classifyEmpty: 'Nothing of concern found in the text so far.',
  classifyWaiting: 'As you type the post, what the policy sees in it appears here.',
  classifyUnavailable: 'The check of the text is not available right now. You can still send the report.',
  classifyNote: 'This is a first look. The practice manager decides.',
  classifyAnnounceNone: 'The policy sees nothing of concern.',
  classifyAnnounce: 'The policy sees: {list}.',
  matched: 'Matched',
  severity: 'Severity',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  errPlatform: 'Select where the post was made',
  errPostUrl: 'Enter the link as a web address, like https://www.facebook.com/…',
  errSeenAt: 'Enter the date and time you saw the post',
  errSeenAtFuture: 'The time you saw the post must be now or in the past',
  errLocation: 'Select where the post is',
  errText: 'Enter the text of the post',
  errTextLong: 'The text of the post must be {max} characters or fewer',
  errAtRisk: 'Select yes if anyone is at risk right now',
  errReporterName: 'Enter your name',
  errStaffNames: 'Enter the names of the members of staff, or untick “Named members of staff”',
  errScreenshotType: '{name} must be a PNG, JPEG or WebP picture',
  errScreenshotSize: '{name} must be smaller than 5 MB',
  errScreenshotCount: 'You can add up to {max} screenshots',
  errServer: 'The report was not accepted: {detail}',
  draftRestored: 'We found a report you had not sent, saved on this device on {time}. It is filled in below.',
  draftDiscard: 'Start a new report instead',
  savedAt: 'Saved on this device at {time}.',
  noStorage:
    'This browser cannot keep a copy on this device. Please send the report before you close the page.',
  pendingTitle: 'Your report is saved but not sent yet',
  pendingBody:
    'It is kept on this device, with its screenshots, and will be sent automatically when the connection comes back. You can close this page: it will be sent the next time this form opens.',
  pendingOffline: 'This device is offline.',
  pendingServer: 'The server did not answer.',
  pendingRetryAt: 'Next try at {time}.',
  pendingRefused:
    'The server refused this form’s key ({detail}). Tell the practice manager; your report stays saved on this device.',
  pendingRateLimited: 'Too many reports were sent from here just now.',
  retryNow: 'Try sending now',
  successTitle: 'Report sent',
  successReference: 'Your reference number',
  successSteps: 'What to do now',
  successCategories: 'What the policy sees in the post',
  successNone: 'Nothing of concern was found automatically. The practice manager will look at it.',
  another: 'Report another post',
} satisfies Lines;

export type Strings = typeof en;

const cy: Strings = {
  title: 'Rhoi gwybod am bostiad ar y cyfryngau cymdeithasol',
  intro:
    'Rhowch wybod i reolwr y feddygfa am bostiad sy’n eich poeni. Mae’n cymryd ychydig funudau. Caiff yr hyn rydych chi’n ei deipio ei gadw ar y ddyfais hon nes iddo gael ei anfon.',
  sectionPost: 'Am y postiad',
  platform: 'Ble cafodd ei bostio?',
  platformChoose: 'Dewiswch wefan neu ap',
  postUrl: 'Dolen i’r postiad (dewisol)',
  postUrlHint: 'Copïwch y cyfeiriad o’r porwr neu o fotwm “rhannu” yr ap.',
  seenAt: 'Pryd gwelsoch chi’r postiad?',
  seenAtHint:
    'Dyddiad ac amser. Mae wedi’i osod i nawr; newidiwch ef os gwelsoch chi’r postiad yn gynharach.',
  location: 'Ble mae’r postiad?',
  locationHint: 'Mae hyn yn penderfynu a all y feddygfa ei dynnu i lawr ei hun.',
  sectionAuthor: 'Pwy a’i postiodd',
  authorName: 'Eu henw (dewisol)',
  authorHandle: 'Eu henw defnyddiwr (dewisol)',
  authorHandleHint: 'Er enghraifft @enw.',
  authorPatient: 'Ydy’r awdur yn glaf yn y feddygfa?',
  authorStaff: 'Mae’r awdur yn aelod o’n staff',
  authorStaffHint: 'Mae postiadau gan staff yn mynd at reolwr y feddygfa fel mater AD.',
  sectionText: 'Beth mae’r postiad yn ei ddweud',
  text: 'Testun y postiad',
  textHint:
    'Copïwch a gludwch ef yn union fel y mae, gan gynnwys unrhyw enwau. Disgrifiwch luniau neu fideos yn eich geiriau eich hun.',
  sectionScreenshots: 'Sgrinluniau (dewisol)',
  screenshotsHint:
    'PNG, JPEG neu WebP, hyd at 5 MB yr un, hyd at 5 llun. Dewiswch ffeiliau, llusgwch nhw yma, neu gludwch sgrinlun i’r ffurflen hon.',
  screenshotsPick: 'Ychwanegu sgrinluniau',
  screenshotsDrop: 'Neu gollyngwch sgrinluniau yma',
  screenshotRemove: 'Tynnu',
  screenshotAdded: 'Sgrinlun wedi’i ychwanegu: {name}.',
  screenshotRemoved: 'Sgrinlun wedi’i dynnu: {name}.',
  sectionAffects: 'Pwy sy’n cael eu heffeithio?',
  affectsHint: 'Dewiswch bob un sy’n berthnasol.',
  affectsPractice: 'Y feddygfa',
  affectsStaff: 'Aelodau o staff a enwir',
  affectsStaffNames: 'Pa aelodau o staff?',
  affectsStaffNamesHint: 'Rhowch goma rhwng yr enwau.',
  affectsPatients: 'Cleifion eraill',
  atRisk: 'Oes unrhyw un mewn perygl ar hyn o bryd?',
  atRiskHint: 'Er enghraifft bygythiad o drais, neu rywun a allai niweidio ei hun neu blentyn.',
  riskTitle: 'Gweithredwch nawr — peidiwch ag aros am y ffurflen hon',
  risk999: 'Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999 nawr.',
  riskPolice: 'Rhowch wybod i’r heddlu am fygythiad o drais: 999 mewn argyfwng, 101 fel arall.',
  riskSafeguarding:
    'Os gallai plentyn neu oedolyn fod mewn perygl o niwed, dywedwch wrth arweinydd diogelu’r feddygfa ar unwaith, neu wrth dîm diogelu’r awdurdod lleol os nad ydyn nhw ar gael.',
  riskManager: 'Dywedwch wrth reolwr y feddygfa ar unwaith, beth bynnag yw’r amser.',
  riskThenReport:
    'Yna gorffennwch yr adroddiad hwn. Mae’r hyn rydych chi wedi’i deipio yn cael ei gadw ar y ddyfais hon.',
  sectionReporter: 'Amdanoch chi',
  reporterName: 'Eich enw',
  reporterRole: 'Eich rôl (dewisol)',
  reporterRoleHint: 'Er enghraifft derbynnydd, nyrs practis, meddyg teulu.',
  yes: 'Ydy',
  no: 'Nac ydy',
  unknown: 'Dydw i ddim yn gwybod',
  submit: 'Anfon yr adroddiad',
  submitting: 'Wrthi’n anfon…',
  classifyTitle: 'Beth mae’r polisi yn ei weld',
  classifyEmpty: 'Does dim byd sy’n peri pryder yn y testun hyd yma.',
  classifyWaiting: 'Wrth i chi deipio’r postiad, bydd yr hyn mae’r polisi yn ei weld ynddo yn ymddangos yma.',
  classifyUnavailable:
    'Dydy’r gwiriad o’r testun ddim ar gael ar hyn o bryd. Gallwch anfon yr adroddiad o hyd.',
  classifyNote: 'Golwg gyntaf yw hon. Rheolwr y feddygfa sy’n penderfynu.',
  classifyAnnounceNone: 'Dydy’r polisi ddim yn gweld dim byd sy’n peri pryder.',
  classifyAnnounce: 'Mae’r polisi yn gweld: {list}.',
  matched: 'Yn cyfateb',
  severity: 'Difrifoldeb',
  errorSummaryTitle: 'Mae problem wedi codi',
  errorPrefix: 'Gwall:',
  errPlatform: 'Dewiswch ble cafodd y postiad ei wneud',
  errPostUrl: 'Rhowch y ddolen fel cyfeiriad gwe, fel https://www.facebook.com/…',
  errSeenAt: 'Rhowch y dyddiad a’r amser y gwelsoch chi’r postiad',
  errSeenAtFuture: 'Rhaid i’r amser y gwelsoch chi’r postiad fod nawr neu yn y gorffennol',
  errLocation: 'Dewiswch ble mae’r postiad',
  errText: 'Rhowch destun y postiad',
  errTextLong: 'Rhaid i destun y postiad fod yn {max} nod neu lai',
  errAtRisk: 'Dewiswch oes os oes unrhyw un mewn perygl ar hyn o bryd',
  errReporterName: 'Rhowch eich enw',
  errStaffNames: 'Rhowch enwau’r aelodau o staff, neu dad-diciwch “Aelodau o staff a enwir”',
  errScreenshotType: 'Rhaid i {name} fod yn llun PNG, JPEG neu WebP',
  errScreenshotSize: 'Rhaid i {name} fod yn llai na 5 MB',
  errScreenshotCount: 'Gallwch ychwanegu hyd at {max} sgrinlun',
  errServer: 'Ni dderbyniwyd yr adroddiad: {detail}',
  draftRestored:
    'Daethom o hyd i adroddiad nad oeddech chi wedi’i anfon, wedi’i gadw ar y ddyfais hon ar {time}. Mae wedi’i lenwi isod.',
  draftDiscard: 'Dechrau adroddiad newydd yn lle hynny',
  savedAt: 'Wedi’i gadw ar y ddyfais hon am {time}.',
  noStorage:
    'Dydy’r porwr hwn ddim yn gallu cadw copi ar y ddyfais hon. Anfonwch yr adroddiad cyn i chi gau’r dudalen.',
  pendingTitle: 'Mae eich adroddiad wedi’i gadw ond heb ei anfon eto',
  pendingBody:
    'Mae’n cael ei gadw ar y ddyfais hon, gyda’i sgrinluniau, a bydd yn cael ei anfon yn awtomatig pan ddaw’r cysylltiad yn ôl. Gallwch gau’r dudalen hon: bydd yn cael ei anfon y tro nesaf y bydd y ffurflen hon yn agor.',
  pendingOffline: 'Mae’r ddyfais hon all-lein.',
  pendingServer: 'Wnaeth y gweinydd ddim ateb.',
  pendingRetryAt: 'Rhoi cynnig arall am {time}.',
  pendingRefused:
    'Gwrthododd y gweinydd allwedd y ffurflen hon ({detail}). Dywedwch wrth reolwr y feddygfa; mae eich adroddiad yn aros wedi’i gadw ar y ddyfais hon.',
  pendingRateLimited: 'Cafodd gormod o adroddiadau eu hanfon o’r fan hon newydd nawr.',
  retryNow: 'Rhoi cynnig ar anfon nawr',
  successTitle: 'Adroddiad wedi’i anfon',
  successReference: 'Eich cyfeirnod',
  successSteps: 'Beth i’w wneud nawr',
  successCategories: 'Beth mae’r polisi yn ei weld yn y postiad',
  successNone:
    'Ni chafwyd hyd i ddim byd sy’n peri pryder yn awtomatig. Bydd rheolwr y feddygfa yn edrych arno.',
  another: 'Rhoi gwybod am bostiad arall',
};

export const PLATFORM_LABELS: Record<Locale, Record<Platform, string>> = {
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

export const LOCATION_LABELS: Record<Locale, Record<PostLocation, string>> = {
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

/** The patient question's answers; "staff" is a separate tick box (see authorKind in model.ts). */
export type PatientAnswer = Extract<AuthorKind, 'patient' | 'public' | 'unknown'>;

export const SEVERITY_LABELS: Record<Locale, Record<Severity, string>> = {
  'en-GB': { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  cy: { low: 'Isel', medium: 'Canolig', high: 'Uchel', critical: 'Difrifol iawn' },
};

/** Category names and the plain-language reason the policy cares, shown beside the matched words. */
export const CATEGORY_TEXT: Record<Locale, Record<Category, { name: string; why: string }>> = {
  'en-GB': {
    complaint: {
      name: 'Complaint',
      why: 'Unhappy with care or service. Do not argue in public; offer the complaints procedure privately.',
    },
    appointment_request: {
      name: 'Appointment or prescription request',
      why: 'Asks to book, cancel or for results over social media. Point them to the NHS App, online consultation or phone.',
    },
    enquiry: {
      name: 'General question',
      why: 'A non-clinical question that may be answered in business hours.',
    },
    feedback: {
      name: 'Feedback',
      why: 'Praise or neutral feedback. Thank them and point to NHS website reviews.',
    },
    clinical_disclosure: {
      name: 'Medical details shared',
      why: 'The author shares their own or a relative’s medical details. Never reply with clinical information.',
    },
    identifies_staff: {
      name: 'Names a member of staff',
      why: 'An individual member of staff can be identified. They and the manager should be told.',
    },
    abusive: {
      name: 'Abusive',
      why: 'Insulting, harassing, obscene or profane language. Save the evidence before it is removed.',
    },
    misinformation: {
      name: 'False health information',
      why: 'Health claims that are not true, for example about vaccines.',
    },
    patient_identifiable: {
      name: 'Another patient can be identified',
      why: 'Details that identify another patient (name with a condition, NHS number, date of birth, address).',
    },
    defamatory: {
      name: 'Possibly defamatory',
      why: 'A factual allegation of wrongdoing (fraud, negligence, crime). Do not engage publicly.',
    },
    recording: {
      name: 'Photo or recording',
      why: 'A photo, video or audio recording of staff or patients at the practice.',
    },
    discriminatory: {
      name: 'Discriminatory',
      why: 'Hateful content about race, religion, disability, sex, sexuality or another protected characteristic.',
    },
    threat: {
      name: 'Threat',
      why: 'A threat of violence or harm to staff, patients or the premises. Tell the manager now.',
    },
    harm_indication: {
      name: 'Risk of harm',
      why: 'A sign that someone may harm themselves or others, or that a child is at risk. This needs safeguarding now.',
    },
  },
  cy: {
    complaint: {
      name: 'Cwyn',
      why: 'Anfodlon â’r gofal neu’r gwasanaeth. Peidiwch â dadlau’n gyhoeddus; cynigiwch y weithdrefn gwyno yn breifat.',
    },
    appointment_request: {
      name: 'Cais am apwyntiad neu bresgripsiwn',
      why: 'Gofyn am drefnu, canslo neu am ganlyniadau ar y cyfryngau cymdeithasol. Cyfeiriwch nhw at Ap GIG, ymgynghori ar-lein neu’r ffôn.',
    },
    enquiry: {
      name: 'Cwestiwn cyffredinol',
      why: 'Cwestiwn anghlinigol y gellir ei ateb yn ystod oriau gwaith.',
    },
    feedback: {
      name: 'Adborth',
      why: 'Canmoliaeth neu adborth niwtral. Diolchwch iddyn nhw a’u cyfeirio at adolygiadau ar wefan y GIG.',
    },
    clinical_disclosure: {
      name: 'Manylion meddygol wedi’u rhannu',
      why: 'Mae’r awdur yn rhannu ei fanylion meddygol ei hun neu fanylion perthynas. Peidiwch byth ag ateb gyda gwybodaeth glinigol.',
    },
    identifies_staff: {
      name: 'Yn enwi aelod o staff',
      why: 'Mae modd adnabod aelod unigol o staff. Dylid dweud wrthyn nhw ac wrth y rheolwr.',
    },
    abusive: {
      name: 'Sarhaus',
      why: 'Iaith sarhaus, aflonyddus, anweddus neu gableddus. Cadwch y dystiolaeth cyn iddi gael ei thynnu.',
    },
    misinformation: {
      name: 'Gwybodaeth iechyd anghywir',
      why: 'Honiadau iechyd nad ydyn nhw’n wir, er enghraifft am frechlynnau.',
    },
    patient_identifiable: {
      name: 'Mae modd adnabod claf arall',
      why: 'Manylion sy’n adnabod claf arall (enw gyda chyflwr, rhif GIG, dyddiad geni, cyfeiriad).',
    },
    defamatory: {
      name: 'Difenwol o bosibl',
      why: 'Honiad ffeithiol o gamymddwyn (twyll, esgeulustod, trosedd). Peidiwch ag ymateb yn gyhoeddus.',
    },
    recording: {
      name: 'Llun neu recordiad',
      why: 'Llun, fideo neu recordiad sain o staff neu gleifion yn y feddygfa.',
    },
    discriminatory: {
      name: 'Gwahaniaethol',
      why: 'Cynnwys atgas am hil, crefydd, anabledd, rhyw, rhywioldeb neu nodwedd warchodedig arall.',
    },
    threat: {
      name: 'Bygythiad',
      why: 'Bygythiad o drais neu niwed i staff, cleifion neu’r adeilad. Dywedwch wrth y rheolwr nawr.',
    },
    harm_indication: {
      name: 'Perygl o niwed',
      why: 'Arwydd y gallai rhywun niweidio ei hun neu eraill, neu fod plentyn mewn perygl. Mae angen diogelu nawr.',
    },
  },
};

/**
 * The policy's first steps in Welsh, keyed by the action ids core returns. English uses the
 * server's own text (the policy's words); Welsh falls back to it for an id this table lacks.
 */
export const ACTION_TEXT_CY: Record<PolicyActionId, string> = {
  call_999_if_immediate_danger: 'Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999 nawr.',
  tell_manager_now: 'Dywedwch wrth reolwr y feddygfa ar unwaith, beth bynnag yw’r amser.',
  safeguarding_referral:
    'Gwnewch atgyfeiriad diogelu nawr: arweinydd diogelu’r feddygfa a thîm diogelu’r awdurdod lleol.',
  report_to_police: 'Rhowch wybod i’r heddlu am y bygythiad a chadwch gyfeirnod yr heddlu.',
  save_evidence:
    'Cadwch y dystiolaeth: sgrinlun gyda’r dyddiad, yr amser a’r ddolen, cyn i unrhyw beth gael ei dynnu.',
  hide_or_remove: 'Cuddiwch neu tynnwch y postiad oddi ar dudalen y feddygfa ei hun lle gallwch chi.',
  tell_data_protection_officer:
    'Dywedwch wrth y swyddog diogelu data: mae gwybodaeth claf arall wedi’i datgelu.',
  request_removal: 'Gofynnwch i’r awdur dynnu’r postiad, yn breifat.',
  report_to_platform: 'Rhowch wybod i’r platfform am y postiad o dan ei reolau.',
  consider_hate_crime_report: 'Ystyriwch roi gwybod i’r heddlu amdano fel trosedd casineb.',
  seek_mdu_or_legal_advice:
    'Peidiwch ag ymateb yn gyhoeddus; gofynnwch am gyngor yr MDU neu gyngor cyfreithiol os yw’r awdur yn gwrthod ei dynnu.',
  inform_staff_member: 'Dywedwch wrth yr aelod o staff a enwir, ac wrth reolwr y feddygfa.',
  block_repeat_poster: 'Rhwystrwch yr awdur rhag tudalennau’r feddygfa os yw’n postio eto.',
  consider_violent_patient_policy: 'Ystyriwch y polisi ar gleifion treisgar a sarhaus.',
  no_clinical_reply:
    'Peidiwch byth ag ateb gyda gwybodaeth glinigol, hyd yn oed os yw’r awdur eisoes wedi’i rhannu; symudwch y sgwrs oddi ar-lein.',
  factual_reply_nhs_link: 'Ystyriwch ateb byr, ffeithiol gyda dolen i wybodaeth y GIG.',
  do_not_argue_publicly:
    'Peidiwch â dadlau’n gyhoeddus: cydnabyddwch yn fyr a’u gwahodd i gysylltu â’r feddygfa yn breifat.',
  offer_complaints_procedure:
    'Cynigiwch y weithdrefn gwyno yn breifat. Dydy cwyn byth yn rheswm dros dynnu claf oddi ar y rhestr.',
  redirect_to_channels:
    'Atebwch yn gyhoeddus gan gyfeirio at Ap GIG, ymgynghori ar-lein neu’r ffôn; peidiwch â thrafod dim yn gyhoeddus.',
  answer_in_business_hours: 'Gellir ei ateb yn gyhoeddus, yn ystod oriau gwaith.',
  thank_and_point_to_reviews:
    'Diolchwch iddyn nhw, a’u cyfeirio at dudalen adolygiadau’r feddygfa ar wefan y GIG.',
};

export const STRINGS: Record<Locale, Strings> = { 'en-GB': en, cy };

/** Fills `{name}` slots; unknown slots are left as they are so a mistake is visible, not silent. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (slot, key: string) => (key in values ? String(values[key]) : slot));
