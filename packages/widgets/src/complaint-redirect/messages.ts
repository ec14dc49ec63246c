import type { Locale } from '../shared/i18n.js';

const en = {
  heading: 'Want to raise something?',
  interstitialHeading: 'Before you go to {platform}',
  interstitialIntro:
    'Social media is not the best way to reach us. Choose what you need and we will show you the quickest way.',
  urgentLead: 'Need medical help now?',
  urgentOnlineVerb: 'Use',
  nhs111Online: 'NHS 111 online',
  nhs24Online: 'NHS 24 online',
  outOfHoursLead: 'When we are closed, contact the',
  outOfHours: 'GP out-of-hours service',
  outOfHoursText:
    'If it is not an emergency and we are closed, contact the GP out-of-hours service for your area. They can tell you what to do and arrange for you to see someone.',
  orCall: 'or call',
  emergencyCall: 'In an emergency, call',
  legend: 'What do you want to do?',
  urgent: 'Get medical help now',
  complaint: 'Make a complaint',
  feedback: 'Leave a review or give feedback',
  appointments: 'Book or cancel an appointment, order a prescription or get test results',
  submit: 'Show me how',
  errorPrefix: 'Error:',
  errorNoChoice: 'Select what you want to do',
  announce: '{choice}: the answer is shown below.',
  // urgent
  urgentText:
    'If it is not an emergency, use {service} or call 111. They can tell you what to do and arrange for you to see someone.',
  call111: 'Call 111',
  emergencyText: 'Call 999 if someone is seriously ill or injured and their life is at risk.',
  call999: 'Call 999',
  // complaint
  complaintText: 'You can complain to {practice} in any of these ways:',
  procedure: 'Read our complaints procedure',
  emailTo: 'Email',
  callOn: 'Call',
  leaflet: 'Download our complaints leaflet',
  askReception: 'Ask at reception for a copy of our complaints procedure.',
  nextHeading: 'What happens next',
  ombudsmanWebsite: 'Ombudsman website',
  bodyWebsite: 'Their website',
  guidanceLink: 'More information: {procedure}',
  // feedback
  feedbackText:
    'You can review {practice} on the NHS website. We read every review and can reply to it there.',
  reviewLink: 'Leave a review on the NHS website',
  findLink: 'Find {practice} on the NHS website',
  // appointments
  appointmentsHeading: 'Appointments, prescriptions and test results',
  nhsAppText: 'to book and cancel appointments, order repeat prescriptions and see your test results.',
  nhsAppUse: 'Use the',
  nhsApp: 'NHS App',
  onlineConsultation: 'Use our online consultation form',
  callUs: 'Call us on',
  appointmentsNote: 'We cannot book appointments or discuss your care through social media.',
  // why
  whyHeading: 'Why not on social media?',
  whyText:
    'Complaints posted on social media are not treated as complaints, and posts that break our code of conduct may be removed. We cannot discuss your care in public. The routes above reach the right person, who can reply to you properly.',
  continueAnyway: 'Continue to {platform} anyway',
  loading: 'Loading the practice’s details…',
  error: 'Sorry, the practice’s details could not be loaded. Please contact the practice directly.',
};

