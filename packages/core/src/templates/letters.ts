// Private messages and letters to the author of a post. They name the post by platform, link and
// date, never by quoting it, and never say whether the reader is a patient of the practice.

import { localBodyName } from '../conduct/public-config.js';
import { PLATFORM_ON } from '../labels/index.js';
import type { Category, ConductClauseId, Locale, TemplateId } from '../model/constants.js';
import { complaintsRoute } from '../policy/nations.js';
import {
  bullets,
  clausesFor,
  formatDate,
  nonEmpty,
  paragraphs,
  practicePhone,
  type TemplateBody,
  type TemplateContext,
} from './context.js';
import { LAW_TEXT, lawsFor, orderedCategories } from './law.js';

type LetterId = Extract<TemplateId, 'removal_request' | 'complaint_invitation' | 'conduct_warning'>;

/** Why the post should come down, per category; none for categories that are not a breach. */
const REMOVAL_REASON: Readonly<Record<Locale, Readonly<Partial<Record<Category, string>>>>> = {
  'en-GB': {
    threat: 'it contains threatening material',
    patient_identifiable: 'it contains information that could identify another person',
    defamatory: 'it makes allegations that we believe to be untrue',
    recording: 'it includes a photo or recording made without consent',
    discriminatory: 'it contains discriminatory material',
    abusive: 'it contains abusive or offensive language',
    identifies_staff: 'it identifies a member of our staff',
    clinical_disclosure: 'it shares personal information in public',
    misinformation: 'it contains inaccurate health information',
    complaint: 'it raises a complaint in a place where we cannot respond to it properly',
  },
  cy: {
    threat: 'ei bod yn cynnwys deunydd bygythiol',
    patient_identifiable: 'ei bod yn cynnwys gwybodaeth a allai adnabod person arall',
    defamatory: 'ei bod yn gwneud honiadau y credwn eu bod yn anwir',
    recording: 'ei bod yn cynnwys llun neu recordiad a wnaed heb ganiatâd',
    discriminatory: 'ei bod yn cynnwys deunydd gwahaniaethol',
    abusive: 'ei bod yn cynnwys iaith sarhaus neu dramgwyddus',
    identifies_staff: 'ei bod yn adnabod aelod o’n staff',
    clinical_disclosure: 'ei bod yn rhannu gwybodaeth bersonol yn gyhoeddus',
    misinformation: 'ei bod yn cynnwys gwybodaeth anghywir am iechyd',
    complaint: 'ei bod yn codi cwyn mewn lle na allwn ymateb iddi’n iawn',
  },
};

/** The code-of-conduct clauses each category goes against. */
const CATEGORY_CLAUSES: Readonly<Record<Category, readonly ConductClauseId[]>> = {
  threat: ['no_unlawful_content', 'zero_tolerance'],
  harm_indication: [],
  patient_identifiable: ['others_confidentiality'],
  defamatory: ['no_unlawful_content'],
  recording: ['recording_consent'],
  discriminatory: ['no_unlawful_content', 'zero_tolerance'],
  abusive: ['no_unlawful_content', 'zero_tolerance'],
  identifies_staff: ['no_staff_identification', 'others_confidentiality'],
  clinical_disclosure: ['no_social_media_contact'],
  misinformation: ['no_unlawful_content'],
  complaint: ['complaints_procedure'],
  appointment_request: ['no_social_media_contact'],
  enquiry: [],
  feedback: ['reviews_channel'],
};

const categoriesOf = (context: TemplateContext): Category[] =>
  orderedCategories(context.incident?.categories ?? []);

function reasons(context: TemplateContext, except: Category[] = []): string[] {
  return categoriesOf(context)
    .filter((category) => !except.includes(category))
    .map((category) => REMOVAL_REASON[context.locale][category])
    .filter((reason): reason is string => reason !== undefined);
}

function relevantClauses(context: TemplateContext): string[] {
  const ids = [...new Set(categoriesOf(context).flatMap((category) => CATEGORY_CLAUSES[category]))];
  return clausesFor(context.practice, ids, context.locale);
}

function salutation({ incident, locale }: TemplateContext): string {
  const name = nonEmpty(incident?.report.author?.name);
  if (locale === 'cy') return `Annwyl ${name ?? 'Syr neu Fadam'},`;
  return `Dear ${name ?? 'Sir or Madam'},`;
}

