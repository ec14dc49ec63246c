import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_TEXT } from '../labels/index.js';
import {
  CATEGORIES,
  type Category,
  LOCALES,
  PLATFORM_REPLY_LIMITS,
  PLATFORMS,
  TEMPLATE_IDS,
  type TemplateId,
} from '../model/constants.js';
import { policyFor } from '../model/policy.js';
import { withDefaults } from '../model/settings.js';
import { summarise } from '../monitoring/summarise.js';

const ACTION_TEXT_CY = ACTION_TEXT.cy;

import {
  characterCount,
  renderTemplate,
  TEMPLATES,
  TemplateRenderError,
  tryRenderTemplate,
} from './render.js';
import { incident, LONG_NAME, PHONE, POST_TEXT, practice } from './test-fixtures.js';

const PUBLIC_REPLIES = TEMPLATES.filter((template) => template.channel === 'public_reply').map(
  (template) => template.id,
);
const PRIVATE = TEMPLATES.filter((template) => template.channel !== 'public_reply').map(
  (template) => template.id,
);

const summary = summarise(
  [
    { ...incident(['abusive', 'identifies_staff']), triagedAt: '2026-03-05T16:40:00Z' },
    {
      ...incident(['complaint']),
      id: 'inc_test_2',
      reference: 'SM-2026-0043',
      createdAt: '2026-03-09T09:00:00Z',
      deadlines: [{ kind: 'reply_target', due: '2026-03-12T19:00:00Z', setAt: '2026-03-09T09:00:00Z' }],
    },
  ],
  { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
);

const everyCategory = incident(['abusive', 'threat', 'complaint', 'patient_identifiable', 'recording']);

describe('TEMPLATES', () => {
  it('describes every template id, in order, in every locale', () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual([...TEMPLATE_IDS]);
    for (const template of TEMPLATES) {
      expect(template.locales).toEqual([...LOCALES]);
      expect(template.purpose.length).toBeGreaterThan(20);
    }
  });

  it('marks exactly the five public replies as public', () => {
    expect(PUBLIC_REPLIES).toEqual([
      'public_acknowledgement',
      'complaint_redirect',
      'appointment_redirect',
      'move_offline',
      'feedback_thanks',
    ]);
  });
});

