// The text a manager pastes into a platform's report form: who is reporting, which post, which of
// the platform's rules and which UK law it breaches. It points to the post; it never quotes it.

import { PLATFORM_ON } from '../labels/index.js';
import type { Locale } from '../model/constants.js';
import { bullets, formatDate, nonEmpty, paragraphs, practicePhone, type TemplateBody } from './context.js';
import { LAW_TEXT, lawsFor, PLATFORM_RULEBOOK, platformRulesFor } from './law.js';

export const PLATFORM_REPORT: Record<Locale, TemplateBody> = {
  'en-GB': ({ practice, incident, platform }) => {
    const on = incident?.report.platform ?? platform ?? 'other';
    const categories = incident?.categories ?? [];
    const rules = platformRulesFor(categories, 'en-GB');
    const laws = lawsFor(categories).map((law) => LAW_TEXT['en-GB'][law]);
    const url = nonEmpty(incident?.report.postUrl);
    const phone = practicePhone(practice);
    const email = nonEmpty(practice.complaints.email);
    return paragraphs(
      `Report from ${practice.name}, an NHS GP practice (ODS code ${practice.ods}).`,
      `Post: ${url ?? 'the post this report is attached to'}, ${PLATFORM_ON['en-GB'][on]}${
        incident ? `, seen on ${formatDate(incident.report.seenAt, 'en-GB', true)}` : ''
      }.`,
      `We believe this post breaches ${PLATFORM_RULEBOOK['en-GB'][on]}${rules.length > 0 ? `:\n${bullets(rules)}` : '.'}`,
      laws.length > 0 && `It may also break UK law:\n${bullets(laws)}`,
      incident?.severity === 'critical' && 'Please treat this report as urgent.',
      incident && incident.evidence.length > 0 && 'We have kept dated evidence of the post.',
      `Please review the post and remove it.${
        phone || email ? ` You can contact us on ${[phone, email].filter(Boolean).join(' or ')}.` : ''
      }`,
    );
  },
  cy: ({ practice, incident, platform }) => {
    const on = incident?.report.platform ?? platform ?? 'other';
    const categories = incident?.categories ?? [];
    const rules = platformRulesFor(categories, 'cy');
    const laws = lawsFor(categories).map((law) => LAW_TEXT.cy[law]);
    const url = nonEmpty(incident?.report.postUrl);
    const phone = practicePhone(practice);
    const email = nonEmpty(practice.complaints.email);
    return paragraphs(
      `Adroddiad gan ${practice.name}, meddygfa’r GIG (cod ODS ${practice.ods}).`,
      `Neges: ${url ?? 'y neges sydd ynghlwm wrth yr adroddiad hwn'}, ${PLATFORM_ON.cy[on]}${
        incident ? `, a welsom ar ${formatDate(incident.report.seenAt, 'cy', true)}` : ''
      }.`,
      `Credwn fod y neges hon yn torri ${PLATFORM_RULEBOOK.cy[on]}${rules.length > 0 ? `:\n${bullets(rules)}` : '.'}`,
      laws.length > 0 && `Gall hefyd dorri cyfraith y DU:\n${bullets(laws)}`,
      incident?.severity === 'critical' && 'Rhowch sylw brys i’r adroddiad hwn, os gwelwch yn dda.',
      incident && incident.evidence.length > 0 && 'Rydym wedi cadw tystiolaeth wedi’i dyddio o’r neges.',
      `Adolygwch y neges a’i thynnu, os gwelwch yn dda.${
        phone || email ? ` Gallwch gysylltu â ni ar ${[phone, email].filter(Boolean).join(' neu ')}.` : ''
      }`,
    );
  },
};