const dateLine = ({ date, locale }: TemplateContext): string | undefined =>
  date ? formatDate(date, locale) : undefined;

/** "a post on Facebook (link), seen on 5 March 2026" without quoting the post. */
function postDescription({ incident, platform, locale }: TemplateContext): string {
  const on = incident?.report.platform ?? platform;
  const where = on ? ` ${PLATFORM_ON[locale][on]}` : '';
  const url = nonEmpty(incident?.report.postUrl);
  const seen = incident ? formatDate(incident.report.seenAt, locale) : undefined;
  if (locale === 'cy') return `neges${where}${url ? ` (${url})` : ''}${seen ? ` a welsom ar ${seen}` : ''}`;
  return `a post${where}${url ? ` (${url})` : ''}${seen ? `, seen on ${seen}` : ''}`;
}

function contactLine({ practice, locale }: TemplateContext): string {
  const phone = practicePhone(practice);
  const email = nonEmpty(practice.complaints.email);
  const ways = [phone, email].filter(Boolean).join(locale === 'cy' ? ' neu ' : ' or ');
  if (locale === 'cy') return `Os hoffech drafod hyn, cysylltwch â ni${ways ? `: ${ways}` : ''}.`;
  return `If you would like to talk about this, please contact us${ways ? ` on ${ways}` : ''}.`;
}

const signOff = ({ practice, locale }: TemplateContext): string =>
  `${locale === 'cy' ? 'Yn gywir' : 'Yours sincerely'},\n${practice.name}`;

const isComplaint = (context: TemplateContext): boolean =>
  categoriesOf(context).includes('complaint') || context.incident?.complaintInNature === true;

const removalRequest: Record<Locale, TemplateBody> = {
  'en-GB': (context) => {
    const why = reasons(context);
    const clauses = relevantClauses(context);
    const url = nonEmpty(context.practice.complaints.procedureUrl);
    return paragraphs(
      dateLine(context),
      salutation(context),
      `Request to remove a post: ${context.practice.name}`,
      `We are writing about ${postDescription(context)}. We ask you to remove it${
        why.length > 0 ? ` because:\n${bullets(why)}` : ', because it does not follow our code of conduct.'
      }`,
      clauses.length > 0 && `Our code of conduct for patients and visitors says:\n${bullets(clauses)}`,
      'We would be grateful if you could remove the post within 7 days.',
      isComplaint(context) &&
        `If you are unhappy with our service, we want to hear about it through our complaints procedure${
          url ? ` (${url})` : ''
        }, where we can look into it properly. Making a complaint will never count against you.`,
      contactLine(context),
      signOff(context),
    );
  },
  cy: (context) => {
    const why = reasons(context);
    const clauses = relevantClauses(context);
    const url = nonEmpty(context.practice.complaints.procedureUrl);
    return paragraphs(
      dateLine(context),
      salutation(context),
      `Cais i dynnu neges: ${context.practice.name}`,
      `Rydym yn ysgrifennu ynglŷn â ${postDescription(context)}. Gofynnwn i chi ei thynnu${
        why.length > 0 ? ` oherwydd:\n${bullets(why)}` : ', oherwydd nad yw’n dilyn ein cod ymddygiad.'
      }`,
      clauses.length > 0 &&
        `Mae ein cod ymddygiad ar gyfer cleifion ac ymwelwyr yn dweud:\n${bullets(clauses)}`,
      'Byddem yn ddiolchgar pe gallech dynnu’r neges o fewn 7 diwrnod.',
      isComplaint(context) &&
        `Os ydych yn anhapus â’n gwasanaeth, hoffem glywed am hynny drwy ein trefn gwyno${
          url ? ` (${url})` : ''
        }, lle gallwn edrych i mewn iddo’n iawn. Ni fydd gwneud cwyn byth yn cyfrif yn eich erbyn.`,
      contactLine(context),
      signOff(context),
    );
  },
};

