import { calendarFor, DEFAULT_BUSINESS_HOURS } from '@policy/core';
import { describe, expect, it } from 'vitest';
import type { Incident, IncidentSummary } from '../../api/types.js';
import { buildRows, endOfLondonDay, needsDoingToday } from './queue-model.js';

const calendar = calendarFor({ businessHours: DEFAULT_BUSINESS_HOURS, closedDates: [] });
// Wednesday 4 March 2026, 10:00 in London (GMT).
const now = Date.parse('2026-03-04T10:00:00Z');

const summary = (
  id: string,
  severity: IncidentSummary['severity'],
  state: IncidentSummary['state'] = 'triaged',
) =>
  ({
    id,
    reference: `Y90001-2026-${id}`,
    state,
    severity,
    categories: [],
    platform: 'facebook',
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-01T09:00:00Z',
  }) satisfies IncidentSummary;

const withDeadline = (due: string) =>
  ({ deadlines: [{ kind: 'triage', due, setAt: '2026-03-01T09:00:00Z' }] }) as Incident;

describe('the queue order', () => {
  it('puts open before closed, then the most severe, then the nearest deadline', () => {
    const rows = buildRows(
      [
        summary('1', 'low'),
        summary('2', 'critical', 'closed'),
        summary('3', 'high'),
        summary('4', 'high'),
        summary('5', 'critical'),
      ],
      new Map([
        ['3', withDeadline('2026-03-06T19:00:00Z')],
        ['4', withDeadline('2026-03-04T19:00:00Z')],
      ]),
      now,
      calendar,
    );
    expect(rows.map((row) => row.summary.id)).toEqual(['5', '4', '3', '1', '2']);
  });

  it('says overdue plainly, in business time', () => {
    const [row] = buildRows(
      [summary('1', 'medium')],
      new Map([['1', withDeadline('2026-03-03T19:00:00Z')]]),
      now,
      calendar,
    );
    // Due Tuesday 19:00; now Wednesday 10:00: two business hours (08:00–10:00) late.
    expect(row?.nearest?.left).toMatchObject({ overdue: true, text: 'Overdue by 2 h of business time' });
  });

  it('counts what needs doing today: overdue, and due before the London day ends', () => {
    const rows = buildRows(
      [summary('1', 'low'), summary('2', 'low'), summary('3', 'low'), summary('4', 'low', 'closed')],
      new Map([
        ['1', withDeadline('2026-03-03T19:00:00Z')],
        ['2', withDeadline('2026-03-04T19:00:00Z')],
        ['3', withDeadline('2026-03-05T19:00:00Z')],
        ['4', withDeadline('2026-03-01T19:00:00Z')],
      ]),
      now,
      calendar,
    );
    expect(needsDoingToday(rows, now)).toEqual({ overdue: 1, dueToday: 1 });
  });

  it('ends the day at London midnight, in summer time too', () => {
    expect(new Date(endOfLondonDay(Date.parse('2026-07-01T22:30:00Z'))).toISOString()).toBe(
      '2026-07-01T23:00:00.000Z',
    );
    expect(new Date(endOfLondonDay(now)).toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });
});
