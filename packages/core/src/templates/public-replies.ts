// Public replies: short, calm, and safe to post under anyone's comment. They never confirm that the
// author is a patient, never mention clinical details and never repeat the post. Each gives its
// variants longest first; the renderer picks the first that fits the platform's limit.

import type { Locale, TemplateId } from '../model/constants.js';
import { joinList, nonEmpty, practicePhone, type TemplateBody, type TemplateContext } from './context.js';

type PublicReplyId = Extract<
  TemplateId,
  | 'public_acknowledgement'
  | 'complaint_redirect'
  | 'appointment_redirect'
  | 'move_offline'
  | 'feedback_thanks'
>;

const variants = (...texts: (string | null)[]): string[] =>
  texts.filter((text): text is string => text !== null);

/** "Please contact X directly on 01234 567890." in each locale, from what the practice has. */
function contactSentence({ practice, locale }: TemplateContext, polite = true): string {
  const phone = practicePhone(practice);
  const website = nonEmpty(practice.website);
  if (locale === 'cy') {
    // The name goes after a colon so no Welsh mutation is needed on an English proper noun.
    const how = [practice.name, phone, phone ? undefined : website].filter(Boolean).join(', ');
    return `Cysylltwch â ni’n uniongyrchol${polite ? ', os gwelwch yn dda' : ''}: ${how}.`;
  }
  if (phone) return `Please contact ${practice.name} directly on ${phone}.`;
  if (website) return `Please contact ${practice.name} directly through ${website}.`;
  return `Please contact ${practice.name} directly.`;
}

const publicAcknowledgement: Record<Locale, TemplateBody> = {
  'en-GB': (context) => {
    const phone = practicePhone(context.practice);
    return variants(
      `Thank you for getting in touch. We’d like to help, but we can’t discuss individual matters here. ${contactSentence(context)}`,
      phone ? `Thank you. We’d like to help: please contact us directly on ${phone}.` : null,
      'Thank you. Please contact us directly so we can help.',
    );
  },
  cy: (context) => {
    const phone = practicePhone(context.practice);
    return variants(
      `Diolch am gysylltu â ni. Hoffem helpu, ond ni allwn drafod materion unigol yma. ${contactSentence(context)}`,
      phone ? `Diolch. Hoffem helpu: cysylltwch â ni’n uniongyrchol ar ${phone}.` : null,
      'Diolch. Cysylltwch â ni’n uniongyrchol er mwyn i ni allu helpu.',
    );
  },
};

const complaintRedirect: Record<Locale, TemplateBody> = {
  'en-GB': ({ practice }) => {
    const url = nonEmpty(practice.complaints.procedureUrl);
    const phone = nonEmpty(practice.complaints.phone) ?? practicePhone(practice);
    const how = url
      ? `Please use our complaints procedure: ${url}${phone ? ` or call ${practice.name} on ${phone}` : ''}.`
      : `Please contact ${practice.name}${phone ? ` on ${phone}` : ''} and ask about our complaints procedure.`;
    return variants(
      `Sorry to hear you’re unhappy. We can’t deal with complaints on social media, but we want to look into this properly. ${how}`,
      url || phone
        ? `Sorry to hear this. We can’t deal with complaints here; please use our complaints procedure: ${[url, phone && `call ${phone}`].filter(Boolean).join(' or ')}.`
        : null,
      url ? `Sorry to hear this. Please use our complaints procedure: ${url}` : null,
      'Sorry to hear this. Please contact us directly so we can look into it.',
    );
  },
  cy: ({ practice }) => {
    const url = nonEmpty(practice.complaints.procedureUrl);
    const phone = nonEmpty(practice.complaints.phone) ?? practicePhone(practice);
    const contact = [practice.name, phone].filter(Boolean).join(', ');
    const how = url
      ? `Defnyddiwch ein trefn gwyno: ${url}${phone ? `, neu ffoniwch ni: ${contact}` : ''}.`
      : `Cysylltwch â ni i ofyn am ein trefn gwyno: ${contact}.`;
    return variants(
      `Mae’n ddrwg gennym eich bod yn anhapus. Ni allwn ymdrin â chwynion yma, ond hoffem edrych i mewn i hyn yn iawn. ${how}`,
      url || phone
        ? `Mae’n ddrwg gennym glywed hyn. Ni allwn ymdrin â chwynion yma; defnyddiwch ein trefn gwyno: ${[url, phone && `ffoniwch ${phone}`].filter(Boolean).join(' neu ')}.`
        : null,
      url ? `Mae’n ddrwg gennym glywed hyn. Defnyddiwch ein trefn gwyno: ${url}` : null,
      'Mae’n ddrwg gennym glywed hyn. Cysylltwch â ni’n uniongyrchol er mwyn i ni allu edrych i mewn iddo.',
    );
  },
};

