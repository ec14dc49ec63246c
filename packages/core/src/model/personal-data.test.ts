import { describe, expect, it } from 'vitest';
import { at, classification, ev, manager, report } from '../lifecycle/fixtures.test.support.js';
import type { IncidentEvent } from './incident.js';
import {
  REMOVED_TEXT,
  restorePersonalData,
  splitByFields,
  splitPersonalData,
  withoutPersonalData,
} from './personal-data.js';
import { withDefaults } from './settings.js';

describe('personal data in events', () => {
  it('takes the post text, author, reporter, named staff and quoted words out of a report', () => {
    const filed: IncidentEvent = {
      ...report(),
      actor: { id: 'report-key:k1', role: 'staff', name: 'Jo Reception' },
      report: {
        platform: 'x',
        postUrl: 'https://x.example/status/1',
        seenAt: '2026-03-02T09:00:00.000Z',
        location: 'practice_page',
        author: { name: 'Sam Poster', handle: '@sam', kind: 'patient' },
        text: 'Dr Jones is useless',
        affects: { staff: ['Dr Jones'], practice: true },
        atRisk: false,
        reporter: { name: 'Jo Reception', role: 'reception' },
      },
      classification: {
        ...classification(['abusive']),
        categories: [
          {
            id: 'abusive',
            severity: 'medium',
            confidence: 0.9,
            evidence: [{ ruleId: 'abusive.insult', start: 13, end: 19, excerpt: 'useless' }],
          },
        ],
      },
    };
    const { record, personal } = splitPersonalData(filed);
    const json = JSON.stringify(record);
    for (const secret of ['Sam Poster', '@sam', 'Dr Jones', 'Jo Reception', 'useless', 'x.example'])
      expect(json).not.toContain(secret);
    expect(record.type === 'report' && record.report.text).toBe(REMOVED_TEXT);
    expect(record.type === 'report' && 'postUrl' in record.report).toBe(false);
    expect(record.type === 'report' && record.report.author).toEqual({
      name: REMOVED_TEXT,
      handle: REMOVED_TEXT,
      kind: 'patient',
    });
    expect(record.type === 'report' && record.report.reporter).toEqual({
      name: REMOVED_TEXT,
      role: 'reception',
    });
    expect(record.actor).toEqual({ id: 'report-key:k1', role: 'staff' });
    expect(personal.map(([path]) => path.join('.'))).toEqual([
      'actor.name',
      'report.text',
      'report.postUrl',
      'report.author.name',
      'report.author.handle',
      'report.affects.staff.0',
      'report.reporter.name',
      'classification.categories.0.evidence.0.excerpt',
    ]);
    expect(restorePersonalData(record, personal)).toEqual(filed);
    expect(filed.type === 'report' && filed.report.text).toBe('Dr Jones is useless'); // not mutated
  });

  it('masks free text staff write, keeps blank strings and events without personal data as they are', () => {
    const note: IncidentEvent = { type: 'add_note', at: at(3), actor: manager, text: 'Spoke to Mrs Patel' };
    expect(withoutPersonalData(note)).toMatchObject({ type: 'add_note', text: REMOVED_TEXT });
    expect(withoutPersonalData(note).actor).toEqual({ id: manager.id, role: manager.role });
    const close = ev.close('no_action', 8, { noPoliceReason: '  ', reason: 'Sorted' });
    expect(withoutPersonalData(close)).toMatchObject({ noPoliceReason: '  ', reason: REMOVED_TEXT });
    const plain = { ...ev.startReview(), actor: { id: 'u-1', role: 'manager' as const } };
    expect(splitPersonalData(plain)).toEqual({ record: plain, personal: [] });
  });

  it('splits any record by given fields (wildcards over arrays) and refuses a value with no place', () => {
    const split = splitByFields({ people: [{ name: 'A' }, { name: 'B' }, {}] }, [['people.*.name', 'mask']]);
    expect(split.record).toEqual({ people: [{ name: REMOVED_TEXT }, { name: REMOVED_TEXT }, {}] });
    expect(split.personal).toEqual([
      [['people', 0, 'name'], 'A'],
      [['people', 1, 'name'], 'B'],
    ]);
    expect(() => restorePersonalData({}, [[['missing', 'name'], 'A']])).toThrow(/no place/);
  });
});

describe('retention settings', () => {
  it('default to ten years after closure, and keep a practice’s own figure', () => {
    expect(withDefaults({ name: 'R', ods: 'Y90001' }).retention).toEqual({ closedIncidentYears: 10 });
    expect(
      withDefaults({ name: 'R', ods: 'Y90001', retention: { closedIncidentYears: 20 } }).retention,
    ).toEqual({ closedIncidentYears: 20 });
  });
});
