import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  type Category,
  OUTCOMES,
  PLATFORMS,
  type Platform,
  SEVERITIES,
} from '../model/constants.js';
import { type Deadline, type Incident, newIncident, type PostAuthor } from '../model/incident.js';
import { authorKey } from '../policy/author.js';
import { type MonitoringSummary, summarise, summaryToCsv } from './summarise.js';

// Incidents built by hand: the lifecycle is written separately and these tests must not lean on it.
let counter = 0;
function incident(
  spec: {
    createdAt: string;
    categories?: Category[];
    platform?: Platform;
    author?: PostAuthor;
    triagedAt?: string;
    closedAt?: string;
    outcome?: Incident['outcome'];
    deadlines?: Deadline[];
  } & Partial<Pick<Incident, 'state'>>,
): Incident {
  counter += 1;
  const categories = spec.categories ?? ['complaint'];
  const closed = spec.closedAt !== undefined;
  return {
    ...newIncident({
      id: `inc_${counter}`,
      reference: `SM-${String(counter).padStart(4, '0')}`,
      practiceOds: 'A81001',
      report: {
        platform: spec.platform ?? 'facebook',
        seenAt: spec.createdAt,
        location: 'practice_page',
        author: spec.author ?? { kind: 'unknown' },
        text: 'not used by the summary',
        atRisk: false,
        reporter: { name: 'Reporter' },
      },
      classification: { categories: [], severity: null, recommendedActions: [], suggestedTemplates: [] },
      categories,
      createdAt: spec.createdAt,
    }),
    state: spec.state ?? (closed ? 'closed' : spec.triagedAt ? 'triaged' : 'reported'),
    outcome: closed ? (spec.outcome ?? 'no_action') : null,
    categoriesConfirmed: spec.triagedAt !== undefined,
    deadlines: spec.deadlines ?? [],
    updatedAt: spec.closedAt ?? spec.triagedAt ?? spec.createdAt,
    triagedAt: spec.triagedAt ?? null,
    closedAt: spec.closedAt ?? null,
  };
}

const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const deadline = (kind: Deadline['kind'], due: string): Deadline => ({
  kind,
  due,
  setAt: '2026-03-01T00:00:00Z',
});

describe('summarise: the period', () => {
  it('includes `from` and excludes `to`', () => {
    const atFrom = incident({ createdAt: '2026-03-01T00:00:00Z' });
    const justBeforeTo = incident({ createdAt: '2026-03-31T23:59:59.999Z' });
    const atTo = incident({ createdAt: '2026-04-01T00:00:00Z' });
    const before = incident({ createdAt: '2026-02-28T23:59:59Z' });
    expect(summarise([atFrom, justBeforeTo, atTo, before], MARCH).total).toBe(2);
  });

  it('compares instants, not strings, when offsets differ', () => {
    // 00:30 in UTC+01:00 is 23:30 UTC on 28 February: outside March.
    const offset = incident({ createdAt: '2026-03-01T00:30:00+01:00' });
    // 23:30 in UTC-01:00 is 00:30 UTC on 1 April: outside too, though the string sorts inside.
    const lateByOffset = incident({ createdAt: '2026-03-31T23:30:00-01:00' });
    expect(summarise([offset, lateByOffset], MARCH).total).toBe(0);
    expect(summarise([offset], { from: '2026-02-28T00:00:00Z', to: MARCH.from }).total).toBe(1);
  });

  it('refuses dates it cannot read with a clear message', () => {
    expect(() => summarise([], { from: 'March', to: MARCH.to })).toThrow(
      /`from` is not a valid ISO date-time/,
    );
    expect(() => summarise([], { ...MARCH, now: '' })).toThrow(/`now`/);
    expect(() => summarise([], { from: MARCH.to, to: MARCH.from })).toThrow(/must not be after/);
  });

  it('returns zeros and nulls for an empty period', () => {
    const summary = summarise([], MARCH);
    expect(summary.total).toBe(0);
    expect(Object.values(summary.byCategory).every((count) => count === 0)).toBe(true);
    expect(summary.medianMinutesToTriage).toBeNull();
    expect(summary.medianMinutesToClose).toBeNull();
    expect(summary.deadlinesMissed).toEqual([]);
    expect(summary.repeatAuthors).toEqual([]);
  });
});

