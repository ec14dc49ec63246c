import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_TEXT, PARTNER_STEP_TEXT, type PolicyActionId, REPORTER_STEP_TEXT } from '../labels/index.js';
import { AUTHOR_KINDS, CATEGORIES, type Category, LOCALES } from '../model/constants.js';
import { policyFor } from '../model/policy.js';
import { summarise } from '../monitoring/summarise.js';
import { renderTemplate } from '../templates/render.js';
import { incident, practice } from '../templates/test-fixtures.js';
import { partnerSteps, reporterStepIds, reporterSteps } from './guidance.js';

// Words that ask the reader to deal with the author: reply, answer, contact, ask, message, invite,
// thank, acknowledge, tell them, point them. In a reporter's step they may only appear in a
// prohibition ("Do not reply…", "Peidiwch ag ateb…").
const ENGAGE = {
  'en-GB':
    /\b(repl(y|ies)|respond|answer|contact|ask|message|invite|thank|acknowledge|tell them|point them|get in touch)\b/i,
  cy: /\b(ateb|atebwch|ymateb|cysylltu|cysylltwch|gofyn|gofynnwch|gwahodd|gwahoddwch|diolch|diolchwch|cydnabod|cydnabyddwch)\b/i,
} as const;
const PROHIBITION = { 'en-GB': /^(do not|don’t|don't|never)\b/i, cy: /^(peidiwch|na\b)/i } as const;

/** The sentences of a step that ask the reader to engage without forbidding it. */
function engagingSentences(text: string, locale: (typeof LOCALES)[number]): string[] {
  return text
    .split(/(?<=[.:;])\s+/)
    .filter((sentence) => ENGAGE[locale].test(sentence) && !PROHIBITION[locale].test(sentence.trim()));
}

const categorySets = fc.subarray([...CATEGORIES]);
const flags = fc.record({
  atRisk: fc.boolean(),
  authorKind: fc.constantFrom(...AUTHOR_KINDS),
  screenshotCount: fc.integer({ min: 0, max: 5 }),
});

describe('guidance for the reporter', () => {
  it('the checker itself catches steps that ask the reader to engage the author', () => {
    // The manager's steps do engage the author: if the checker found nothing here it would be blind.
    for (const locale of LOCALES) {
      const offending = Object.values(ACTION_TEXT[locale]).flatMap((text) => engagingSentences(text, locale));
      expect(offending.length).toBeGreaterThan(3);
    }
    expect(engagingSentences('Ask the author to remove the post, privately.', 'en-GB')).toHaveLength(1);
    expect(engagingSentences('Gofynnwch i’r awdur dynnu’r neges, yn breifat.', 'cy')).toHaveLength(1);
  });

  it('never tells the reporter to contact, answer or ask anything of the author, for any categories and flags', () => {
    fc.assert(
      fc.property(categorySets, flags, fc.constantFrom(...LOCALES), (categories, reporterFlags, locale) => {
        const steps = reporterSteps(categories, reporterFlags, locale);
        for (const step of steps) expect(engagingSentences(step.text, locale)).toEqual([]);
        // And none of the manager's author-facing actions leaks in under its own words.
        const authorFacing = new Set(
          Object.values(ACTION_TEXT[locale]).filter((text) => engagingSentences(text, locale).length > 0),
        );
        for (const step of steps) expect(authorFacing.has(step.text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('every step the reporter can ever be given passes the check, in both languages (so every combination does)', () => {
    for (const locale of LOCALES)
      for (const text of Object.values(REPORTER_STEP_TEXT[locale]))
        expect(engagingSentences(text, locale)).toEqual([]);
  });

  it('always tells the reporter what happens next and, unless the author is staff, not to engage', () => {
    fc.assert(
      fc.property(categorySets, flags, (categories, reporterFlags) => {
        const ids = reporterStepIds(categories, reporterFlags);
        expect(ids.includes('tell_manager_now') || ids.includes('manager_has_it')).toBe(true);
        expect(ids.includes('do_not_engage')).toBe(reporterFlags.authorKind !== 'staff');
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it('puts urgent help first when someone is at risk or the post is critical', () => {
    fc.assert(
      fc.property(categorySets, flags, (categories, reporterFlags) => {
        const critical = categories.some(
          (category) => category === 'threat' || category === 'harm_indication',
        );
        const ids = reporterStepIds(categories, reporterFlags);
        if (critical || reporterFlags.atRisk) {
          expect(ids[0]).toBe('call_999');
          expect(ids).toContain('tell_manager_now');
        } else {
          expect(ids).not.toContain('call_999');
          expect(ids).toContain('manager_has_it');
        }
      }),
    );
  });

  it('a threat: 999, look after yourself, 101, tell the manager now, keep the evidence, do not engage', () => {
    expect(reporterStepIds(['threat'], { atRisk: false })).toEqual([
      'call_999',
      'stay_safe',
      'call_101',
      'tell_manager_now',
      'keep_evidence',
      'do_not_engage',
    ]);
    // The evidence is already with the manager when screenshots went with the report.
    expect(reporterStepIds(['threat'], { screenshotCount: 2 })).not.toContain('keep_evidence');
  });

  it('harm to someone: the safeguarding lead', () => {
    expect(reporterStepIds(['harm_indication'])).toContain('tell_safeguarding_lead');
    expect(reporterStepIds([], { atRisk: true })).toContain('tell_safeguarding_lead');
    expect(reporterStepIds(['complaint'])).not.toContain('tell_safeguarding_lead');
  });

  it('has every step in both languages', () => {
    for (const id of Object.keys(REPORTER_STEP_TEXT['en-GB']) as (keyof (typeof REPORTER_STEP_TEXT)['cy'])[])
      expect(REPORTER_STEP_TEXT.cy[id].length).toBeGreaterThan(20);
  });
});

describe('guidance for the partners', () => {
  it('names their decisions: removal, warnings, legal steps; never removal for a complaint', () => {
    expect(partnerSteps(['threat']).map((step) => step.id)).toContain('decide_immediate_removal');
    expect(partnerSteps(['defamatory']).map((step) => step.id)).toContain('decide_legal_steps');
    expect(partnerSteps(['complaint']).map((step) => step.id)).toEqual(['never_remove_for_complaint']);
    expect(partnerSteps(['feedback'])).toEqual([]);
  });
});

describe('the monitoring summary, addressed to the partners', () => {
  it('lists the decisions the period leaves to the partners, in their language, and none for praise alone', () => {
    const base = summarise([], { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    const withThreats = { ...base, total: 2, byCategory: { ...base.byCategory, threat: 1, complaint: 1 } };
    for (const locale of LOCALES) {
      const text = renderTemplate('monitoring_summary', {
        practice: practice(),
        summary: withThreats,
        locale,
      }).text;
      expect(text).toContain(PARTNER_STEP_TEXT[locale].decide_immediate_removal);
      expect(text).toContain(PARTNER_STEP_TEXT[locale].never_remove_for_complaint);
    }
    const praise = { ...base, total: 1, byCategory: { ...base.byCategory, feedback: 1 } };
    const text = renderTemplate('monitoring_summary', { practice: practice(), summary: praise }).text;
    for (const step of Object.values(PARTNER_STEP_TEXT['en-GB'])) expect(text).not.toContain(step);
  });
});

describe('guidance for the manager', () => {
  const critical: Category[] = ['threat', 'harm_indication'];
  it('the staff alert, addressed to the manager, never tells the manager to tell the manager', () => {
    for (const locale of LOCALES) {
      const alert = renderTemplate('staff_alert', {
        practice: practice(),
        incident: incident(critical),
        locale,
      }).text;
      expect(alert).not.toMatch(/tell the practice manager|wrth reolwr y feddygfa/i);
      for (const action of policyFor(critical).actions)
        expect(alert).toContain(ACTION_TEXT[locale][action.id as PolicyActionId]);
    }
  });
});