/** The ways to complain to the practice, as a list. */
function complaintWays({ practice, locale }: TemplateContext): string[] {
  const { complaints } = practice;
  const phone = nonEmpty(complaints.phone) ?? practicePhone(practice);
  const address = nonEmpty(practice.address);
  const cy = locale === 'cy';
  return [
    nonEmpty(complaints.procedureUrl) && `${cy ? 'Ar-lein' : 'Online'}: ${complaints.procedureUrl}`,
    nonEmpty(complaints.email) && `${cy ? 'Drwy e-bost' : 'By email'}: ${complaints.email}`,
    phone && `${cy ? 'Dros y ffôn' : 'By phone'}: ${phone}`,
    nonEmpty(complaints.leafletUrl) &&
      `${cy ? 'Ein taflen gwynion' : 'Our complaints leaflet'}: ${complaints.leafletUrl}`,
    cy
      ? `Yn ysgrifenedig at Reolwr y Feddygfa${address ? `, ${address}` : ''}`
      : `In writing to the Practice Manager${address ? `, ${address}` : ''}`,
  ].filter((line): line is string => typeof line === 'string');
}

function icbContact({ practice }: TemplateContext): string {
  const parts = [practice.icb.url, practice.icb.email, practice.icb.phone].filter((part) => nonEmpty(part));
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}

/** The practice's nation's complaints route, its words in the locale with the local body named. */
function route(context: TemplateContext, locale: Locale) {
  const nation = complaintsRoute(context.practice.nation);
  const words = nation.words[locale];
  return {
    ...nation,
    words: {
      ...words,
      alternativeText: words.alternativeText.replace('{body}', localBodyName(context.practice, locale)),
    },
  };
}

const complaintInvitation: Record<Locale, TemplateBody> = {
  'en-GB': (context) =>
    paragraphs(
      dateLine(context),
      salutation(context),
      `How to make a complaint: ${context.practice.name}`,
      'Thank you for raising your concerns. We cannot deal with complaints on social media, but we want to look into them properly, so we invite you to make a formal complaint.',
      `How to complain to us:\n${bullets(complaintWays(context))}`,
      `We follow ${route(context, 'en-GB').words.procedure}.`,
      `Time limit: ${route(context, 'en-GB').words.timeLimit}`,
      `What happens next: we will acknowledge your complaint within ${route(context, 'en-GB').acknowledgeWithinWorkingDays} working days and tell you how we will handle it. If you are complaining on someone else’s behalf, we will need their consent.`,
      `${route(context, 'en-GB').words.alternativeText.replace(/\.$/, '')}${icbContact(context)}.`,
      `${route(context, 'en-GB').words.ombudsmanText} ${route(context, 'en-GB').ombudsman.url}, ${route(context, 'en-GB').ombudsman.phone}.`,
      route(context, 'en-GB').words.support,
      'Making a complaint will never count against you.',
      signOff(context),
    ),
  cy: (context) =>
    paragraphs(
      dateLine(context),
      salutation(context),
      `Sut i wneud cwyn: ${context.practice.name}`,
      'Diolch am godi eich pryderon. Ni allwn ymdrin â chwynion ar y cyfryngau cymdeithasol, ond rydym am edrych i mewn iddynt yn iawn, felly rydym yn eich gwahodd i wneud cwyn ffurfiol.',
      `Sut i gwyno wrthym:\n${bullets(complaintWays(context))}`,
      `Rydym yn dilyn ${route(context, 'cy').words.procedure}.`,
      `Terfyn amser: ${route(context, 'cy').words.timeLimit}`,
      `Beth sy’n digwydd nesaf: byddwn yn cydnabod eich cwyn cyn pen ${route(context, 'cy').acknowledgeWithinWorkingDays} diwrnod gwaith ac yn dweud wrthych sut y byddwn yn ei thrin. Os ydych yn cwyno ar ran rhywun arall, bydd angen eu caniatâd arnom.`,
      `${route(context, 'cy').words.alternativeText.replace(/\.$/, '')}${icbContact(context)}.`,
      `${route(context, 'cy').words.ombudsmanText} ${route(context, 'cy').ombudsman.url}, ${route(context, 'cy').ombudsman.phone}.`,
      route(context, 'cy').words.support,
      'Ni fydd gwneud cwyn byth yn cyfrif yn eich erbyn.',
      signOff(context),
    ),
};