describe('summarise: counts', () => {
  const incidents = [
    incident({
      createdAt: '2026-03-02T09:00:00Z',
      categories: ['complaint', 'identifies_staff'],
      platform: 'x',
    }),
    incident({
      createdAt: '2026-03-03T09:00:00Z',
      categories: ['threat', 'abusive'],
      platform: 'facebook',
      triagedAt: '2026-03-03T09:10:00Z',
      closedAt: '2026-03-04T09:00:00Z',
      outcome: 'removed_by_platform',
    }),
    incident({
      createdAt: '2026-03-04T09:00:00Z',
      categories: ['complaint'],
      platform: 'facebook',
      triagedAt: '2026-03-04T10:00:00Z',
      closedAt: '2026-03-10T09:00:00Z',
      outcome: 'complaint_procedure',
    }),
    incident({ createdAt: '2026-03-05T09:00:00Z', categories: ['feedback'], platform: 'nhs_website' }),
  ];
  const summary = summarise(incidents, MARCH);

  it('counts each category an incident carries', () => {
    expect(summary.byCategory.complaint).toBe(2);
    expect(summary.byCategory.identifies_staff).toBe(1);
    expect(summary.byCategory.threat).toBe(1);
    expect(summary.byCategory.abusive).toBe(1);
    expect(summary.byCategory.feedback).toBe(1);
    expect(summary.byCategory.recording).toBe(0);
  });

  it('counts severity, platform and outcome once per incident, with open ones as "open"', () => {
    expect(summary.bySeverity).toEqual({ low: 2, medium: 1, high: 0, critical: 1 });
    expect(summary.byPlatform.facebook).toBe(2);
    expect(summary.byPlatform.x).toBe(1);
    expect(summary.byPlatform.nhs_website).toBe(1);
    expect(summary.byOutcome.open).toBe(2);
    expect(summary.byOutcome.removed_by_platform).toBe(1);
    expect(summary.byOutcome.complaint_procedure).toBe(1);
    expect(summary.byOutcome.no_action).toBe(0);
  });

  it('treats a reopened incident as open even if it still carries its old outcome', () => {
    const reopened = { ...incident({ createdAt: '2026-03-06T09:00:00Z', closedAt: '2026-03-07T09:00:00Z' }) };
    reopened.state = 'triaged';
    expect(summarise([reopened], MARCH).byOutcome).toMatchObject({ open: 1, no_action: 0 });
  });

  it('keeps every dimension consistent with the total (property)', () => {
    const arbitraryIncident = fc
      .record({
        day: fc.integer({ min: 0, max: 40 }),
        categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 4 }),
        platform: fc.constantFrom(...PLATFORMS),
        closed: fc.boolean(),
        outcome: fc.constantFrom(...OUTCOMES),
      })
      .map((spec) => {
        const createdAt = new Date(Date.UTC(2026, 1, 20 + spec.day, 10)).toISOString();
        return incident({
          createdAt,
          categories: spec.categories,
          platform: spec.platform,
          ...(spec.closed ? { closedAt: createdAt, outcome: spec.outcome } : {}),
        });
      });
    fc.assert(
      fc.property(fc.array(arbitraryIncident, { maxLength: 30 }), (list) => {
        const result = summarise(list, MARCH);
        const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
        const expectedTotal = list.filter(
          (item) => item.createdAt >= '2026-03-01' && item.createdAt < '2026-04-01',
        ).length;
        expect(result.total).toBe(expectedTotal);
        expect(sum(result.bySeverity)).toBe(result.total);
        expect(sum(result.byPlatform)).toBe(result.total);
        expect(sum(result.byOutcome)).toBe(result.total);
        expect(sum(result.byCategory)).toBeGreaterThanOrEqual(result.total);
      }),
    );
  });
});

describe('summarise: medians', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    const odd = [10, 30, 20].map((minutes) =>
      incident({
        createdAt: '2026-03-02T09:00:00Z',
        triagedAt: new Date(Date.parse('2026-03-02T09:00:00Z') + minutes * 60_000).toISOString(),
      }),
    );
    expect(summarise(odd, MARCH).medianMinutesToTriage).toBe(20);
    const even = [
      ...odd,
      incident({ createdAt: '2026-03-02T09:00:00Z', triagedAt: '2026-03-02T10:40:00Z' }), // 100
    ];
    expect(summarise(even, MARCH).medianMinutesToTriage).toBe(25);
  });

  it('measures close time only over closed incidents', () => {
    const list = [
      incident({ createdAt: '2026-03-02T09:00:00Z', triagedAt: '2026-03-02T09:30:00Z' }),
      incident({ createdAt: '2026-03-02T09:00:00Z', closedAt: '2026-03-03T09:00:00Z' }),
    ];
    const summary = summarise(list, MARCH);
    expect(summary.medianMinutesToTriage).toBe(30);
    expect(summary.medianMinutesToClose).toBe(24 * 60);
  });

  it('rounds to a tenth of a minute', () => {
    const list = [incident({ createdAt: '2026-03-02T09:00:00Z', triagedAt: '2026-03-02T09:00:20Z' })];
    expect(summarise(list, MARCH).medianMinutesToTriage).toBe(0.3);
  });
});