describe('renderTemplate: every template in every locale', () => {
  for (const id of TEMPLATE_IDS) {
    for (const locale of LOCALES) {
      it(`${id} renders in ${locale}, with and without an incident`, () => {
        const withIncident = renderTemplate(id, {
          practice: practice(),
          incident: everyCategory,
          locale,
          summary,
        });
        expect(withIncident.id).toBe(id);
        expect(withIncident.locale).toBe(locale);
        expect(withIncident.text.trim().length).toBeGreaterThan(40);
        expect(withIncident.length).toBe(characterCount(withIncident.text));
        expect(withIncident.text).not.toMatch(/undefined|null|NaN|\[object/);
        const without = renderTemplate(id, { practice: practice(), locale, summary });
        expect(without.text.trim().length).toBeGreaterThan(40);
      });
    }
    it(`${id} is translated, not copied, into Welsh`, () => {
      const options = { practice: practice(), incident: everyCategory, summary };
      const english = renderTemplate(id, { ...options, locale: 'en-GB' }).text;
      const welsh = renderTemplate(id, { ...options, locale: 'cy' }).text;
      expect(welsh).not.toBe(english);
      // Common Welsh function words that English text never contains.
      expect(welsh).toMatch(/\b(yn|ni|ein|y|a’r|ar|i’r|Diolch|Mae|Ni)\b/);
      expect(english).not.toMatch(/\b(ein|gyda’r|os gwelwch yn dda)\b/);
    });
  }

  it('defaults to the practice’s locale', () => {
    const welshPractice = practice({ locale: 'cy' });
    expect(renderTemplate('public_acknowledgement', { practice: welshPractice }).locale).toBe('cy');
    expect(
      renderTemplate('public_acknowledgement', { practice: welshPractice, locale: 'en-GB' }).locale,
    ).toBe('en-GB');
  });
});

describe('renderTemplate: length limits', () => {
  for (const id of PUBLIC_REPLIES) {
    for (const locale of LOCALES) {
      it(`${id} (${locale}) fits X’s 280 characters with a long practice name and its phone`, () => {
        const rendered = renderTemplate(id, { practice: practice(), platform: 'x', locale });
        expect(rendered.limit).toBe(280);
        expect(rendered.length).toBeLessThanOrEqual(280);
        expect(rendered.fits).toBe(true);
        if (id === 'feedback_thanks') expect(rendered.text).toContain('ratings-and-reviews');
        else {
          // The fullest wording still fits: name and number both there.
          expect(rendered.text).toContain(LONG_NAME);
          expect(rendered.text).toContain(PHONE);
        }
      });
    }
  }

  it('uses the platform’s limit: given, else the incident’s platform, else X', () => {
    const settings = practice();
    expect(renderTemplate('move_offline', { practice: settings, platform: 'facebook' }).limit).toBe(
      PLATFORM_REPLY_LIMITS.facebook,
    );
    expect(
      renderTemplate('move_offline', { practice: settings, incident: incident(['clinical_disclosure']) })
        .limit,
    ).toBe(PLATFORM_REPLY_LIMITS.facebook);
    expect(
      renderTemplate('move_offline', {
        practice: settings,
        incident: incident(['clinical_disclosure'], { platform: 'nhs_website' }),
      }).limit,
    ).toBe(PLATFORM_REPLY_LIMITS.nhs_website);
    expect(renderTemplate('move_offline', { practice: settings }).limit).toBe(280);
  });

  it('falls back to shorter wording on tight platforms and still fits', () => {
    const roomy = renderTemplate('complaint_redirect', { practice: practice(), platform: 'facebook' });
    const tight = renderTemplate('complaint_redirect', { practice: practice(), platform: 'tiktok' });
    expect(tight.length).toBeLessThan(roomy.length);
    expect(tight.length).toBeLessThanOrEqual(PLATFORM_REPLY_LIMITS.tiktok);
    expect(tight.fits).toBe(true);
  });

  it('has no limit for private channels', () => {
    for (const id of PRIVATE) {
      const rendered = renderTemplate(id, {
        practice: practice(),
        incident: everyCategory,
        summary,
        platform: 'x',
      });
      expect(rendered.limit).toBeNull();
      expect(rendered.fits).toBe(true);
    }
  });

  it('counts code points, as platforms do, not UTF-16 units', () => {
    const rendered = renderTemplate('public_acknowledgement', {
      practice: practice({ name: 'Meddygfa Tŷ Gwyn 🏥' }),
      platform: 'facebook',
    });
    expect(rendered.length).toBe([...rendered.text].length);
    expect(rendered.length).toBe(rendered.text.length - 1);
  });

  it('fits every platform for any practice name, phone and links (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 120 }).filter((value) => value.trim() !== '');
    const url = fc.webUrl({ size: 'large' });
    fc.assert(
      fc.property(
        text,
        fc.option(fc.stringMatching(/^0\d{3,4} \d{6}$/), { nil: undefined }),
        fc.option(url, { nil: undefined }),
        fc.option(url, { nil: undefined }),
        fc.option(url, { nil: undefined }),
        fc.boolean(),
        fc.constantFrom(...PUBLIC_REPLIES),
        fc.constantFrom(...PLATFORMS),
        fc.constantFrom(...LOCALES),
        (name, phone, procedureUrl, reviewsUrl, onlineUrl, nhsApp, id, platform, locale) => {
          const settings = withDefaults({
            name,
            ods: 'A81001',
            phone,
            complaints: { procedureUrl },
            reviews: { nhsWebsiteUrl: reviewsUrl },
            appointments: { nhsApp, onlineConsultationUrl: onlineUrl },
          });
          const rendered = renderTemplate(id, { practice: settings, platform, locale });
          expect(rendered.fits).toBe(true);
          expect(rendered.length).toBeLessThanOrEqual(PLATFORM_REPLY_LIMITS[platform]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('renderTemplate: what each template says', () => {
  it('complaint_invitation: how, 12 months, 3 working days, the ICB and the Ombudsman', () => {
    for (const locale of LOCALES) {
      const { text } = renderTemplate('complaint_invitation', {
        practice: practice(),
        incident: incident(['complaint']),
        locale,
      });
      expect(text).toContain('https://www.oldcottagesurgery.nhs.uk/complaints');
      expect(text).toContain('oldcottage.complaints@nhs.net');
      expect(text).toContain(PHONE);
      expect(text).toContain('complaints-leaflet.pdf');
      expect(text).toMatch(/12 (months|mis)/);
      expect(text).toMatch(/3 (working days|diwrnod gwaith)/);
      expect(text).toContain('NHS Surrey Heartlands Integrated Care Board');
      expect(text).toContain('https://www.surreyheartlands.org');
      expect(text).toContain('Parliamentary and Health Service Ombudsman');
      expect(text).toContain('https://www.ombudsman.org.uk');
      expect(text).toContain('0345 015 4033');
      expect(text).not.toMatch(/NHS England|clinical commissioning group|\bCCG\b/i);
    }
  });

  it('complaint_invitation names the ICB in Welsh when an English practice has not set one', () => {
    const noIcb = withDefaults({ name: 'Old Cottage Surgery', ods: 'A91001', phone: '01234 000000' });
    const english = renderTemplate('complaint_invitation', { practice: noIcb, locale: 'en-GB' }).text;
    const welsh = renderTemplate('complaint_invitation', { practice: noIcb, locale: 'cy' }).text;
    expect(english).toContain('your local Integrated Care Board (ICB)');
    expect(welsh).toContain('Bwrdd Gofal Integredig');
    expect(welsh).not.toContain('your local');
  });

  it('complaint_invitation for a Welsh practice: Putting Things Right, the health board, 2 working days, the PSOW — never the ICB or the PHSO', () => {
    const wales = withDefaults({
      name: 'Meddygfa’r Bont',
      ods: 'W91001',
      phone: '01970 000000',
      nation: 'wales',
    });
    const english = renderTemplate('complaint_invitation', { practice: wales, locale: 'en-GB' }).text;
    const welsh = renderTemplate('complaint_invitation', { practice: wales, locale: 'cy' }).text;
    expect(english).toContain('Putting Things Right');
    expect(english).toContain('your local health board');
    expect(english).toMatch(/2 working days/);
    expect(english).toContain('Public Services Ombudsman for Wales');
    expect(english).toContain('https://www.ombudsman.wales');
    expect(welsh).toContain('Gweithio i Wella');
    expect(welsh).toContain('eich bwrdd iechyd lleol');
    expect(welsh).toContain('Ombwdsmon Gwasanaethau Cyhoeddus Cymru');
    for (const text of [english, welsh]) {
      expect(text).not.toMatch(/Integrated Care Board|Bwrdd Gofal Integredig|\bICB\b/);
      expect(text).not.toMatch(/Parliamentary and Health Service|ombudsman\.org\.uk/);
    }
  });

  it('complaint_invitation in Scotland and Northern Ireland: their boards, ombudsmen and 6-month limits', () => {
    const scotland = withDefaults({ name: 'Glen Surgery', ods: 'S10001', nation: 'scotland' });
    const ni = withDefaults({ name: 'Lagan Surgery', ods: 'Z00001', nation: 'northern_ireland' });
    const scottish = renderTemplate('complaint_invitation', { practice: scotland, locale: 'en-GB' }).text;
    const irish = renderTemplate('complaint_invitation', { practice: ni, locale: 'en-GB' }).text;
    expect(scottish).toContain('your NHS board');
    expect(scottish).toContain('Scottish Public Services Ombudsman');
    expect(scottish).toContain('Patient Advice and Support Service');
    expect(scottish).toMatch(/within 6 months/);
    expect(irish).toContain('Health and Social Care (HSC) complaints procedure');
    expect(irish).toContain('Northern Ireland Public Services Ombudsman');
    expect(irish).toContain('Patient and Client Council');
    expect(irish).toMatch(/within 6 months/);
    for (const text of [scottish, irish])
      expect(text).not.toMatch(/Integrated Care Board|Parliamentary and Health Service/);
  });

  it('conduct_warning cites the NHS Constitution and the consequences, and never a complaint as a reason', () => {
    const english = renderTemplate('conduct_warning', { practice: practice(), incident: everyCategory }).text;
    expect(english).toContain('NHS Constitution');
    expect(english).toMatch(/refused access to NHS services/);
    expect(english).toMatch(/report the post to the platform/);
    expect(english).toMatch(/police/);
    expect(english).toMatch(/written warning/);
    expect(english).toMatch(/A complaint is never a reason/);
    expect(english).not.toMatch(/raises a complaint/);
    const welsh = renderTemplate('conduct_warning', {
      practice: practice(),
      incident: everyCategory,
      locale: 'cy',
    }).text;
    expect(welsh).toContain('Cyfansoddiad y GIG');
    expect(welsh).toMatch(/rhybudd ysgrifenedig/);
  });

  it('a letter with no incident names no platform rather than guessing one', () => {
    const { text } = renderTemplate('removal_request', { practice: practice() });
    expect(text).toContain('We are writing about a post.');
    expect(text).not.toMatch(/ on X\b/);
    const report = renderTemplate('platform_report', { practice: practice(), locale: 'cy' }).text;
    expect(report).toContain('telerau defnyddio’r safle');
  });

  it('letters are dated when a date is given, and addressed to the author by name when known', () => {
    const dated = renderTemplate('removal_request', {
      practice: practice(),
      incident: incident(['identifies_staff']),
      date: '2026-03-09',
    }).text;
    expect(dated.startsWith('9 March 2026')).toBe(true);
    expect(dated).toContain('Dear Alex Morgan,');
    const anonymous = renderTemplate('removal_request', {
      practice: practice(),
      incident: incident(['identifies_staff'], { author: { kind: 'unknown' } }),
      locale: 'cy',
    }).text;
    expect(anonymous).toContain('Annwyl Syr neu Fadam,');
  });

  it('removal_request gives the reasons and quotes the practice’s own enabled clauses', () => {
    const settings = practice({
      conduct: {
        version: '2',
        clauses: [
          { id: 'no_staff_identification', text: { 'en-GB': 'Please never name our team members online.' } },
        ],
      },
    });
    const { text } = renderTemplate('removal_request', {
      practice: settings,
      incident: incident(['identifies_staff']),
    });
    expect(text).toContain('it identifies a member of our staff');
    expect(text).toContain('Please never name our team members online.');
    expect(text).toMatch(/within 7 days/);
    const disabled = practice({
      conduct: { version: '2', clauses: [{ id: 'no_staff_identification', enabled: false }] },
    });
    const without = renderTemplate('removal_request', {
      practice: disabled,
      incident: incident(['identifies_staff']),
    });
    expect(without.text).not.toContain('identify individual members of staff');
  });

  it('platform_report names the platform’s rulebook and the law the categories engage', () => {
    const lawFor = (categories: Category[], platform: 'x' | 'facebook' = 'x') =>
      renderTemplate('platform_report', {
        practice: practice(),
        incident: incident(categories, { platform }),
      }).text;

    const threat = lawFor(['threat']);
    expect(threat).toContain('the X Rules');
    expect(threat).toContain('violent threats');
    expect(threat).toMatch(/Online Safety Act 2023, section 181/);
    expect(threat).not.toMatch(/section 179/);
    expect(threat).toContain('Please treat this report as urgent.');

    const misinformation = lawFor(['misinformation'], 'facebook');
    expect(misinformation).toContain('Meta’s Community Standards');
    expect(misinformation).toMatch(/Online Safety Act 2023, section 179/);
    expect(misinformation).not.toMatch(/section 181/);

    const abusive = lawFor(['abusive']);
    expect(abusive).toContain('Malicious Communications Act 1988');
    expect(abusive).toMatch(/Communications Act 2003, section 127/);
    expect(abusive).toContain('Protection from Harassment Act 1997');

    expect(lawFor(['defamatory'])).toContain('Defamation Act 2013');
    const privacy = lawFor(['patient_identifiable']);
    expect(privacy).toContain('UK GDPR');
    expect(privacy).toContain('Article 8 of the European Convention on Human Rights');
    expect(lawFor(['recording'])).toContain('Article 8');

    // A complaint breaks no law: no law section at all.
    expect(lawFor(['complaint'])).not.toMatch(/UK law/);

    const welsh = renderTemplate('platform_report', {
      practice: practice(),
      incident: incident(['threat']),
      locale: 'cy',
    }).text;
    expect(welsh).toContain('Deddf Diogelwch Ar-lein 2023, adran 181');
  });

  it('staff_alert gives the severity and the policy’s first steps in order', () => {
    const categories: Category[] = ['complaint', 'threat'];
    const { text } = renderTemplate('staff_alert', {
      practice: practice(),
      incident: incident(categories, { atRisk: true }),
    });
    expect(text).toMatch(/^URGENT: New social media report SM-2026-0042: severity critical/);
    expect(text).toContain('act now, whatever the time');
    expect(text).toContain('someone may be at risk right now');
    const steps = policyFor(categories).actions.map((action) => action.text);
    let position = -1;
    for (const step of steps) {
      const next = text.indexOf(step);
      expect(next).toBeGreaterThan(position);
      position = next;
    }
    const welsh = renderTemplate('staff_alert', {
      practice: practice(),
      incident: incident(categories),
      locale: 'cy',
    }).text;
    expect(welsh).toContain('difrifoldeb critigol');
    for (const action of policyFor(categories).actions) {
      expect(welsh).toContain(ACTION_TEXT_CY[action.id as keyof typeof ACTION_TEXT_CY]);
    }
  });

  it('staff_alert for a low-severity report is not marked urgent', () => {
    const { text } = renderTemplate('staff_alert', {
      practice: practice(),
      incident: incident(['feedback']),
    });
    expect(text).toMatch(/^New social media report SM-2026-0042: severity low/);
    expect(text).not.toMatch(/URGENT|at risk/);
  });

  it('every policy action has Welsh text', () => {
    for (const action of policyFor(CATEGORIES).actions) {
      expect(ACTION_TEXT_CY[action.id as keyof typeof ACTION_TEXT_CY]?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('monitoring_summary shows the summary’s figures', () => {
    const { text } = renderTemplate('monitoring_summary', { practice: practice(), summary });
    expect(text).toContain('Period: 1 March 2026 at 00:00 up to 1 April 2026 at 01:00');
    expect(text).toContain('Incidents reported: 2');
    expect(text).toContain('abusive language: 1');
    expect(text).toContain('complaint: 1');
    expect(text).toContain('Median time to triage: 2 h 30 min');
    expect(text).toContain('Median time to close: not available');
    expect(text).toContain('Deadlines missed: 1');
    expect(text).toContain('SM-2026-0043: reply to comments, due 12 March 2026 at 19:00');
    expect(text).toContain('@alexm: 2 incidents');
  });

  it('monitoring_summary reads whole London days as an inclusive date range', () => {
    const bst = summarise([], { from: '2026-06-01T00:00:00+01:00', to: '2026-07-01T00:00:00+01:00' });
    const { text } = renderTemplate('monitoring_summary', {
      practice: practice(),
      summary: bst,
      locale: 'cy',
    });
    expect(text).toContain('Cyfnod: 1 Mehefin 2026 i 30 Mehefin 2026');
    expect(text).toContain('Digwyddiadau a adroddwyd: 0');
  });
});

describe('renderTemplate: input it cannot render', () => {
  it('needs a summary for monitoring_summary', () => {
    const result = tryRenderTemplate('monitoring_summary', { practice: practice() });
    expect(result).toEqual({ ok: false, error: { code: 'summary_required', message: expect.any(String) } });
    expect(() => renderTemplate('monitoring_summary', { practice: practice() })).toThrow(TemplateRenderError);
  });

  it('refuses an unknown template id or locale with a code', () => {
    const unknown = tryRenderTemplate('tweet_storm' as TemplateId, { practice: practice() });
    expect(unknown.ok === false && unknown.error.code).toBe('unknown_template');
    const locale = tryRenderTemplate('move_offline', { practice: practice(), locale: 'fr' as 'cy' });
    expect(locale.ok === false && locale.error.code).toBe('unsupported_locale');
    try {
      renderTemplate('toString' as TemplateId, { practice: practice() });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateRenderError);
      expect((error as TemplateRenderError).code).toBe('unknown_template');
    }
  });
});

describe('renderTemplate never repeats the post', () => {
  it('leaves the post’s text and its staff names out of every template', () => {
    for (const id of TEMPLATE_IDS) {
      for (const locale of LOCALES) {
        const { text } = renderTemplate(id, {
          practice: practice(),
          incident: everyCategory,
          summary,
          locale,
        });
        expect(text).not.toContain('ZQX-7731');
        expect(text).not.toContain(POST_TEXT.slice(0, 20));
        expect(text).not.toMatch(/Raman|Mrs Jones|cancer/);
      }
    }
  });
});
