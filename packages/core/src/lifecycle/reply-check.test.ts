// The public-reply check with the real classifier and the real templates.

import { describe, expect, it } from 'vitest';
import type { Platform } from '../model/constants.js';
import { LOCALES } from '../model/constants.js';
import type { IncidentEvent } from '../model/incident.js';
import { renderTemplate, TEMPLATES } from '../templates/render.js';
import { at, ctx, ev, manager, report, run, settings } from './fixtures.test.support.js';
import { replyIsSafe } from './guards.js';
import { readerView } from './reader-view.js';
import { transition } from './transition.js';

const check = (text: string, platform: Platform = 'facebook') =>
  replyIsSafe(text, platform, ctx)?.rule ?? null;

describe('reader view of a reply', () => {
  it('turns second person into first and maps offsets back to the reply as written', () => {
    const reply = 'Sorry you’re unwell; we hope your chest infection clears. Yours, the team';
    const view = readerView(reply);
    expect(view.text).toBe('Sorry I’m unwell; we hope my chest infection clears. mine, the team');
    const start = view.text.indexOf('chest infection');
    const end = start + 'chest infection'.length;
    expect(reply.slice(view.toOriginal(start), view.toOriginal(end))).toBe('chest infection');
    expect(readerView('Thank them for it.').text).toBe('Thank them for it.');
  });
});

describe('public reply check', () => {
  it('refuses clinical details about the reader, quoting them', () => {
    const refusal = replyIsSafe('We hope your chest infection clears up soon.', 'facebook', ctx);
    expect(refusal?.rule).toBe('reply_clinical_detail');
    expect(refusal?.message).toContain('chest infection');
    expect(check('Sorry to hear you have been struggling with your diabetes.')).toBe('reply_clinical_detail');
    expect(check('Your antibiotics prescription is ready to collect.')).toBe('reply_clinical_detail');
  });

  it('refuses staff named by roster, and patients identified by NHS number', () => {
    expect(check('Jake Patel on reception will sort this out for you.')).toBe('reply_names_staff');
    expect(check('Mrs Jane Doe, NHS number 943 476 5919, has been seen.')).toBe('reply_patient_identifiable');
  });

  it('accepts ordinary replies', () => {
    for (const text of [
      'Thank you for your feedback, we are glad you had a good experience.',
      'Please contact the practice on 01234 567890 or use the NHS App to book.',
      'We are sorry to hear this. Please get in touch with the practice manager directly so we can look into it.',
      'Our flu clinic runs on Saturday mornings in October.',
    ])
      expect({ text, rule: check(text) }).toEqual({ text, rule: null });
  });

  it('accepts every public-reply template, in every locale and on every platform it fits', () => {
    const incident = run([report({ categories: ['complaint'] }), ev.evidence(), ev.triage(['complaint'])]);
    const publicTemplates = TEMPLATES.filter((template) => template.channel === 'public_reply');
    expect(publicTemplates.length).toBeGreaterThanOrEqual(5);
    for (const template of publicTemplates)
      for (const locale of LOCALES)
        for (const platform of ['facebook', 'x', 'nhs_website', 'google_reviews'] as const) {
          const rendered = renderTemplate(template.id, { practice: settings, incident, platform, locale });
          if (!rendered.fits) continue;
          const event: IncidentEvent = {
            type: 'respond_publicly',
            at: at(30),
            actor: manager,
            text: rendered.text,
            platform,
          };
          const result = transition(incident, event, ctx);
          expect({
            template: template.id,
            locale,
            platform,
            rule: result.ok ? null : result.error.rule,
          }).toEqual({
            template: template.id,
            locale,
            platform,
            rule: null,
          });
        }
  });
});