describe('summarise: deadlines missed', () => {
  it('counts deadlines still present that fell due before `now`, earliest first', () => {
    const late = incident({
      createdAt: '2026-03-02T09:00:00Z',
      deadlines: [
        deadline('reply_target', '2026-03-05T19:00:00Z'),
        deadline('triage', '2026-03-03T19:00:00Z'),
      ],
    });
    const notYet = incident({
      createdAt: '2026-03-20T09:00:00Z',
      deadlines: [deadline('triage', '2026-03-21T19:00:00Z')],
    });
    const summary = summarise([late, notYet], { ...MARCH, now: '2026-03-21T00:00:00Z' });
    expect(summary.deadlinesMissed).toEqual([
      { incidentId: late.id, reference: late.reference, kind: 'triage', due: '2026-03-03T19:00:00Z' },
      { incidentId: late.id, reference: late.reference, kind: 'reply_target', due: '2026-03-05T19:00:00Z' },
    ]);
  });

  it('defaults `now` to the end of the period', () => {
    const open = incident({
      createdAt: '2026-03-30T09:00:00Z',
      deadlines: [deadline('triage', '2026-03-31T19:00:00Z')],
    });
    expect(summarise([open], MARCH).deadlinesMissed).toHaveLength(1);
    expect(summarise([open], { ...MARCH, now: '2026-03-31T18:59:59Z' }).deadlinesMissed).toHaveLength(0);
  });

  it('ignores cleared deadlines, and those left on a closed incident that fell due after it closed', () => {
    const cleared = incident({ createdAt: '2026-03-02T09:00:00Z', deadlines: [] });
    const closedInTime = incident({
      createdAt: '2026-03-02T09:00:00Z',
      closedAt: '2026-03-02T12:00:00Z',
      deadlines: [deadline('removal_follow_up', '2026-03-09T12:00:00Z')],
    });
    const closedLate = incident({
      createdAt: '2026-03-02T09:00:00Z',
      closedAt: '2026-03-12T12:00:00Z',
      deadlines: [deadline('removal_follow_up', '2026-03-09T12:00:00Z')],
    });
    const missed = summarise([cleared, closedInTime, closedLate], MARCH).deadlinesMissed;
    expect(missed.map((item) => item.incidentId)).toEqual([closedLate.id]);
  });
});

describe('summarise: repeat authors', () => {
  it('groups by handle or name on the same platform, ignoring case, a leading @ and spacing', () => {
    const list = [
      incident({ createdAt: '2026-03-02T09:00:00Z', author: { kind: 'patient', handle: '@AngryDave' } }),
      incident({ createdAt: '2026-03-03T09:00:00Z', author: { kind: 'patient', handle: 'angrydave' } }),
      incident({ createdAt: '2026-03-04T09:00:00Z', author: { kind: 'public', name: 'Jo  Bloggs' } }),
      incident({ createdAt: '2026-03-05T09:00:00Z', author: { kind: 'public', name: 'jo bloggs' } }),
      incident({
        createdAt: '2026-03-06T09:00:00Z',
        author: { kind: 'public', handle: '@angrydave', name: 'D' },
      }),
      incident({ createdAt: '2026-03-07T09:00:00Z', author: { kind: 'public', name: 'Someone Once' } }),
      incident({ createdAt: '2026-03-08T09:00:00Z', author: { kind: 'unknown' } }),
      incident({ createdAt: '2026-03-09T09:00:00Z', author: { kind: 'unknown' } }),
    ];
    expect(summarise(list, MARCH).repeatAuthors).toEqual([
      { author: '@AngryDave', incidents: 3 },
      { author: 'Jo  Bloggs', incidents: 2 },
    ]);
  });

  it('is the blocking guard’s "same author": the same handle on another platform, or a name that once had a handle, is someone else', () => {
    const list = [
      incident({ createdAt: '2026-03-02T09:00:00Z', author: { kind: 'patient', handle: '@js' } }),
      incident({
        createdAt: '2026-03-03T09:00:00Z',
        platform: 'x',
        author: { kind: 'patient', handle: '@JS' },
      }),
      incident({
        createdAt: '2026-03-04T09:00:00Z',
        author: { kind: 'patient', handle: '@other', name: 'J Smith' },
      }),
      incident({ createdAt: '2026-03-05T09:00:00Z', author: { kind: 'patient', name: 'j smith' } }),
    ];
    expect(summarise(list, MARCH).repeatAuthors).toEqual([]);
    const keys = list.map((item) => authorKey(item.report));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts only incidents in the period', () => {
    const list = [
      incident({ createdAt: '2026-02-20T09:00:00Z', author: { kind: 'patient', handle: '@once' } }),
      incident({ createdAt: '2026-03-03T09:00:00Z', author: { kind: 'patient', handle: '@once' } }),
    ];
    expect(summarise(list, MARCH).repeatAuthors).toEqual([]);
  });
});

