// The public replies go under anyone's post, so they are held to the policy's own reply rule: the
// classifier must find no clinical details, no patient-identifiable data and no staff names in
// them, and no template may confirm that someone is a patient of the practice.

import { describe, expect, it } from 'vitest';
import { classify } from '../classifier/classify.js';
import { type Category, LOCALES, PLATFORMS, TEMPLATE_IDS } from '../model/constants.js';
import { withDefaults } from '../model/settings.js';
import { summarise } from '../monitoring/summarise.js';
import { renderTemplate, TEMPLATES } from './render.js';
import { incident, practice } from './test-fixtures.js';

const PUBLIC_REPLIES = TEMPLATES.filter((template) => template.channel === 'public_reply').map(
  (template) => template.id,
);

const FORBIDDEN_IN_REPLIES: readonly Category[] = [
  'clinical_disclosure',
  'patient_identifiable',
  'identifies_staff',
];

/** Practices with every optional channel, and with none: the wording differs between them. */
const PRACTICES = [
  practice(),
  withDefaults({
    name: 'Meddygfa Tŷ Gwyn',
    ods: 'W91001',
    phone: '01970 123456',
    locale: 'cy',
    appointments: { nhsApp: false },
    staff: [{ name: 'Dr Dafydd Owen', role: 'GP' }],
  }),
  withDefaults({ name: 'Millbrook Medical Centre', ods: 'N83032' }),
];

/** Every distinct public reply the templates can produce for these practices. */
function publicReplies(): { label: string; text: string; staff: (typeof PRACTICES)[number]['staff'] }[] {
  const seen = new Map<string, { label: string; text: string; staff: (typeof PRACTICES)[number]['staff'] }>();
  for (const settings of PRACTICES)
    for (const id of PUBLIC_REPLIES)
      for (const locale of LOCALES)
        for (const platform of PLATFORMS) {
          const { text } = renderTemplate(id, { practice: settings, locale, platform });
          if (!seen.has(text))
            seen.set(text, {
              label: `${settings.name} ${id} ${locale} ${platform}`,
              text,
              staff: settings.staff,
            });
        }
  return [...seen.values()];
}

describe('public replies pass the policy’s reply check', () => {
  const replies = publicReplies();

  it('covers the wording variants (full and shortened)', () => {
    expect(replies.length).toBeGreaterThan(PUBLIC_REPLIES.length * LOCALES.length * 2);
  });

  it('the classifier finds no clinical details, patient-identifiable data or staff names in any of them', () => {
    const problems: string[] = [];
    for (const reply of replies) {
      const found = classify(reply.text, { staff: reply.staff, rulesOnly: true }).categories.filter(
        (finding) => FORBIDDEN_IN_REPLIES.includes(finding.id),
      );
      for (const finding of found)
        problems.push(
          `${reply.label}: ${finding.id} (${finding.evidence.map((span) => span.excerpt).join(', ')})`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('the check is live: a deliberately unsafe reply is caught', () => {
    const staff = PRACTICES[0]?.staff ?? [];
    const found = (text: string) =>
      classify(text, { staff, rulesOnly: true }).categories.map((finding) => finding.id);
    expect(found('Thank you. Dr Priya Raman will call you back today.')).toContain('identifies_staff');
    expect(found('Mrs Jones, NHS number 943 476 5919, has been told.')).toContain('patient_identifiable');
    expect(found('My son was diagnosed with epilepsy last week.')).toContain('clinical_disclosure');
  });
});

// Phrases that would tell the world the author is on the practice's list, or speak about their care.
const PATIENT_CONFIRMING = [
  /\bour patients?\b/i,
  /\bas (a|our) patient\b/i,
  /\bpatient of (the|our|this) (practice|surgery)\b/i,
  /\bregistered (with|at) (us|the practice|our)\b/i,
  /\byour (care|treatment|records?|notes|diagnosis|medication|prescription|results?|referral|GP|doctor|appointment|consultation)\b/i,
  /\bwe (have )?(checked|looked at|reviewed) your\b/i,
  /\bein claf\b|\bein cleifion\b/i,
  /\bfel claf\b/i,
  /\bwedi cofrestru\b/i,
  /\beich (gofal|triniaeth|cofnodion|diagnosis|meddyginiaeth|presgripsiwn|canlyniadau|apwyntiad|meddyg)\b/i,
];

describe('no template confirms that someone is a patient', () => {
  const summary = summarise([incident(['complaint'])], {
    from: '2026-03-01T00:00:00Z',
    to: '2026-04-01T00:00:00Z',
  });
  const categorySets: Category[][] = [
    ['complaint'],
    ['abusive', 'identifies_staff'],
    ['threat'],
    ['clinical_disclosure'],
    [],
  ];

  for (const id of TEMPLATE_IDS) {
    // The internal texts speak about patients in general (policy steps), not to the author.
    if (id === 'staff_alert' || id === 'monitoring_summary') continue;
    it(`${id} never uses a patient-confirming phrase`, () => {
      for (const settings of PRACTICES)
        for (const locale of LOCALES)
          for (const categories of categorySets) {
            const { text } = renderTemplate(id, {
              practice: settings,
              incident: incident(categories),
              summary,
              locale,
            });
            for (const phrase of PATIENT_CONFIRMING) expect(text, `${id} ${locale}`).not.toMatch(phrase);
          }
    });
  }

  it('the phrase check catches what it is meant to catch', () => {
    const caught = (text: string) => PATIENT_CONFIRMING.some((phrase) => phrase.test(text));
    expect(caught('As our patient, you can call us.')).toBe(true);
    expect(caught('We have checked your records.')).toBe(true);
    expect(caught('Rydym wedi edrych ar eich cofnodion fel claf.')).toBe(true);
    expect(caught('Please contact us directly on 01234 567890.')).toBe(false);
  });
});
