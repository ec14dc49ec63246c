import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONDUCT_CLAUSE_IDS, type ConductClauseId, LOCALES } from '../model/constants.js';
import { type ConductClauseOverride, withDefaults } from '../model/settings.js';
import { conductClauses } from './clauses.js';

const practice = (
  clauses: ConductClauseOverride[] = [],
  extra: Parameters<typeof withDefaults>[0] | object = {},
) =>
  withDefaults({
    name: 'Millbrook Medical Centre',
    ods: 'N83032',
    phone: '0117 959 1919',
    appointments: {
      nhsApp: true,
      onlineConsultationUrl: 'https://millbrook.example/consult',
      phone: '0117 959 1919',
    },
    reviews: { nhsWebsiteUrl: 'https://www.nhs.uk/services/gp-surgery/millbrook/N83032/ratings-and-reviews' },
    complaints: { procedureUrl: 'https://millbrook.example/complaints' },
    ...extra,
    conduct: { clauses, version: '3' },
  });

describe('conductClauses with no overrides', () => {
  const clauses = conductClauses(practice());

  it('gives all nine default clauses in the default order', () => {
    expect(clauses.map((clause) => clause.id)).toEqual([...CONDUCT_CLAUSE_IDS]);
  });

  it('has distinct, non-empty wording in every locale', () => {
    for (const locale of LOCALES) {
      const texts = clauses.map((clause) => clause.text[locale]);
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(40);
      expect(new Set(texts).size).toBe(texts.length);
    }
    // Welsh is a translation, not a copy of the English.
    for (const clause of clauses) expect(clause.text.cy).not.toBe(clause.text['en-GB']);
  });

  it('lists the practice’s own channels instead of social media', () => {
    const contact = clauses.find((clause) => clause.id === 'no_social_media_contact');
    expect(contact?.text['en-GB']).toContain('the NHS App');
    expect(contact?.text['en-GB']).toContain('https://millbrook.example/consult');
    expect(contact?.text['en-GB']).toContain('0117 959 1919');
    expect(contact?.text.cy).toContain('Ap GIG');
    expect(contact?.text.cy).toContain('0117 959 1919');
  });

  it('leaves out channels the practice does not offer', () => {
    const noApp = conductClauses(practice([], { appointments: { nhsApp: false, phone: '01234 567890' } }));
    const contact = noApp.find((clause) => clause.id === 'no_social_media_contact');
    expect(contact?.text['en-GB']).not.toContain('NHS App');
    expect(contact?.text['en-GB']).toContain('01234 567890');
  });

  it('links the review page and the complaints procedure when the practice has them', () => {
    const byId = new Map(clauses.map((clause) => [clause.id, clause]));
    expect(byId.get('reviews_channel')?.text['en-GB']).toContain('ratings-and-reviews');
    expect(byId.get('complaints_procedure')?.text.cy).toContain('https://millbrook.example/complaints');
  });

  it('names the current law in the zero-tolerance clause', () => {
    const zero = clauses.find((clause) => clause.id === 'zero_tolerance');
    expect(zero?.text['en-GB']).toContain('Online Safety Act 2023');
    expect(zero?.text.cy).toContain('Diogelwch Ar-lein 2023');
  });
});

describe('conductClauses with practice overrides', () => {
  it('drops disabled clauses', () => {
    const clauses = conductClauses(
      practice([
        { id: 'devices_courtesy', enabled: false },
        { id: 'reviews_channel', enabled: false },
      ]),
    );
    expect(clauses.map((clause) => clause.id)).toEqual(
      CONDUCT_CLAUSE_IDS.filter((id) => id !== 'devices_courtesy' && id !== 'reviews_channel'),
    );
  });

  it('rewords per locale and keeps the default in a locale the practice did not reword', () => {
    const defaults = conductClauses(practice());
    const clauses = conductClauses(
      practice([{ id: 'zero_tolerance', text: { 'en-GB': '  We will not accept abuse of our team.  ' } }]),
    );
    const zero = clauses.find((clause) => clause.id === 'zero_tolerance');
    expect(zero?.text['en-GB']).toBe('We will not accept abuse of our team.');
    expect(zero?.text.cy).toBe(defaults.find((clause) => clause.id === 'zero_tolerance')?.text.cy);
  });

  it('ignores blank rewording rather than publishing an empty rule', () => {
    const defaults = conductClauses(practice());
    const clauses = conductClauses(practice([{ id: 'devices_courtesy', text: { 'en-GB': '   ', cy: '' } }]));
    expect(clauses[0]?.text).toEqual(defaults[0]?.text);
  });

  it('puts listed clauses first, in the listed order, then the rest in default order', () => {
    const clauses = conductClauses(practice([{ id: 'zero_tolerance' }, { id: 'complaints_procedure' }]));
    expect(clauses.map((clause) => clause.id)).toEqual([
      'zero_tolerance',
      'complaints_procedure',
      ...CONDUCT_CLAUSE_IDS.filter((id) => id !== 'zero_tolerance' && id !== 'complaints_procedure'),
    ]);
  });

  it('keeps an id listed twice at its first place, with the later settings winning', () => {
    const clauses = conductClauses(
      practice([
        { id: 'recording_consent', text: { 'en-GB': 'First wording.' } },
        { id: 'devices_courtesy' },
        { id: 'recording_consent', text: { cy: 'Geiriad newydd.' } },
      ]),
    );
    expect(clauses[0]).toEqual({
      id: 'recording_consent',
      text: { 'en-GB': 'First wording.', cy: 'Geiriad newydd.' },
    });
    expect(clauses[1]?.id).toBe('devices_courtesy');
    expect(clauses.filter((clause) => clause.id === 'recording_consent')).toHaveLength(1);
  });

  it('ignores ids that are not clauses', () => {
    const clauses = conductClauses(practice([{ id: 'retired_clause' as ConductClauseId, enabled: true }]));
    expect(clauses.map((clause) => clause.id)).toEqual([...CONDUCT_CLAUSE_IDS]);
  });

  it('always yields each enabled clause exactly once, in listed-then-default order (property)', () => {
    const override = fc.record({
      id: fc.constantFrom(...CONDUCT_CLAUSE_IDS),
      enabled: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(override, { maxLength: 15 }), (overrides) => {
        const ids = conductClauses(practice(overrides)).map((clause) => clause.id);
        // The last setting for an id decides whether it is shown.
        const enabled = new Map<ConductClauseId, boolean>();
        for (const entry of overrides) if (entry.enabled !== undefined) enabled.set(entry.id, entry.enabled);
        const listed = [...new Set(overrides.map((entry) => entry.id))];
        const expected = [...listed, ...CONDUCT_CLAUSE_IDS.filter((id) => !listed.includes(id))].filter(
          (id) => enabled.get(id) !== false,
        );
        expect(ids).toEqual(expected);
      }),
    );
  });
});
