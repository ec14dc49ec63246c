// Which platform rule and which law a post may breach, chosen by its categories. The law is the
// current position (2026): the Online Safety Act 2023 false and threatening communications
// offences (in force 31 January 2024) replaced parts of the Malicious Communications Act 1988 and
// of s.127 of the Communications Act 2003; the remaining parts of both still apply.

import type { Category, Locale, Platform } from '../model/constants.js';
import { POLICY_ORDER } from '../model/policy.js';

export const LAW_IDS = [
  'osa_2023_s179',
  'osa_2023_s181',
  'mca_1988',
  'ca_2003_s127',
  'pha_1997',
  'defamation_2013',
  'uk_gdpr',
  'echr_art8',
] as const;
export type LawId = (typeof LAW_IDS)[number];

export const LAW_TEXT: Readonly<Record<Locale, Readonly<Record<LawId, string>>>> = {
  'en-GB': {
    osa_2023_s179: 'Online Safety Act 2023, section 179 (false communications offence)',
    osa_2023_s181: 'Online Safety Act 2023, section 181 (threatening communications offence)',
    mca_1988: 'Malicious Communications Act 1988',
    ca_2003_s127: 'Communications Act 2003, section 127 (grossly offensive messages)',
    pha_1997: 'Protection from Harassment Act 1997 (where it is part of a course of conduct)',
    defamation_2013: 'Defamation Act 2013',
    uk_gdpr: 'UK GDPR, Article 5 (personal data used unlawfully; misuse of private information)',
    echr_art8:
      'Article 8 of the European Convention on Human Rights (respect for private life), under the Human Rights Act 1998',
  },
  cy: {
    osa_2023_s179: 'Deddf Diogelwch Ar-lein 2023, adran 179 (trosedd cyfathrebu ffug)',
    osa_2023_s181: 'Deddf Diogelwch Ar-lein 2023, adran 181 (trosedd cyfathrebu bygythiol)',
    mca_1988: 'Deddf Cyfathrebu Maleisus 1988',
    ca_2003_s127: 'Deddf Cyfathrebiadau 2003, adran 127 (negeseuon hynod dramgwyddus)',
    pha_1997: 'Deddf Diogelu rhag Aflonyddu 1997 (pan fo’n rhan o batrwm o ymddygiad)',
    defamation_2013: 'Deddf Difenwi 2013',
    uk_gdpr:
      'GDPR y DU, Erthygl 5 (defnyddio data personol yn anghyfreithlon; camddefnyddio gwybodaeth breifat)',
    echr_art8:
      'Erthygl 8 o’r Confensiwn Ewropeaidd ar Hawliau Dynol (parch at fywyd preifat), o dan Ddeddf Hawliau Dynol 1998',
  },
};

/** The law each category may engage. Categories that are not a breach (a complaint, say) have none. */
export const CATEGORY_LAW: Readonly<Record<Category, readonly LawId[]>> = {
  threat: ['osa_2023_s181', 'mca_1988', 'pha_1997'],
  harm_indication: [],
  patient_identifiable: ['uk_gdpr', 'echr_art8'],
  defamatory: ['defamation_2013', 'osa_2023_s179'],
  recording: ['echr_art8', 'uk_gdpr'],
  discriminatory: ['ca_2003_s127', 'mca_1988', 'pha_1997'],
  abusive: ['ca_2003_s127', 'mca_1988', 'pha_1997'],
  identifies_staff: ['uk_gdpr', 'echr_art8', 'pha_1997'],
  clinical_disclosure: [],
  misinformation: ['osa_2023_s179'],
  complaint: [],
  appointment_request: [],
  enquiry: [],
  feedback: [],
};

/** The platform's own rulebook, as its report forms name it. */
export const PLATFORM_RULEBOOK: Readonly<Record<Locale, Readonly<Record<Platform, string>>>> = {
  'en-GB': {
    facebook: 'Meta’s Community Standards',
    instagram: 'Instagram’s Community Guidelines',
    x: 'the X Rules',
    tiktok: 'TikTok’s Community Guidelines',
    linkedin: 'LinkedIn’s Professional Community Policies',
    youtube: 'YouTube’s Community Guidelines',
    whatsapp: 'WhatsApp’s Terms of Service',
    nhs_website: 'the NHS website’s comments policy',
    google_reviews: 'Google’s policy for user-contributed content on Maps',
    community_group: 'the group’s rules and the platform’s community standards',
    other: 'the site’s terms of use',
  },
  cy: {
    facebook: 'Safonau Cymunedol Meta (Community Standards)',
    instagram: 'Canllawiau Cymunedol Instagram (Community Guidelines)',
    x: 'Rheolau X (X Rules)',
    tiktok: 'Canllawiau Cymunedol TikTok (Community Guidelines)',
    linkedin: 'Polisïau Cymuned Broffesiynol LinkedIn (Professional Community Policies)',
    youtube: 'Canllawiau Cymunedol YouTube (Community Guidelines)',
    whatsapp: 'Telerau Gwasanaeth WhatsApp (Terms of Service)',
    nhs_website: 'polisi sylwadau gwefan y GIG',
    google_reviews: 'polisi Google ar gynnwys gan ddefnyddwyr ar Maps',
    community_group: 'rheolau’r grŵp a safonau cymunedol y platfform',
    other: 'telerau defnyddio’r safle',
  },
};

/** The kind of rule each category breaks, in the words platforms use for their report reasons. */
export const CATEGORY_PLATFORM_RULE: Readonly<Record<Locale, Readonly<Partial<Record<Category, string>>>>> = {
  'en-GB': {
    threat: 'violent threats',
    harm_indication: 'suicide and self-harm: please check on the author’s safety',
    patient_identifiable: 'sharing someone’s private information without consent',
    defamatory: 'false allegations about identifiable people',
    recording: 'private images or recordings shared without consent',
    discriminatory: 'hateful conduct',
    abusive: 'bullying and harassment',
    identifies_staff: 'targeting a private individual (a member of staff)',
    misinformation: 'harmful health misinformation',
  },
  cy: {
    threat: 'bygythiadau treisgar',
    harm_indication: 'hunanladdiad a hunan-niweidio: gwiriwch fod yr awdur yn ddiogel',
    patient_identifiable: 'rhannu gwybodaeth breifat rhywun heb ganiatâd',
    defamatory: 'honiadau ffug am bobl y gellir eu hadnabod',
    recording: 'delweddau neu recordiadau preifat a rannwyd heb ganiatâd',
    discriminatory: 'ymddygiad casineb',
    abusive: 'bwlio ac aflonyddu',
    identifies_staff: 'targedu unigolyn preifat (aelod o staff)',
    misinformation: 'camwybodaeth niweidiol am iechyd',
  },
};

/** Categories in policy order, de-duplicated. */
export const orderedCategories = (categories: Iterable<Category>): Category[] => {
  const present = new Set(categories);
  return POLICY_ORDER.filter((category) => present.has(category));
};

/** The laws a set of categories may engage, most serious category first, each once. */
export function lawsFor(categories: Iterable<Category>): LawId[] {
  const laws = new Set<LawId>();
  for (const category of orderedCategories(categories))
    for (const law of CATEGORY_LAW[category]) laws.add(law);
  return [...laws];
}

/** The platform rules a set of categories breaks, most serious first. */
export function platformRulesFor(categories: Iterable<Category>, locale: Locale): string[] {
  return orderedCategories(categories)
    .map((category) => CATEGORY_PLATFORM_RULE[locale][category])
    .filter((rule): rule is string => rule !== undefined);
}
