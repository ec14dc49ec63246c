// "What can I do next?": availableEvents and nextSteps.

import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../model/constants.js';
import type { AvailableEvent, IncidentEvent } from '../model/incident.js';
import { at, ctx, ev, manager, partner, report, run, staffMember } from './fixtures.test.support.js';
import { availableEvents, nextSteps } from './transition.js';

const byType = (list: AvailableEvent[]) => Object.fromEntries(list.map((entry) => [entry.type, entry]));

describe('availableEvents', () => {
  it('lists every action event once, in the table’s order', () => {
    const list = availableEvents(run([report()]), ctx);
    expect(list.map((entry) => entry.type)).toEqual(EVENT_TYPES.filter((type) => type !== 'report'));
  });

  it('for a fresh report: evidence, triage, safety steps and close are allowed; the rest say wrong_state', () => {
    const list = byType(availableEvents(run([report()]), ctx));
    for (const type of [
      'record_evidence',
      'triage',
      'refer_safeguarding',
      'report_to_police',
      'assign',
      'add_note',
      'close',
    ])
      expect(list[type]).toEqual({ type, allowed: true });
    expect(list.respond_publicly).toMatchObject({ allowed: false, rule: 'wrong_state' });
    expect(list.respond_publicly?.message).toMatch(/triaged/);
    expect(list.reopen).toMatchObject({ allowed: false, rule: 'wrong_state' });
  });

  it('names the guard that would refuse, judged from the record', () => {
    const noEvidence = run([
      report({ location: 'author_account', categories: ['abusive'] }),
      {
        type: 'triage',
        at: at(5),
        actor: manager,
        categories: ['abusive'],
        evidenceUnavailableReason: 'deleted',
      },
    ]);
    const list = byType(availableEvents(noEvidence, ctx));
    expect(list.remove_from_page).toMatchObject({ allowed: false, rule: 'own_page_only' });
    expect(list.report_to_platform).toMatchObject({ allowed: false, rule: 'evidence_first' });
    expect(list.block_author).toMatchObject({ allowed: false, rule: 'block_not_justified' });
    expect(byType(availableEvents(noEvidence, { ...ctx, authorIncidentCount: 2 })).block_author).toEqual({
      type: 'block_author',
      allowed: true,
    });
  });

  it('judges the removal rules, including the 12-month warning window at the time asked about', () => {
    const warned = run([
      report({ categories: ['abusive'] }),
      ev.evidence(),
      ev.triage(['abusive']),
      ev.requestRemoval(),
      ev.authorRefused(),
      ev.warning('2026-03-02'),
    ]);
    expect(byType(availableEvents(warned, ctx)).start_removal_review).toEqual({
      type: 'start_removal_review',
      allowed: true,
    });
    const yearLater = availableEvents(warned, ctx, { at: '2027-03-03T10:00:00.000Z' });
    expect(byType(yearLater).start_removal_review).toMatchObject({
      allowed: false,
      rule: 'warning_required',
    });
  });

  it('judges role rules only when told who is asking', () => {
    const inReview = run([
      report({ categories: ['abusive'] }),
      ev.evidence(),
      ev.triage(['abusive']),
      ev.requestRemoval(),
      ev.authorRefused(),
      ev.warning('2026-03-02'),
      ev.startReview(),
    ]);
    expect(byType(availableEvents(inReview, ctx)).decide_removal?.allowed).toBe(true);
    expect(byType(availableEvents(inReview, ctx, { actor: manager })).decide_removal).toMatchObject({
      allowed: false,
      rule: 'partner_only',
    });
    expect(byType(availableEvents(inReview, ctx, { actor: partner })).decide_removal?.allowed).toBe(true);
  });

  it('a closed incident offers only reopen, and only to a manager or partner', () => {
    const closed = run([report({ categories: ['complaint'] }), ev.close('no_action', 5)]);
    const allowed = availableEvents(closed, ctx).filter((entry) => entry.allowed);
    expect(allowed.map((entry) => entry.type)).toEqual(['reopen']);
    expect(byType(availableEvents(closed, ctx, { actor: staffMember })).reopen).toMatchObject({
      rule: 'manager_or_partner_only',
    });
  });

  it('refuses the ways to close a threat without a police decision, but leaves close open (the reason can come with it)', () => {
    const threat = run([
      report({ categories: ['threat'] }),
      ev.evidence(),
      ev.triage(['threat']),
      ev.requestRemoval(),
    ]);
    const list = byType(availableEvents(threat, ctx));
    expect(list.author_removed_post).toMatchObject({ allowed: false, rule: 'police_decision_required' });
    expect(list.close?.allowed).toBe(true);
  });
});

describe('nextSteps', () => {
  const ids = (events: IncidentEvent[]) => nextSteps(run(events)).map((step) => step.id);

  it('gives the policy’s steps for the categories, most urgent first', () => {
    expect(ids([report({ categories: ['complaint', 'threat'] })])).toEqual([
      'call_999_if_immediate_danger',
      'tell_manager_now',
      'save_evidence',
      'report_to_police',
      'consider_violent_patient_policy',
      'do_not_argue_publicly',
      'offer_complaints_procedure',
    ]);
  });

  it('drops steps the record shows are done', () => {
    const steps = ids([
      report({ categories: ['threat'] }),
      ev.evidence(),
      ev.triage(['threat']),
      ev.police(),
    ]);
    expect(steps).toEqual(['call_999_if_immediate_danger', 'consider_violent_patient_policy']);
  });

  it('drops hiding the post when it is not on the practice’s own page', () => {
    expect(ids([report({ categories: ['abusive'], location: 'group' })])).not.toContain('hide_or_remove');
    expect(ids([report({ categories: ['abusive'], location: 'practice_page' })])).toContain('hide_or_remove');
  });

  it('follows the confirmed categories after triage', () => {
    expect(ids([report({ categories: ['abusive'] }), ev.evidence(), ev.triage(['feedback'])])).toEqual([
      'thank_and_point_to_reviews',
    ]);
  });

  it('puts a staff-authored post on the HR path', () => {
    const steps = ids([report({ categories: ['complaint'], author: { kind: 'staff', handle: '@nurse' } })]);
    expect(steps[0]).toBe('handle_as_hr_matter');
    expect(steps).not.toContain('offer_complaints_procedure');
  });

  it('has nothing to recommend once closed', () => {
    expect(ids([report({ categories: ['abusive'] }), ev.close('no_action', 5)])).toEqual([]);
  });
});
