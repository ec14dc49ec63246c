import { CONDUCT_CLAUSE_IDS, type ConductClauseId, type Locale } from '../model/constants.js';
import type { ConductClauseOverride, PracticeSettings } from '../model/settings.js';

export interface ConductClause {
  id: ConductClauseId;
  text: Record<Locale, string>;
}

type ClauseText = (settings: PracticeSettings) => string;

/** Where the practice wants to be contacted instead of on social media, in each locale. */
function channelList(settings: PracticeSettings, locale: Locale): string {
  const { appointments } = settings;
  const phone = appointments.phone ?? settings.phone;
  const parts: string[] = [];
  if (locale === 'cy') {
    if (appointments.nhsApp) parts.push('Ap GIG');
    if (appointments.onlineConsultationUrl)
      parts.push(`ein gwasanaeth ymgynghori ar-lein (${appointments.onlineConsultationUrl})`);
    if (phone) parts.push(`ffonio ${phone}`);
    if (parts.length === 0) return 'ffôn neu wefan y feddygfa';
    return joinList(parts, 'neu');
  }
  if (appointments.nhsApp) parts.push('the NHS App');
  if (appointments.onlineConsultationUrl)
    parts.push(`our online consultation service (${appointments.onlineConsultationUrl})`);
  if (phone) parts.push(`phone ${phone}`);
  if (parts.length === 0) return 'the practice’s phone line or website';
  return joinList(parts, 'or');
}