// A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records.
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (char === '\n' || char === '\r') throw new Error(`bare line break at ${i}`);
    else field += char;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

describe('summaryToCsv', () => {
  const summary: MonitoringSummary = summarise(
    [
      incident({
        createdAt: '2026-03-02T09:00:00Z',
        categories: ['abusive'],
        author: { kind: 'public', handle: '=HYPERLINK("https://evil.example")' },
        deadlines: [deadline('triage', '2026-03-03T19:00:00Z')],
      }),
      incident({
        createdAt: '2026-03-03T09:00:00Z',
        categories: ['abusive'],
        author: { kind: 'public', handle: '=hyperlink("https://evil.example")' },
      }),
      incident({
        createdAt: '2026-03-04T09:00:00Z',
        author: { kind: 'public', name: 'Smith, "Jo"\nline two' },
      }),
      incident({
        createdAt: '2026-03-05T09:00:00Z',
        author: { kind: 'public', name: 'smith, "jo"\nline two' },
      }),
    ],
    MARCH,
  );
  const csv = summaryToCsv(summary);
  const records = parseCsv(csv);

  it('is RFC 4180: CRLF records, every field quoted, one width throughout', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    const widths = new Set(records.map((record) => record.length));
    expect(widths.size).toBe(1);
    for (const line of csv.split('\r\n').filter((line) => line && !line.startsWith('line two'))) {
      expect(line.startsWith('"')).toBe(true);
    }
  });

  it('has one header row naming every column (no empty header cells), then the sections', () => {
    const [header, ...rest] = records;
    expect(header).toEqual(['section', 'key', 'value', 'incident_id', 'deadline', 'due']);
    expect(header?.every((name) => name !== '')).toBe(true);
    expect(rest.some((record) => record[0] === 'section')).toBe(false);
    const sections = new Set(rest.map((record) => record[0]));
    expect([...sections]).toEqual([
      'summary',
      'category',
      'severity',
      'platform',
      'outcome',
      'deadline_missed',
      'repeat_author',
    ]);
  });

  it('carries every figure of the summary', () => {
    const row = (section: string, key: string) =>
      records.find((record) => record[0] === section && record[1] === key);
    expect(row('summary', 'total')?.[2]).toBe('4');
    expect(row('summary', 'median_minutes_to_triage')?.[2]).toBe('');
    expect(row('category', 'abusive')?.[2]).toBe('2');
    expect(row('category', 'complaint')?.[2]).toBe('2');
    expect(row('severity', 'medium')?.[2]).toBe('2');
    expect(row('outcome', 'open')?.[2]).toBe('4');
    expect(records.filter((record) => record[0] === 'category')).toHaveLength(CATEGORIES.length);
    expect(records.filter((record) => record[0] === 'severity')).toHaveLength(SEVERITIES.length);
    expect(records.filter((record) => record[0] === 'platform')).toHaveLength(PLATFORMS.length);
    const missed = records.filter((record) => record[0] === 'deadline_missed');
    expect(missed).toHaveLength(1);
    expect(missed[0]?.slice(3, 5)).toEqual([summary.deadlinesMissed[0]?.incidentId, 'triage']);
  });

  it('keeps commas, quotes and line breaks intact, and defuses spreadsheet formulas', () => {
    const authors = records.filter((record) => record[0] === 'repeat_author').map((record) => record[1]);
    expect(authors).toContain('Smith, "Jo"\nline two');
    expect(authors).toContain(`'=HYPERLINK("https://evil.example")`);
    expect(authors.every((author) => !author?.startsWith('='))).toBe(true);
  });
});