const cy: typeof en = {
  heading: 'Hoffech chi godi rhywbeth?',
  interstitialHeading: 'Cyn i chi fynd i {platform}',
  interstitialIntro:
    'Nid y cyfryngau cymdeithasol yw’r ffordd orau o gysylltu â ni. Dewiswch beth sydd ei angen arnoch a byddwn yn dangos y ffordd gyflymaf i chi.',
  urgentLead: 'Angen cymorth meddygol nawr?',
  urgentOnlineVerb: 'Defnyddiwch',
  nhs111Online: 'GIG 111 ar-lein',
  nhs24Online: 'GIG 24 ar-lein',
  outOfHoursLead: 'Pan fyddwn ar gau, cysylltwch â’r',
  outOfHours: 'gwasanaeth meddyg teulu y tu allan i oriau',
  outOfHoursText:
    'Os nad yw’n argyfwng a’n bod ar gau, cysylltwch â gwasanaeth meddyg teulu y tu allan i oriau eich ardal. Gallant ddweud wrthych beth i’w wneud a threfnu i chi weld rhywun.',
  orCall: 'neu ffoniwch',
  emergencyCall: 'Mewn argyfwng, ffoniwch',
  legend: 'Beth hoffech chi ei wneud?',
  urgent: 'Cael cymorth meddygol nawr',
  complaint: 'Gwneud cwyn',
  feedback: 'Gadael adolygiad neu roi adborth',
  appointments: 'Trefnu neu ganslo apwyntiad, archebu presgripsiwn neu gael canlyniadau profion',
  submit: 'Dangos sut',
  errorPrefix: 'Gwall:',
  errorNoChoice: 'Dewiswch beth hoffech chi ei wneud',
  announce: '{choice}: mae’r ateb i’w weld isod.',
  urgentText:
    'Os nad yw’n argyfwng, defnyddiwch {service} neu ffoniwch 111. Gallant ddweud wrthych beth i’w wneud a threfnu i chi weld rhywun.',
  call111: 'Ffoniwch 111',
  emergencyText: 'Ffoniwch 999 os yw rhywun yn ddifrifol wael neu wedi’i anafu a bod ei fywyd mewn perygl.',
  call999: 'Ffoniwch 999',
  complaintText: 'Gallwch gwyno i {practice} mewn unrhyw un o’r ffyrdd hyn:',
  procedure: 'Darllen ein trefn gwyno',
  emailTo: 'E-bostio',
  callOn: 'Ffonio',
  leaflet: 'Lawrlwytho ein taflen gwyno',
  askReception: 'Gofynnwch yn y dderbynfa am gopi o’n trefn gwyno.',
  nextHeading: 'Beth sy’n digwydd nesaf',
  ombudsmanWebsite: 'Gwefan yr Ombwdsmon',
  bodyWebsite: 'Eu gwefan',
  guidanceLink: 'Rhagor o wybodaeth: {procedure}',
  feedbackText:
    'Gallwch adolygu {practice} ar wefan y GIG. Rydym yn darllen pob adolygiad a gallwn ymateb iddo yno.',
  reviewLink: 'Gadael adolygiad ar wefan y GIG',
  findLink: 'Dod o hyd i {practice} ar wefan y GIG',
  appointmentsHeading: 'Apwyntiadau, presgripsiynau a chanlyniadau profion',
  nhsAppText:
    'i drefnu a chanslo apwyntiadau, archebu presgripsiynau amlroddadwy a gweld canlyniadau eich profion.',
  nhsAppUse: 'Defnyddiwch',
  nhsApp: 'Ap GIG',
  onlineConsultation: 'Defnyddio ein ffurflen ymgynghori ar-lein',
  callUs: 'Ffoniwch ni ar',
  appointmentsNote: 'Ni allwn drefnu apwyntiadau na thrafod eich gofal drwy’r cyfryngau cymdeithasol.',
  whyHeading: 'Pam nad ar y cyfryngau cymdeithasol?',
  whyText:
    'Nid yw cwynion sy’n cael eu postio ar y cyfryngau cymdeithasol yn cael eu trin fel cwynion, a gall negeseuon sy’n torri ein cod ymddygiad gael eu dileu. Ni allwn drafod eich gofal yn gyhoeddus. Mae’r ffyrdd uchod yn cyrraedd y person iawn, a all ymateb i chi’n iawn.',
  continueAnyway: 'Parhau i {platform} beth bynnag',
  loading: 'Wrthi’n llwytho manylion y feddygfa…',
  error:
    'Mae’n ddrwg gennym, nid oedd modd llwytho manylion y feddygfa. Cysylltwch â’r feddygfa’n uniongyrchol.',
};

export type RedirectMessages = typeof en;
export const REDIRECT_MESSAGES: Record<Locale, RedirectMessages> = { 'en-GB': en, cy };