export function joinList(parts: readonly string[], conjunction: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${conjunction} ${parts.at(-1)}`;
}

const suffix = (url: string | undefined): string => (url ? `: ${url}` : '');

/** The policy's default wording. Our own words; the facts come from the practices' policies. */
const DEFAULT_TEXT: Readonly<Record<ConductClauseId, Record<Locale, ClauseText>>> = {
  devices_courtesy: {
    'en-GB': () =>
      'Please use phones and other devices considerately, with respect for other patients, visitors and staff. Do not use them during a consultation unless the clinician agrees.',
    cy: () =>
      'Defnyddiwch ffonau a dyfeisiau eraill yn ystyriol, gan barchu cleifion eraill, ymwelwyr a staff. Peidiwch â’u defnyddio yn ystod ymgynghoriad oni bai bod y clinigydd yn cytuno.',
  },
  others_confidentiality: {
    'en-GB': () =>
      'Never share information that could identify another patient or a member of staff, on social media or anywhere else, without that person’s consent.',
    cy: () =>
      'Peidiwch byth â rhannu gwybodaeth a allai adnabod claf arall neu aelod o staff, ar y cyfryngau cymdeithasol nac yn unman arall, heb ganiatâd yr unigolyn hwnnw.',
  },
  no_social_media_contact: {
    'en-GB': (settings) =>
      `Please do not use social media to book or cancel appointments, to send us medical information or to contact a member of staff. Use the practice’s own channels instead: ${channelList(settings, 'en-GB')}.`,
    cy: (settings) =>
      `Peidiwch â defnyddio’r cyfryngau cymdeithasol i drefnu neu ganslo apwyntiadau, i anfon gwybodaeth feddygol atom nac i gysylltu ag aelod o staff. Defnyddiwch sianeli’r feddygfa yn lle hynny: ${channelList(settings, 'cy')}.`,
  },
  recording_consent: {
    'en-GB': () =>
      'Do not take photos or make video or audio recordings in the waiting room or anywhere other patients are present, or of any member of staff, without their consent. You may record your own consultation only if the clinician agrees, and only for your own use.',
    cy: () =>
      'Peidiwch â thynnu lluniau na gwneud recordiadau fideo neu sain yn yr ystafell aros nac unrhyw le lle mae cleifion eraill, nac o unrhyw aelod o staff, heb eu caniatâd. Cewch recordio eich ymgynghoriad eich hun dim ond os yw’r clinigydd yn cytuno, a dim ond at eich defnydd eich hun.',
  },
  reviews_channel: {
    'en-GB': (settings) =>
      `If you would like to leave a review, please use the NHS website${suffix(settings.reviews.nhsWebsiteUrl)}, where the practice can read it and reply.`,
    cy: (settings) =>
      `Os hoffech adael adolygiad, defnyddiwch wefan y GIG${suffix(settings.reviews.nhsWebsiteUrl)}, lle gall y feddygfa ei ddarllen ac ymateb iddo.`,
  },
  no_staff_identification: {
    'en-GB': () =>
      'Please do not post comments on social media that name or otherwise identify individual members of staff.',
    cy: () =>
      'Peidiwch â phostio sylwadau ar y cyfryngau cymdeithasol sy’n enwi neu’n adnabod aelodau unigol o staff.',
  },
  no_unlawful_content: {
    'en-GB': () =>
      'Do not post anything inaccurate, threatening, harassing, obscene, defamatory or otherwise unlawful. Such posts on the practice’s pages will be removed and reported to the platform.',
    cy: () =>
      'Peidiwch â phostio unrhyw beth sy’n anghywir, yn fygythiol, yn aflonyddu, yn anweddus, yn ddifenwol neu’n anghyfreithlon mewn unrhyw ffordd arall. Caiff negeseuon o’r fath ar dudalennau’r feddygfa eu dileu, a byddwn yn rhoi gwybod amdanynt i’r platfform.',
  },
  zero_tolerance: {
    'en-GB': () =>
      'Abuse of our staff is not tolerated, online or in person. Threatening, abusive or false messages can be criminal offences under the Online Safety Act 2023, the Malicious Communications Act 1988, the Communications Act 2003 and the Protection from Harassment Act 1997, and abusive behaviour can lead to being refused access to NHS services.',
    cy: () =>
      'Nid ydym yn goddef cam-drin ein staff, ar-lein nac wyneb yn wyneb. Gall negeseuon bygythiol, sarhaus neu ffug fod yn droseddau o dan Ddeddf Diogelwch Ar-lein 2023, Deddf Cyfathrebu Maleisus 1988, Deddf Cyfathrebiadau 2003 a Deddf Diogelu rhag Aflonyddu 1997, a gall ymddygiad sarhaus arwain at wrthod mynediad at wasanaethau’r GIG.',
  },
  complaints_procedure: {
    'en-GB': (settings) =>
      `If you are unhappy with the care or service you have received, please use the practice’s complaints procedure${suffix(settings.complaints.procedureUrl)}. A complaint posted on social media is not treated as a formal complaint and may be removed.`,
    cy: (settings) =>
      `Os ydych yn anhapus â’r gofal neu’r gwasanaeth a gawsoch, defnyddiwch drefn gwyno’r feddygfa${suffix(settings.complaints.procedureUrl)}. Nid yw cwyn a gaiff ei phostio ar y cyfryngau cymdeithasol yn cael ei thrin fel cwyn ffurfiol, a gall gael ei dileu.`,
  },
};

/** The default wording of one clause for a practice, before its overrides. */
export function defaultClauseText(id: ConductClauseId, settings: PracticeSettings): Record<Locale, string> {
  const text = DEFAULT_TEXT[id];
  return { 'en-GB': text['en-GB'](settings), cy: text.cy(settings) };
}

/**
 * Merges the practice's overrides by id. An id listed twice keeps its first place; later entries
 * win field by field, so a settings form that appends changes behaves as expected.
 */
function mergeOverrides(
  overrides: readonly ConductClauseOverride[],
): Map<ConductClauseId, ConductClauseOverride> {
  const merged = new Map<ConductClauseId, ConductClauseOverride>();
  for (const override of overrides) {
    // Ignore ids that are not clauses (e.g. an old settings row naming a retired clause).
    if (!(CONDUCT_CLAUSE_IDS as readonly string[]).includes(override.id)) continue;
    const previous = merged.get(override.id);
    const enabled = override.enabled ?? previous?.enabled;
    merged.set(override.id, {
      id: override.id,
      ...(enabled === undefined ? {} : { enabled }),
      text: { ...previous?.text, ...override.text },
    });
  }
  return merged;
}

/** The practice's enabled clauses, in its order, with its rewording applied. */
export function conductClauses(settings: PracticeSettings): ConductClause[] {
  const overrides = mergeOverrides(settings.conduct.clauses);
  const order: ConductClauseId[] = [
    ...overrides.keys(),
    ...CONDUCT_CLAUSE_IDS.filter((id) => !overrides.has(id)),
  ];
  const clauses: ConductClause[] = [];
  for (const id of order) {
    const override = overrides.get(id);
    if (override?.enabled === false) continue;
    const text = defaultClauseText(id, settings);
    for (const [locale, wording] of Object.entries(override?.text ?? {}) as [Locale, string | undefined][]) {
      // Blank wording would leave an empty bullet on the practice's website: keep the default.
      if (locale in text && wording?.trim()) text[locale] = wording.trim();
    }
    clauses.push({ id, text });
  }
  return clauses;
}
