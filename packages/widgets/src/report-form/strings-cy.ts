import type { PolicyActionId } from '@policy/core';
import type { LocaleText, Strings } from './strings.js';

// The report form in Welsh: a chunk of its own, fetched only when the form is shown in Welsh.

const form: Strings = {
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
  riskYes: 'Oes',
  riskNo: 'Nac oes',
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
  classifyOffline:
    'Mae angen cysylltiad i wirio’r testun. Gallwch anfon yr adroddiad o hyd: caiff ei gadw ar y ddyfais hon nes iddo fynd.',
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
  pendingBusy: 'Doedd y gweinydd ddim yn gallu ei dderbyn ar hyn o bryd.',
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

export const CY_TEXT: LocaleText = {
  form,
  platforms: {
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
  locations: {
    practice_page: 'Ar dudalen neu gyfrif y feddygfa ei hun',
    author_account: 'Ar dudalen neu gyfrif yr awdur ei hun',
    group: 'Mewn grŵp (er enghraifft grŵp cymunedol lleol)',
    other: 'Rhywle arall',
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