const appointmentRedirect: Record<Locale, TemplateBody> = {
  'en-GB': ({ practice }) => {
    const { nhsApp } = practice.appointments;
    const online = nonEmpty(practice.appointments.onlineConsultationUrl);
    const phone = nonEmpty(practice.appointments.phone) ?? practicePhone(practice);
    const use = [nhsApp ? 'the NHS App' : null, online ? `our online consultation (${online})` : null].filter(
      (part): part is string => part !== null,
    );
    const call = phone ? `call ${practice.name} on ${phone}` : null;
    const how =
      use.length > 0
        ? `Please use ${joinList(use, 'or')}${call ? `, or ${call}` : ''}.`
        : call
          ? `Please ${call}.`
          : `Please contact ${practice.name} directly.`;
    const shortHow = [nhsApp ? 'the NHS App' : null, phone ? `call ${phone}` : null]
      .filter(Boolean)
      .join(' or ');
    return variants(
      `We can’t book or cancel appointments, or deal with prescriptions or results, here. ${how}`,
      use.length > 0 && phone
        ? `We can’t book appointments here. Please use ${joinList(use, 'or')}, or call ${phone}.`
        : null,
      shortHow ? `We can’t book appointments here. Please use ${shortHow}.` : null,
      'We can’t book appointments here. Please contact us directly.',
    );
  },
  cy: ({ practice }) => {
    const { nhsApp } = practice.appointments;
    const online = nonEmpty(practice.appointments.onlineConsultationUrl);
    const phone = nonEmpty(practice.appointments.phone) ?? practicePhone(practice);
    const use = [
      nhsApp ? 'Ap GIG' : null,
      online ? `ein gwasanaeth ymgynghori ar-lein (${online})` : null,
    ].filter((part): part is string => part !== null);
    const call = phone ? `ffoniwch ni: ${practice.name}, ${phone}` : null;
    const how =
      use.length > 0
        ? `Defnyddiwch ${joinList(use, 'neu')}${call ? `, neu ${call}` : ''}.`
        : call
          ? `${call.charAt(0).toUpperCase()}${call.slice(1)}.`
          : `Cysylltwch â ni’n uniongyrchol: ${practice.name}.`;
    const shortHow = nhsApp
      ? `Defnyddiwch Ap GIG${phone ? ` neu ffoniwch ${phone}` : ''}.`
      : phone
        ? `Ffoniwch ${phone}.`
        : null;
    return variants(
      `Ni allwn ddelio ag apwyntiadau, presgripsiynau na chanlyniadau yma. ${how}`,
      use.length > 0 && phone
        ? `Ni allwn drefnu apwyntiadau yma. Defnyddiwch ${joinList(use, 'neu')}, neu ffoniwch ${phone}.`
        : null,
      shortHow ? `Ni allwn drefnu apwyntiadau yma. ${shortHow}` : null,
      'Ni allwn drefnu apwyntiadau yma. Cysylltwch â ni’n uniongyrchol.',
    );
  },
};

const moveOffline: Record<Locale, TemplateBody> = {
  'en-GB': (context) => {
    const phone = practicePhone(context.practice);
    return variants(
      `For your privacy, please don’t share medical or personal details here. We’d like to help: ${contactSentence(context).replace(/^Please c/, 'please c')} If you need help urgently, call 111, or 999 in an emergency.`,
      phone
        ? `For your privacy, please don’t share personal details here. Please contact us on ${phone}. In an emergency, call 999.`
        : null,
      'For your privacy, please don’t share personal details here. Please contact us directly.',
    );
  },
  cy: (context) => {
    const phone = practicePhone(context.practice);
    return variants(
      `Er mwyn diogelu eich preifatrwydd, peidiwch â rhannu manylion meddygol na phersonol yma. ${contactSentence(context, false)} Os oes angen cymorth brys arnoch, ffoniwch 111, neu 999 mewn argyfwng.`,
      phone
        ? `Er mwyn diogelu eich preifatrwydd, peidiwch â rhannu manylion personol yma. Cysylltwch â ni ar ${phone}. Mewn argyfwng, ffoniwch 999.`
        : null,
      'Peidiwch â rhannu manylion personol yma, os gwelwch yn dda. Cysylltwch â ni’n uniongyrchol.',
    );
  },
};

const feedbackThanks: Record<Locale, TemplateBody> = {
  'en-GB': ({ practice }) => {
    const url = nonEmpty(practice.reviews.nhsWebsiteUrl);
    return variants(
      `Thank you for your feedback; we’ll share it with the team. You can also leave a review on the NHS website, where we can reply: ${url ?? 'www.nhs.uk'}`,
      url ? `Thank you for your feedback. You can also review us on the NHS website: ${url}` : null,
      'Thank you for your feedback; we’ll share it with the team.',
    );
  },
  cy: ({ practice }) => {
    const url = nonEmpty(practice.reviews.nhsWebsiteUrl);
    return variants(
      `Diolch yn fawr am eich adborth; byddwn yn ei rannu gyda’r tîm. Gallwch hefyd adael adolygiad ar wefan y GIG, lle gallwn ymateb: ${url ?? 'www.nhs.uk'}`,
      url ? `Diolch am eich adborth. Gallwch hefyd adael adolygiad ar wefan y GIG: ${url}` : null,
      'Diolch yn fawr am eich adborth; byddwn yn ei rannu gyda’r tîm.',
    );
  },
};

export const PUBLIC_REPLIES: Readonly<Record<PublicReplyId, Record<Locale, TemplateBody>>> = {
  public_acknowledgement: publicAcknowledgement,
  complaint_redirect: complaintRedirect,
  appointment_redirect: appointmentRedirect,
  move_offline: moveOffline,
  feedback_thanks: feedbackThanks,
};