const conductWarning: Record<Locale, TemplateBody> = {
  'en-GB': (context) => {
    // A complaint is never part of a warning.
    const why = reasons(context, ['complaint']);
    const laws = lawsFor(categoriesOf(context)).map((law) => LAW_TEXT['en-GB'][law]);
    const url = nonEmpty(context.practice.complaints.procedureUrl);
    return paragraphs(
      dateLine(context),
      salutation(context),
      `Formal written warning: ${context.practice.name}`,
      `We are writing about ${postDescription(context)}. We welcome feedback, including criticism, but this post is not constructive${
        why.length > 0 ? `:\n${bullets(why)}` : '.'
      }`,
      'Posts like this harm the relationship of trust between the practice and the people it serves, and they distress the staff who work here.',
      'The NHS Constitution asks everyone who uses the NHS to treat NHS staff and other people with respect, and says that abusive or violent behaviour could result in being refused access to NHS services.',
      laws.length > 0 &&
        `Depending on its content, a post like this may also break the law, including:\n${bullets(laws)}`,
      `We ask you to remove the post and not to post material like it again. If you do not, we may:\n${bullets(
        [
          'report the post to the platform and ask for it to be removed;',
          'take legal advice, and report it to the police where the law may have been broken;',
          'consider the further steps NHS rules allow when behaviour towards staff is abusive or threatening, which can include refusing access to services. This letter is the written warning those rules require.',
        ],
      )}`,
      `If your post is about a concern with our service, please use our complaints procedure${
        url ? ` (${url})` : ''
      } instead. A complaint is never a reason for any of the steps above.`,
      contactLine(context),
      signOff(context),
    );
  },
  cy: (context) => {
    const why = reasons(context, ['complaint']);
    const laws = lawsFor(categoriesOf(context)).map((law) => LAW_TEXT.cy[law]);
    const url = nonEmpty(context.practice.complaints.procedureUrl);
    return paragraphs(
      dateLine(context),
      salutation(context),
      `Rhybudd ysgrifenedig ffurfiol: ${context.practice.name}`,
      `Rydym yn ysgrifennu ynglŷn â ${postDescription(context)}. Rydym yn croesawu adborth, gan gynnwys beirniadaeth, ond nid yw’r neges hon yn adeiladol${
        why.length > 0 ? `, oherwydd:\n${bullets(why)}` : '.'
      }`,
      'Mae negeseuon fel hyn yn niweidio’r berthynas o ymddiriedaeth rhwng y feddygfa a’r bobl y mae’n eu gwasanaethu, ac yn achosi gofid i’r staff sy’n gweithio yma.',
      'Mae Cyfansoddiad y GIG yn gofyn i bawb sy’n defnyddio’r GIG drin staff y GIG a phobl eraill â pharch, ac yn dweud y gallai ymddygiad sarhaus neu dreisgar arwain at wrthod mynediad at wasanaethau’r GIG.',
      laws.length > 0 &&
        `Yn dibynnu ar ei chynnwys, gall neges fel hon hefyd dorri’r gyfraith, gan gynnwys:\n${bullets(laws)}`,
      `Gofynnwn i chi dynnu’r neges a pheidio â phostio deunydd tebyg eto. Os na wnewch hynny, efallai y byddwn yn:\n${bullets(
        [
          'rhoi gwybod i’r platfform am y neges a gofyn iddo ei thynnu;',
          'gofyn am gyngor cyfreithiol, a rhoi gwybod i’r heddlu lle gallai’r gyfraith fod wedi’i thorri;',
          'ystyried y camau pellach y mae rheolau’r GIG yn eu caniatáu pan fo ymddygiad tuag at staff yn sarhaus neu’n fygythiol, a all gynnwys gwrthod mynediad at wasanaethau. Y llythyr hwn yw’r rhybudd ysgrifenedig sy’n ofynnol dan y rheolau hynny.',
        ],
      )}`,
      `Os yw eich neges yn ymwneud â phryder am ein gwasanaeth, defnyddiwch ein trefn gwyno${
        url ? ` (${url})` : ''
      } yn lle hynny. Nid yw cwyn byth yn rheswm dros unrhyw un o’r camau uchod.`,
      contactLine(context),
      signOff(context),
    );
  },
};

export const LETTERS: Readonly<Record<LetterId, Record<Locale, TemplateBody>>> = {
  removal_request: removalRequest,
  complaint_invitation: complaintInvitation,
  conduct_warning: conductWarning,
};
