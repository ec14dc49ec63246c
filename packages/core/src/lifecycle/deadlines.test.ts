import { describe, expect, it } from 'vitest';
import type { Category } from '../model/constants.js';
import { withDefaults } from '../model/settings.js';
import {
  clearDeadlines,
  overdueDeadlines,
  removalFollowUpDeadline,
  replyDeadline,
  triageDeadline,
} from './deadlines.js';
import { ctx, ev, manager, report, run } from './fixtures.test.support.js';
import { startIncident } from './transition.js';

const reply = (categories: Category[], reportedAt = '2026-03-02T10:00:00.000Z', context = ctx) =>
  replyDeadline(categories, reportedAt, '2026-03-02T11:00:00.000Z', context);

describe('deadlines', () => {
  it('triage: end of the next business day after the report', () => {
    expect(triageDeadline('2026-03-06T16:00:00.000Z', ctx)).toEqual({
      kind: 'triage',
      due: '2026-03-09T19:00:00.000Z',
      setAt: '2026-03-06T16:00:00.000Z',
    });
  });

  it('a critical report at 02:00 on a Sunday still gets its triage deadline on Monday, and an immediate alert', () => {
    const sunday = '2026-03-08T02:00:00.000Z';
    const result = startIncident(report({ categories: ['threat'], time: sunday }), ctx);
    expect(result.ok && result.incident.deadlines[0]?.due).toBe('2026-03-09T19:00:00.000Z');
    expect(result.ok && result.effects[0]).toMatchObject({ type: 'notify', urgency: 'immediate' });
  });

  it('public reply: 4 business hours from the report for a complaint, clinical disclosure or misinformation', () => {
    for (const category of ['complaint', 'clinical_disclosure', 'misinformation'] as const)
      expect(reply([category])).toEqual({
        kind: 'public_reply',
        due: '2026-03-02T14:00:00.000Z',
        setAt: '2026-03-02T11:00:00.000Z',
      });
    // Reported Friday 17:30: 1.5h Friday + 2.5h Monday.
    expect(reply(['complaint'], '2026-03-06T17:30:00.000Z')?.due).toBe('2026-03-09T10:30:00.000Z');
  });

  it('comments and questions: the practice’s reply target in business days', () => {
    expect(reply(['enquiry'])).toMatchObject({ kind: 'reply_target', due: '2026-03-05T19:00:00.000Z' });
    const fiveDays = { settings: withDefaults({ name: 'R', ods: 'Y90001', replyTargetBusinessDays: 5 }) };
    expect(reply(['feedback'], '2026-03-02T10:00:00.000Z', fiveDays)?.due).toBe('2026-03-09T19:00:00.000Z');
  });

  it('no reply deadline where the policy says not to engage publicly, or nothing calls for a reply', () => {
    expect(reply(['complaint', 'defamatory'])).toBeNull();
    expect(reply(['threat', 'enquiry'])).toBeNull();
    expect(reply(['abusive'])).toBeNull();
  });

  it('removal follow-up: 7 days later, moved to the next business moment', () => {
    expect(removalFollowUpDeadline('2026-03-02T09:30:00.000Z', ctx).due).toBe('2026-03-09T09:30:00.000Z');
    // Saturday request → the following Saturday → Monday opening.
    expect(removalFollowUpDeadline('2026-03-07T10:00:00.000Z', ctx).due).toBe('2026-03-16T08:00:00.000Z');
  });

  it('clears only deadlines that were running, with one effect each', () => {
    const running = [
      { kind: 'triage' as const, due: 'x', setAt: 'x' },
      { kind: 'public_reply' as const, due: 'y', setAt: 'y' },
    ];
    expect(clearDeadlines(running, ['public_reply', 'reply_target'])).toEqual([
      [running[0]],
      [{ type: 'deadline_cleared', kind: 'public_reply' }],
    ]);
    expect(clearDeadlines(running, 'all')[1]).toHaveLength(2);
  });

  it('lists overdue deadlines at a given time', () => {
    const incident = run([report({ categories: ['complaint'] })]);
    expect(overdueDeadlines(incident, '2026-03-03T18:59:00.000Z')).toEqual([]);
    expect(overdueDeadlines(incident, '2026-03-03T19:01:00.000Z').map((d) => d.kind)).toEqual(['triage']);
  });

  it('through the lifecycle: set when due, cleared when met', () => {
    const incident = run([
      report({ categories: ['complaint'] }),
      ev.evidence(),
      ev.triage(['complaint']),
      { type: 'request_removal', at: '2026-03-02T09:10:00.000Z', actor: manager },
    ]);
    expect(incident.deadlines.map((d) => d.kind).sort()).toEqual(['public_reply', 'removal_follow_up']);
    const refused = run([
      report({ categories: ['complaint'] }),
      ev.evidence(),
      ev.triage(['complaint']),
      { type: 'request_removal', at: '2026-03-02T09:10:00.000Z', actor: manager },
      { type: 'author_refused', at: '2026-03-03T09:10:00.000Z', actor: manager },
    ]);
    expect(refused.deadlines.map((d) => d.kind)).toEqual(['public_reply']);
  });
});
