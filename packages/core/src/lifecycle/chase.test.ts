import { describe, expect, it } from 'vitest';
import type { Deadline } from '../model/incident.js';
import { withDefaults } from '../model/settings.js';
import { calendarFor } from './business-time.js';
import {
  alertsAtOnce,
  businessMinutesBetween,
  type ChaseSubject,
  chaseDeadlines,
  chaseKey,
  deadlineDigest,
} from './chase.js';

const settings = withDefaults({ name: 'Test Surgery', ods: 'Y90001' });
const calendar = calendarFor(settings);

const deadline = (kind: Deadline['kind'], due: string): Deadline => ({
  kind,
  due,
  setAt: '2026-03-01T00:00:00.000Z',
});
const subject = (deadlines: Deadline[], overrides: Partial<ChaseSubject> = {}): ChaseSubject => ({
  id: 'inc-1',
  state: 'reported',
  severity: 'critical',
  deadlines,
  ...overrides,
});

describe('businessMinutesBetween', () => {
  it('counts only open hours: Friday 18:00 to Monday 09:00 (GMT) is one hour plus one hour', () => {
    // 2026-03-06 is a Friday; 08:00–19:00 local, GMT in March.
    expect(
      businessMinutesBetween(
        Date.parse('2026-03-06T18:00:00Z'),
        Date.parse('2026-03-09T09:00:00Z'),
        calendar,
      ),
    ).toBe(120);
  });

  it('skips a bank holiday (Easter Monday 2026-04-06) and follows British Summer Time', () => {
    // Thursday 2 April 18:00 BST = 17:00Z; Good Friday and Easter Monday closed; Tuesday 09:00 BST = 08:00Z.
    expect(
      businessMinutesBetween(
        Date.parse('2026-04-02T17:00:00Z'),
        Date.parse('2026-04-07T08:00:00Z'),
        calendar,
      ),
    ).toBe(120);
  });

  it('is 0 when the end is not after the start', () => {
    expect(businessMinutesBetween(10, 10, calendar)).toBe(0);
    expect(businessMinutesBetween(20, 10, calendar)).toBe(0);
  });
});

describe('chaseDeadlines', () => {
  // A triage deadline at close of business on Monday 9 March 2026 (19:00 GMT).
  const triage = deadline('triage', '2026-03-09T19:00:00.000Z');

  it('a Monday-evening deadline is not approaching over the weekend, though it is hours away', () => {
    expect(chaseDeadlines([subject([triage])], '2026-03-08T14:00:00.000Z', settings)).toEqual([]);
  });

  it('is approaching once within its lead of business time, missed once due', () => {
    expect(chaseDeadlines([subject([triage])], '2026-03-09T16:59:00.000Z', settings)).toEqual([]);
    expect(chaseDeadlines([subject([triage])], '2026-03-09T17:00:00.000Z', settings)).toEqual([
      { incidentId: 'inc-1', kind: 'approaching', deadline: triage, businessMinutesLeft: 120 },
    ]);
    expect(chaseDeadlines([subject([triage])], '2026-03-09T19:00:00.000Z', settings)).toEqual([
      { incidentId: 'inc-1', kind: 'missed', deadline: triage, businessMinutesLeft: 0 },
    ]);
  });

  it('a public reply has a shorter lead than triage', () => {
    const reply = deadline('public_reply', '2026-03-09T12:00:00.000Z');
    expect(chaseDeadlines([subject([reply])], '2026-03-09T10:30:00.000Z', settings)).toEqual([]);
    expect(chaseDeadlines([subject([reply])], '2026-03-09T11:00:00.000Z', settings)).toHaveLength(1);
  });

  it('closed incidents chase nothing; each running deadline is judged on its own', () => {
    const reply = deadline('public_reply', '2026-03-09T11:30:00.000Z');
    expect(
      chaseDeadlines([subject([triage, reply], { state: 'closed' })], '2026-03-10T00:00:00.000Z', settings),
    ).toEqual([]);
    const chases = chaseDeadlines([subject([triage, reply])], '2026-03-09T11:00:00.000Z', settings);
    expect(chases.map((chase) => [chase.deadline.kind, chase.kind])).toEqual([
      ['public_reply', 'approaching'],
    ]);
  });

  it('names each deadline and kind once, and a reset deadline afresh', () => {
    const [approaching] = chaseDeadlines([subject([triage])], '2026-03-09T18:00:00.000Z', settings);
    const [missed] = chaseDeadlines([subject([triage])], '2026-03-09T20:00:00.000Z', settings);
    const [reset] = chaseDeadlines(
      [subject([deadline('triage', '2026-03-10T19:00:00.000Z')])],
      '2026-03-10T20:00:00.000Z',
      settings,
    );
    if (!approaching || !missed || !reset) throw new Error('expected three chases');
    expect(new Set([chaseKey(approaching), chaseKey(missed), chaseKey(reset)]).size).toBe(3);
    expect(chaseKey(missed)).toBe(chaseKey({ ...missed }));
  });
});

describe('deadlineDigest', () => {
  it('lists what is due later today (local day) and what is already missed, oldest first', () => {
    const dueTonight = deadline('triage', '2026-07-06T18:00:00.000Z'); // 19:00 BST, Monday 6 July
    const dueTomorrow = deadline('public_reply', '2026-07-07T10:00:00.000Z');
    const missedOld = deadline('reply_target', '2026-07-01T18:00:00.000Z');
    const missedNew = deadline('removal_follow_up', '2026-07-03T08:00:00.000Z');
    const digest = deadlineDigest(
      [subject([dueTonight, dueTomorrow]), subject([missedNew, missedOld], { id: 'inc-2', severity: 'low' })],
      '2026-07-06T06:00:00.000Z',
    );
    expect(digest.dueToday.map((entry) => entry.deadline)).toEqual([dueTonight]);
    expect(digest.missed.map((entry) => [entry.incidentId, entry.deadline.kind])).toEqual([
      ['inc-2', 'reply_target'],
      ['inc-2', 'removal_follow_up'],
    ]);
  });
});

describe('alertsAtOnce', () => {
  it('alerts at and above the practice’s minimum severity', () => {
    expect(alertsAtOnce('critical', { minSeverity: 'high' })).toBe(true);
    expect(alertsAtOnce('high', { minSeverity: 'high' })).toBe(true);
    expect(alertsAtOnce('medium', { minSeverity: 'high' })).toBe(false);
    expect(alertsAtOnce('low', { minSeverity: 'low' })).toBe(true);
  });

  it('settings get alerts by default: none addressed, high and above', () => {
    expect(settings.alerts).toEqual({ emails: [], minSeverity: 'high' });
  });
});
