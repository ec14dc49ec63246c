// One describe per row of the lifecycle table in spec/domain.md: each row allowed from its
// states, refused from another state, and refused by each of its guards.

import { describe, expect, it } from 'vitest';
import { classify } from '../classifier/classify.js';
import type { Category, State } from '../model/constants.js';
import { OPEN_STATES } from '../model/constants.js';
import type {
  Effect,
  Incident,
  IncidentEvent,
  TransitionContext,
  TransitionResult,
} from '../model/incident.js';
import {
  at,
  ctx,
  deepFreeze,
  ev,
  manager,
  partner,
  type ReportOptions,
  report,
  run,
  staffMember,
} from './fixtures.test.support.js';
import { GUARD_RULES, RULE_CODES } from './rules.js';
import { ACTION_EVENT_TYPES, startIncident, transition } from './transition.js';

const classifierReady = (() => {
  try {
    classify('Thank you.');
    return true;
  } catch {
    return false;
  }
})();

// ---------------------------------------------------------------- reaching each state

const reported = (options: ReportOptions = {}) => run([report(options)]);
const triagedEvents = (
  categories: Category[] = ['abusive'],
  options: ReportOptions = {},
): IncidentEvent[] => [report({ categories, ...options }), ev.evidence(), ev.triage(categories)];
const triaged = (categories?: Category[], options?: ReportOptions) => run(triagedEvents(categories, options));
const awaitingAuthor = (categories?: Category[], options?: ReportOptions) =>
  run([...triagedEvents(categories, options), ev.requestRemoval()]);
const complaintOffered = (categories: Category[] = ['complaint'], options?: ReportOptions) =>
  run([...triagedEvents(categories, options), ev.offerComplaints()]);
const escalatedEvents = (categories?: Category[], options?: ReportOptions): IncidentEvent[] => [
  ...triagedEvents(categories, options),
  ev.requestRemoval(),
  ev.authorRefused(),
];
const escalated = (categories?: Category[], options?: ReportOptions) =>
  run(escalatedEvents(categories, options));
const removalReview = (categories: Category[] = ['abusive'], extra: IncidentEvent[] = []) =>
  run([...escalatedEvents(categories), ev.warning('2026-01-15'), ...extra, ev.startReview()]);
const closed = (categories?: Category[]) => run([...triagedEvents(categories), ev.close('no_action')]);

const IN_STATE: Record<State, () => Incident> = {
  reported: () => reported(),
  triaged: () => triaged(),
  awaiting_author: () => awaitingAuthor(),
  complaint_offered: () => complaintOffered(['complaint', 'abusive']),
  escalated: () => escalated(),
  removal_review: () => removalReview(),
  closed: () => closed(),
};

// ---------------------------------------------------------------- assertions

function apply(incident: Incident, event: IncidentEvent, context: TransitionContext = ctx): TransitionResult {
  // Frozen so any mutation of the input throws: transitions must return new data.
  return transition(deepFreeze(incident), event, context);
}

function accepted(result: TransitionResult): { incident: Incident; effects: Effect[] } {
  if (!result.ok) throw new Error(`refused: ${result.error.rule} — ${result.error.message}`);
  return result;
}

function refusedWith(result: TransitionResult, rule: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.rule).toBe(rule);
  expect(result.error.code).toBe(RULE_CODES[rule as keyof typeof RULE_CODES]);
  expect(result.error.message.length).toBeGreaterThan(20);
}

const event = <T extends IncidentEvent['type']>(
  type: T,
  fields: Omit<Extract<IncidentEvent, { type: T }>, 'type' | 'at' | 'actor'> & {
    actor?: IncidentEvent['actor'];
  },
  minutes = 30,
): IncidentEvent => ({ type, at: at(minutes), actor: manager, ...fields }) as IncidentEvent;

const allowedFrom = (states: readonly State[], make: () => IncidentEvent, to: State | 'same') => {
  for (const state of states)
    it(`is allowed from ${state}`, () => {
      const before = IN_STATE[state]();
      const { incident } = accepted(apply(before, make()));
      expect(incident.state).toBe(to === 'same' ? state : to);
      expect(incident.version).toBe(before.version + 1);
    });
};

const refusedFrom = (states: readonly State[], make: () => IncidentEvent) => {
  for (const state of states)
    it(`is refused from ${state} (wrong_state)`, () =>
      refusedWith(apply(IN_STATE[state](), make()), 'wrong_state'));
};

const WORKING: State[] = ['triaged', 'awaiting_author', 'complaint_offered', 'escalated'];
const ALL: State[] = [...OPEN_STATES, 'closed'];
const except = (states: readonly State[]) => ALL.filter((state) => !states.includes(state));

// ---------------------------------------------------------------- report

describe('startIncident (report)', () => {
  it('opens a reported incident with the classifier’s categories and their highest severity', () => {
    const result = startIncident(report({ categories: ['complaint', 'identifies_staff'] }), ctx);
    const { incident } = accepted(result);
    expect(incident.state).toBe('reported');
    expect(incident.categories).toEqual(['complaint', 'identifies_staff']);
    expect(incident.categoriesConfirmed).toBe(false);
    expect(incident.severity).toBe('medium');
    expect(incident.evidence).toEqual([]);
    expect(incident.version).toBe(1);
  });

  it('gives severity low when the classifier found nothing', () => {
    expect(accepted(startIncident(report({ categories: [] }), ctx)).incident.severity).toBe('low');
  });

  it('tells the manager at once, any hour, for a critical post; normally otherwise', () => {
    const notify = (categories: Category[]) =>
      accepted(startIncident(report({ categories }), ctx)).effects.find(
        (effect) => effect.type === 'notify' && effect.to === 'manager',
      );
    expect(notify(['threat'])).toMatchObject({ urgency: 'immediate' });
    expect(notify(['complaint'])).toMatchObject({ urgency: 'normal' });
  });

  it('treats a reporter’s "someone is at risk now" as immediate whatever the categories', () => {
    const { effects } = accepted(startIncident(report({ categories: ['complaint'], atRisk: true }), ctx));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', to: 'manager', urgency: 'immediate' }),
    );
  });

  it('alerts the safeguarding lead at once for a sign of harm', () => {
    const { effects } = accepted(startIncident(report({ categories: ['harm_indication'] }), ctx));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', to: 'safeguarding_lead', urgency: 'immediate' }),
    );
  });

  it('sets the triage deadline (end of the next business day) and suggests the policy’s templates', () => {
    const { incident, effects } = accepted(startIncident(report({ categories: ['abusive'] }), ctx));
    // Reported Monday 09:00 GMT: due Tuesday 19:00 GMT.
    const triageDue = { kind: 'triage', due: '2026-03-03T19:00:00.000Z', setAt: at(0) };
    expect(incident.deadlines).toEqual([triageDue]);
    expect(effects).toContainEqual({ type: 'deadline_set', deadline: triageDue });
    const templates = effects.flatMap((effect) =>
      effect.type === 'template_suggested' ? [effect.templateId] : [],
    );
    expect(templates).toEqual(['platform_report', 'conduct_warning']);
  });

  it('refuses a report for another practice', () => {
    const other = { ...report(), practiceOds: 'Y99999' };
    const result = startIncident(other, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid_event', rule: 'invalid_event' });
  });

  it('refuses a report without a readable time', () => {
    refusedWith(startIncident({ ...report(), at: 'yesterday' }, ctx), 'invalid_event');
  });
});

// ---------------------------------------------------------------- the table

describe('record_evidence (open → same; needs SHA-256 and capture time)', () => {
  allowedFrom(OPEN_STATES, () => ev.evidence(40), 'same');
  refusedFrom(['closed'], () => ev.evidence(40));

  it('keeps the fingerprint in lower case', () => {
    const upper = { ...ev.evidence(40) } as Extract<IncidentEvent, { type: 'record_evidence' }>;
    upper.evidence = { ...upper.evidence, sha256: 'ABCDEF'.padEnd(64, '0') };
    expect(accepted(apply(reported(), upper)).incident.evidence[0]?.sha256).toBe('abcdef'.padEnd(64, '0'));
  });

  it('refuses evidence without a valid SHA-256 (evidence_incomplete)', () => {
    const bad = ev.evidence(40) as Extract<IncidentEvent, { type: 'record_evidence' }>;
    refusedWith(
      apply(reported(), { ...bad, evidence: { ...bad.evidence, sha256: 'not-a-hash' } }),
      'evidence_incomplete',
    );
  });

  it('refuses evidence without a capture time (evidence_incomplete)', () => {
    const bad = ev.evidence(40) as Extract<IncidentEvent, { type: 'record_evidence' }>;
    refusedWith(
      apply(reported(), { ...bad, evidence: { ...bad.evidence, capturedAt: '' } }),
      'evidence_incomplete',
    );
  });

  it('refuses the same evidence twice (evidence_duplicate)', () => {
    const first = ev.evidence(40);
    const incident = run([report(), first]);
    refusedWith(apply(incident, { ...first, at: at(41) }), 'evidence_duplicate');
  });
});

describe('triage (reported → triaged; categories confirmed; evidence or a reason)', () => {
  it('is allowed from reported with evidence, and categories may differ from the classifier’s', () => {
    const incident = run([report({ categories: ['abusive'] }), ev.evidence()]);
    const { incident: next, effects } = accepted(apply(incident, ev.triage(['complaint'], 30)));
    expect(next.state).toBe('triaged');
    expect(next.categories).toEqual(['complaint']);
    expect(next.categoriesConfirmed).toBe(true);
    expect(next.severity).toBe('low');
    expect(next.triagedAt).toBe(at(30));
    expect(effects).toContainEqual({ type: 'deadline_cleared', kind: 'triage' });
    expect(next.deadlines.map((deadline) => deadline.kind)).toEqual(['public_reply']);
  });

  it('is allowed without evidence when a reason is recorded', () => {
    const { incident } = accepted(
      apply(
        reported(),
        event('triage', { categories: ['abusive'], evidenceUnavailableReason: 'Deleted before we saw it' }),
      ),
    );
    expect(incident.evidenceUnavailableReason).toBe('Deleted before we saw it');
  });

  refusedFrom(except(['reported']), () => ev.triage(['abusive'], 30));

  it('refuses no categories (categories_required)', () => {
    refusedWith(apply(run([report(), ev.evidence()]), ev.triage([], 30)), 'categories_required');
  });

  it('refuses without evidence or a reason (evidence_or_reason)', () => {
    refusedWith(apply(reported(), ev.triage(['abusive'], 30)), 'evidence_or_reason');
    refusedWith(
      apply(reported(), event('triage', { categories: ['abusive'], evidenceUnavailableReason: '   ' })),
      'evidence_or_reason',
    );
  });

  it('refuses an unknown category (invalid_event)', () => {
    const bad = { ...ev.triage(['abusive'], 30), categories: ['rude'] } as unknown as IncidentEvent;
    refusedWith(apply(run([report(), ev.evidence()]), bad), 'invalid_event');
  });

  it('alerts at once when triage finds a threat the classifier missed, and tells the DPO about patient data', () => {
    const incident = run([report({ categories: ['complaint'] }), ev.evidence()]);
    const { effects } = accepted(apply(incident, ev.triage(['threat', 'patient_identifiable'], 30)));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', to: 'manager', urgency: 'immediate' }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', to: 'data_protection_officer' }),
    );
  });
});

describe('respond_publicly (triaged/awaiting_author/complaint_offered → same; reply checked by the classifier)', () => {
  const reply = (text: string, platform?: 'x') =>
    event('respond_publicly', platform ? { text, platform } : { text });
  const SAFE = 'Thank you for getting in touch. We would like to help: please contact the practice directly.';

  refusedFrom(except(['triaged', 'awaiting_author', 'complaint_offered']), () => reply(SAFE));

  // These run the real classifier on the reply; they wait for it to replace its stub.
  describe.skipIf(!classifierReady)('with the classifier', () => {
    allowedFrom(['triaged', 'awaiting_author', 'complaint_offered'], () => reply(SAFE), 'same');

    it('records the reply and clears the public-reply deadline it meets', () => {
      const incident = triaged(['complaint']);
      expect(incident.deadlines.map((deadline) => deadline.kind)).toEqual(['public_reply']);
      const { incident: next, effects } = accepted(apply(incident, reply(SAFE)));
      expect(next.publicReplies).toEqual([{ at: at(30), platform: 'facebook', text: SAFE }]);
      expect(next.deadlines).toEqual([]);
      expect(effects).toEqual([{ type: 'deadline_cleared', kind: 'public_reply' }]);
    });

    it('refuses a reply that names a member of staff (reply_names_staff)', () => {
      refusedWith(
        apply(triaged(['complaint']), reply('Dr Priya Shah will call you back about this today.')),
        'reply_names_staff',
      );
    });

    it('refuses a reply with clinical details (reply_clinical_detail)', () => {
      refusedWith(
        apply(
          triaged(['complaint']),
          reply(
            'Sorry about your diabetes and depression; your blood test results and your new insulin are ready.',
          ),
        ),
        'reply_clinical_detail',
      );
    });

    it('refuses a reply with another patient’s identifiable data (reply_patient_identifiable)', () => {
      refusedWith(
        apply(
          triaged(['complaint']),
          reply('Mrs Jane Doe, NHS number 943 476 5919, date of birth 01/02/1960, has been seen.'),
        ),
        'reply_patient_identifiable',
      );
    });
  });

  it('refuses a reply longer than the platform allows (reply_too_long)', () => {
    refusedWith(apply(triaged(['complaint']), reply('a'.repeat(281), 'x')), 'reply_too_long');
    // 280 code points fit on X even when each is two UTF-16 units.
    const emoji = '🙂'.repeat(280);
    const result = apply(triaged(['complaint']), reply(emoji, 'x'));
    if (!result.ok) expect(result.error.rule).not.toBe('reply_too_long');
  });

  it('refuses an empty reply (reply_empty)', () => {
    refusedWith(apply(triaged(['complaint']), reply('  ')), 'reply_empty');
  });
});

describe('remove_from_page (triaged … escalated → same; own page only; evidence first)', () => {
  const remove = () => event('remove_from_page', {});
  allowedFrom(WORKING, remove, 'same');
  refusedFrom(except(WORKING), remove);

  it('marks the post removed', () => {
    expect(accepted(apply(triaged(), remove())).incident.removedFromPage).toBe(true);
  });

  it('refuses a post that is not on the practice’s own page (own_page_only)', () => {
    refusedWith(apply(triaged(['abusive'], { location: 'author_account' }), remove()), 'own_page_only');
  });

  it('refuses before evidence is saved (evidence_first)', () => {
    const noEvidence = run([
      report(),
      event('triage', { categories: ['abusive'], evidenceUnavailableReason: 'screenshot tool broken' }, 2),
    ]);
    refusedWith(apply(noEvidence, remove()), 'evidence_first');
  });

  it('refuses a second removal (already_done)', () => {
    refusedWith(
      apply(run([...triagedEvents(), event('remove_from_page', {}, 10)]), remove()),
      'already_done',
    );
  });
});

describe('report_to_platform (triaged … escalated → same; evidence first)', () => {
  const reportIt = () => event('report_to_platform', { platformReference: 'FB-1' });
  allowedFrom(WORKING, reportIt, 'same');
  refusedFrom(except(WORKING), reportIt);

  it('refuses before evidence is saved (evidence_first)', () => {
    const noEvidence = run([
      report(),
      event('triage', { categories: ['abusive'], evidenceUnavailableReason: 'post already gone' }, 2),
    ]);
    refusedWith(apply(noEvidence, reportIt()), 'evidence_first');
  });
});

describe('request_removal (triaged → awaiting_author; the author is known)', () => {
  allowedFrom(['triaged'], () => event('request_removal', {}), 'awaiting_author');
  refusedFrom(except(['triaged']), () => event('request_removal', {}));

  it('sets the 7-day follow-up and suggests the removal request template', () => {
    const { incident, effects } = accepted(apply(triaged(), event('request_removal', {})));
    // Requested Monday 09:30: followed up Monday a week later at 09:30.
    const followUp = { kind: 'removal_follow_up', due: '2026-03-09T09:30:00.000Z', setAt: at(30) };
    expect(incident.deadlines).toContainEqual(followUp);
    expect(incident.removalRequestedAt).toBe(at(30));
    expect(effects).toEqual([
      { type: 'deadline_set', deadline: followUp },
      { type: 'template_suggested', templateId: 'removal_request' },
    ]);
  });

  it('refuses when neither a handle nor a contact is known (author_unknown)', () => {
    const anonymous = triaged(['abusive'], { author: { kind: 'unknown' } });
    refusedWith(apply(anonymous, event('request_removal', {})), 'author_unknown');
    // A contact given with the request is enough.
    expect(
      apply(anonymous, event('request_removal', { contact: 'by letter to the address on file' })).ok,
    ).toBe(true);
  });
});

describe('offer_complaints_procedure (triaged/awaiting_author → complaint_offered; complaint-in-nature)', () => {
  const offer = () => event('offer_complaints_procedure', {});
  allowedFrom(['triaged', 'awaiting_author'], offer, 'complaint_offered');
  refusedFrom(except(['triaged', 'awaiting_author']), offer);

  it('marks the incident complaint-in-nature and suggests the complaint invitation', () => {
    const { incident, effects } = accepted(apply(triaged(['complaint']), offer()));
    expect(incident.complaintInNature).toBe(true);
    expect(effects).toEqual([{ type: 'template_suggested', templateId: 'complaint_invitation' }]);
  });
});

describe('complaint_lodged (complaint_offered → closed, complaint_procedure)', () => {
  const lodged = () => event('complaint_lodged', {});
  allowedFrom(['complaint_offered'], lodged, 'closed');
  refusedFrom(except(['complaint_offered']), lodged);

  it('closes with outcome complaint_procedure and clears running deadlines', () => {
    const before = complaintOffered(['complaint']);
    expect(before.deadlines.length).toBeGreaterThan(0);
    const { incident, effects } = accepted(apply(before, lodged()));
    expect(incident).toMatchObject({ outcome: 'complaint_procedure', closedAt: at(30), deadlines: [] });
    expect(effects).toContainEqual({ type: 'deadline_cleared', kind: 'public_reply' });
  });

  it('refuses for a threat with no police decision (police_decision_required)', () => {
    refusedWith(apply(complaintOffered(['complaint', 'threat']), lodged()), 'police_decision_required');
  });
});

describe('author_removed_post (awaiting_author/complaint_offered/escalated → closed, removed_by_author)', () => {
  const removed = () => event('author_removed_post', {});
  allowedFrom(['awaiting_author', 'complaint_offered', 'escalated'], removed, 'closed');
  refusedFrom(except(['awaiting_author', 'complaint_offered', 'escalated']), removed);

  it('closes with outcome removed_by_author and clears the follow-up', () => {
    const { incident, effects } = accepted(apply(awaitingAuthor(), removed()));
    expect(incident.outcome).toBe('removed_by_author');
    expect(effects).toContainEqual({ type: 'deadline_cleared', kind: 'removal_follow_up' });
  });

  it('refuses for a sign of harm with no safeguarding decision (safeguarding_decision_required)', () => {
    refusedWith(apply(awaitingAuthor(['harm_indication']), removed()), 'safeguarding_decision_required');
    const referred = run([...triagedEvents(['harm_indication']), ev.safeguarding(), ev.requestRemoval(6)]);
    expect(apply(referred, removed()).ok).toBe(true);
  });
});

describe('author_refused (awaiting_author/complaint_offered → escalated)', () => {
  const refused = () => event('author_refused', {});
  allowedFrom(['awaiting_author', 'complaint_offered'], refused, 'escalated');
  refusedFrom(except(['awaiting_author', 'complaint_offered']), refused);

  it('clears the follow-up, tells the partners and suggests a conduct warning', () => {
    const { effects } = accepted(apply(awaitingAuthor(), refused()));
    expect(effects).toContainEqual({ type: 'deadline_cleared', kind: 'removal_follow_up' });
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', to: 'partners' }));
    expect(effects).toContainEqual({ type: 'template_suggested', templateId: 'conduct_warning' });
  });
});

describe('seek_advice (escalated → same; advisor mdu/lmc/legal/police)', () => {
  allowedFrom(['escalated'], () => event('seek_advice', { advisor: 'mdu' }), 'same');
  refusedFrom(except(['escalated']), () => event('seek_advice', { advisor: 'mdu' }));

  it('records the advisor', () => {
    const { incident } = accepted(apply(escalated(), event('seek_advice', { advisor: 'lmc' })));
    expect(incident.advice).toEqual([{ advisor: 'lmc', at: at(30) }]);
  });

  it('refuses an advisor not in the list (invalid_event)', () => {
    refusedWith(apply(escalated(), event('seek_advice', { advisor: 'friend' as 'mdu' })), 'invalid_event');
  });
});

describe('issue_warning (escalated → same; a dated written warning)', () => {
  const warn = (issuedOn = '2026-03-02') => event('issue_warning', { issuedOn });
  allowedFrom(['escalated'], () => warn(), 'same');
  refusedFrom(except(['escalated']), () => warn());

  it('records the warning with its date and who issued it', () => {
    const { incident } = accepted(apply(escalated(), warn('2026-02-20')));
    expect(incident.warnings).toEqual([{ issuedOn: '2026-02-20', by: manager.id }]);
  });

  it('refuses a missing, impossible or future date (warning_date_required)', () => {
    refusedWith(apply(escalated(), warn('')), 'warning_date_required');
    refusedWith(apply(escalated(), warn('2026-02-30')), 'warning_date_required');
    refusedWith(apply(escalated(), warn('2026-03-03')), 'warning_date_required');
  });

  it('refuses for a staff-authored post, an HR matter (patient_path_only)', () => {
    refusedWith(
      apply(escalated(['abusive'], { author: { handle: '@nurse', kind: 'staff' } }), warn()),
      'patient_path_only',
    );
  });
});

describe('start_removal_review (escalated → removal_review; threat/abusive/discriminatory; warning or police)', () => {
  const start = () => event('start_removal_review', {}, 40);
  const withWarning = (categories: Category[], issuedOn = '2026-01-15') =>
    run([...escalatedEvents(categories), ev.warning(issuedOn)]);

  it('is allowed from escalated (abusive, warned in the last 12 months)', () => {
    expect(accepted(apply(withWarning(['abusive']), start())).incident.state).toBe('removal_review');
  });
  refusedFrom(except(['escalated']), start);

  for (const category of ['abusive', 'discriminatory'] as const)
    it(`is allowed for ${category} with a warning in the last 12 months`, () => {
      expect(accepted(apply(withWarning([category]), start())).incident.state).toBe('removal_review');
    });

  it('refuses when the only concern is a complaint (complaint_only)', () => {
    const complaint = run([
      ...triagedEvents(['complaint']),
      ev.offerComplaints(),
      ev.authorRefused(),
      ev.warning('2026-01-15'),
    ]);
    refusedWith(apply(complaint, start()), 'complaint_only');
  });

  it('refuses categories that cannot justify removal (removal_category)', () => {
    refusedWith(apply(withWarning(['defamatory']), start()), 'removal_category');
  });

  it('refuses without a warning (warning_required), or with one older than 12 months', () => {
    refusedWith(apply(escalated(['abusive']), start()), 'warning_required');
    refusedWith(apply(withWarning(['abusive'], '2025-03-01'), start()), 'warning_required');
    expect(apply(withWarning(['abusive'], '2025-03-02'), start()).ok).toBe(true);
  });

  it('allows a threat reported to the police without a warning, but not an unreported one', () => {
    refusedWith(apply(escalated(['threat']), start()), 'warning_required');
    expect(apply(run([...escalatedEvents(['threat']), ev.police()]), start()).ok).toBe(true);
  });

  it('refuses for a staff-authored post (patient_path_only)', () => {
    const staffPost = run([...escalatedEvents(['abusive'], { author: { handle: '@nurse', kind: 'staff' } })]);
    refusedWith(apply(staffPost, start()), 'patient_path_only');
  });
});

describe('decide_removal (removal_review → closed patient_removed, or escalated; partner and a reason)', () => {
  const decide = (
    decision: 'remove' | 'retain',
    reason = 'Threats after a written warning',
    actor = partner,
  ) => event('decide_removal', { decision, reason, actor });

  allowedFrom(['removal_review'], () => decide('retain'), 'escalated');
  refusedFrom(except(['removal_review']), () => decide('remove'));

  it('removes: closes with patient_removed and keeps the reason', () => {
    const { incident } = accepted(apply(removalReview(), decide('remove')));
    expect(incident).toMatchObject({ state: 'closed', outcome: 'patient_removed' });
    expect(incident.notes.at(-1)?.text).toContain('Threats after a written warning');
  });

  it('retains: back to escalated, still open', () => {
    expect(accepted(apply(removalReview(), decide('retain'))).incident).toMatchObject({
      state: 'escalated',
      outcome: null,
    });
  });

  it('refuses anyone but a partner (partner_only)', () => {
    refusedWith(apply(removalReview(), decide('remove', 'reason', manager)), 'partner_only');
  });

  it('refuses without a reason (reason_required)', () => {
    refusedWith(apply(removalReview(), decide('remove', ' ')), 'reason_required');
  });

  it('refuses removal for a threat with no police decision (police_decision_required)', () => {
    refusedWith(apply(removalReview(['abusive', 'threat']), decide('remove')), 'police_decision_required');
  });
});

describe('refer_safeguarding (open → same)', () => {
  allowedFrom(OPEN_STATES, () => event('refer_safeguarding', { to: 'Local authority' }), 'same');
  refusedFrom(['closed'], () => event('refer_safeguarding', {}));

  it('records the referral and tells the safeguarding lead at once', () => {
    const { incident, effects } = accepted(
      apply(triaged(['harm_indication']), event('refer_safeguarding', {})),
    );
    expect(incident.safeguardingReferral).toEqual({ at: at(30) });
    expect(effects).toContainEqual(
      expect.objectContaining({ to: 'safeguarding_lead', urgency: 'immediate' }),
    );
  });
});

describe('report_to_police (open → same)', () => {
  allowedFrom(OPEN_STATES, () => event('report_to_police', { policeReference: 'CAD 1' }), 'same');
  refusedFrom(['closed'], () => event('report_to_police', {}));

  it('records the report and its reference', () => {
    const { incident } = accepted(
      apply(triaged(['threat']), event('report_to_police', { policeReference: ' CAD 1 ' })),
    );
    expect(incident.policeReport).toEqual({ at: at(30), reference: 'CAD 1' });
  });
});

describe('block_author (open → same; repeat poster or high severity)', () => {
  const block = () => event('block_author', {});
  const repeat: TransitionContext = { ...ctx, authorIncidentCount: 2 };
  for (const state of OPEN_STATES)
    it(`is allowed from ${state} for a repeat poster`, () => {
      expect(accepted(apply(IN_STATE[state](), block(), repeat)).incident.authorBlocked).toBe(true);
    });
  refusedFrom(['closed'], block);

  it('is allowed for a single high-severity post', () => {
    expect(apply(triaged(['discriminatory']), block()).ok).toBe(true);
  });

  it('refuses a single medium-severity post (block_not_justified)', () => {
    refusedWith(
      apply(triaged(['abusive']), block(), { ...ctx, authorIncidentCount: 1 }),
      'block_not_justified',
    );
    refusedWith(apply(triaged(['abusive']), block()), 'block_not_justified');
  });

  it('refuses blocking twice (already_done)', () => {
    const blocked = run([...triagedEvents(['discriminatory']), event('block_author', {}, 10)]);
    refusedWith(apply(blocked, block()), 'already_done');
  });
});

describe('assign and add_note (open → same)', () => {
  allowedFrom(OPEN_STATES, () => event('assign', { assignee: 'u-manager' }), 'same');
  allowedFrom(OPEN_STATES, () => event('add_note', { text: 'Spoke to the author by phone.' }), 'same');
  refusedFrom(['closed'], () => event('assign', { assignee: 'u-manager' }));
  refusedFrom(['closed'], () => event('add_note', { text: 'late note' }));

  it('records them', () => {
    const assigned = accepted(apply(triaged(), event('assign', { assignee: ' u-manager ' }))).incident;
    expect(assigned.assignee).toBe('u-manager');
    const noted = accepted(apply(assigned, event('add_note', { text: 'Called the author.' }, 31))).incident;
    expect(noted.notes).toEqual([{ at: at(31), by: manager.id, text: 'Called the author.' }]);
  });

  it('refuses an empty assignee or note (invalid_event)', () => {
    refusedWith(apply(triaged(), event('assign', { assignee: '' })), 'invalid_event');
    refusedWith(apply(triaged(), event('add_note', { text: ' ' })), 'invalid_event');
  });
});

describe('close (open → closed; an outcome; police and safeguarding decisions)', () => {
  allowedFrom(OPEN_STATES, () => ev.close('resolved_offline', 30), 'closed');
  refusedFrom(['closed'], () => ev.close('no_action', 30));

  it('sets the outcome and clears every running deadline', () => {
    const { incident, effects } = accepted(apply(reported(), ev.close('no_action', 30)));
    expect(incident).toMatchObject({ outcome: 'no_action', closedAt: at(30), deadlines: [] });
    expect(effects).toEqual([{ type: 'deadline_cleared', kind: 'triage' }]);
  });

  it('refuses without an outcome (outcome_required)', () => {
    refusedWith(
      apply(triaged(), { ...ev.close('no_action', 30), outcome: undefined } as unknown as IncidentEvent),
      'outcome_required',
    );
    refusedWith(
      apply(triaged(), { ...ev.close('no_action', 30), outcome: 'done' } as unknown as IncidentEvent),
      'outcome_required',
    );
  });

  it('refuses patient_removed as a plain close (removal_needs_decision)', () => {
    refusedWith(apply(escalated(), ev.close('patient_removed', 30)), 'removal_needs_decision');
  });

  it('refuses a sign of harm without a referral or a reason (safeguarding_decision_required)', () => {
    refusedWith(
      apply(triaged(['harm_indication']), ev.close('resolved_offline', 30)),
      'safeguarding_decision_required',
    );
    const withReason = apply(
      triaged(['harm_indication']),
      ev.close('resolved_offline', 30, {
        noSafeguardingReason: 'Author is a known adult already under the crisis team',
      }),
    );
    expect(accepted(withReason).incident.noSafeguardingReason).toBe(
      'Author is a known adult already under the crisis team',
    );
    expect(
      apply(run([...triagedEvents(['harm_indication']), ev.safeguarding()]), ev.close('resolved_offline', 30))
        .ok,
    ).toBe(true);
  });

  it('refuses a threat without a police report or a reason (police_decision_required)', () => {
    refusedWith(apply(triaged(['threat']), ev.close('no_action', 30)), 'police_decision_required');
    expect(
      apply(triaged(['threat']), ev.close('no_action', 30, { noPoliceReason: 'Song lyric, not a threat' }))
        .ok,
    ).toBe(true);
    expect(apply(run([...triagedEvents(['threat']), ev.police()]), ev.close('no_action', 30)).ok).toBe(true);
  });

  it('judges the classifier’s categories when closing before triage', () => {
    refusedWith(
      apply(reported({ categories: ['threat'] }), ev.close('no_action', 30)),
      'police_decision_required',
    );
  });
});

describe('reopen (closed → triaged; manager or partner; a reason)', () => {
  const reopen = (actor = manager, reason = 'The author posted again') =>
    event('reopen', { reason, actor }, 60);
  allowedFrom(['closed'], () => reopen(), 'triaged');
  refusedFrom(OPEN_STATES, () => reopen());

  it('clears the outcome, keeps the reason and is allowed for a partner', () => {
    const { incident } = accepted(apply(closed(), reopen(partner)));
    expect(incident).toMatchObject({ outcome: null, closedAt: null });
    expect(incident.notes.at(-1)?.text).toContain('The author posted again');
  });

  it('refuses a member of staff (manager_or_partner_only)', () => {
    refusedWith(apply(closed(), reopen(staffMember)), 'manager_or_partner_only');
  });

  it('refuses without a reason (reason_required)', () => {
    refusedWith(apply(closed(), reopen(manager, '')), 'reason_required');
  });
});

// ---------------------------------------------------------------- across the table

describe('every event', () => {
  it('a closed incident accepts only reopen', () => {
    const incident = closed();
    const samples: Record<string, IncidentEvent> = {
      record_evidence: ev.evidence(40),
      triage: ev.triage(['abusive'], 40),
      respond_publicly: event('respond_publicly', { text: 'Thanks' }),
      decide_removal: event('decide_removal', { decision: 'retain', reason: 'r', actor: partner }),
      seek_advice: event('seek_advice', { advisor: 'mdu' }),
      issue_warning: event('issue_warning', { issuedOn: '2026-03-02' }),
      assign: event('assign', { assignee: 'x' }),
      add_note: event('add_note', { text: 'x' }),
      close: ev.close('no_action', 40),
      request_removal: event('request_removal', { contact: 'x' }),
    };
    for (const type of ACTION_EVENT_TYPES) {
      const candidate = samples[type] ?? ({ type, at: at(40), actor: manager } as IncidentEvent);
      const result = apply(incident, candidate, { ...ctx, authorIncidentCount: 5 });
      if (type === 'reopen') refusedWith(result, 'reason_required');
      else refusedWith(result, 'wrong_state');
    }
  });

  it('refuses an unknown event type, a second report and a missing actor (invalid_event)', () => {
    refusedWith(
      apply(triaged(), { type: 'delete', at: at(30), actor: manager } as unknown as IncidentEvent),
      'invalid_event',
    );
    refusedWith(apply(triaged(), report()), 'invalid_event');
    refusedWith(
      apply(triaged(), { type: 'add_note', at: at(30), text: 'x' } as unknown as IncidentEvent),
      'invalid_event',
    );
  });

  it('has a distinct, stable id for every rule', () => {
    expect(new Set(GUARD_RULES).size).toBe(GUARD_RULES.length);
    for (const rule of GUARD_RULES) expect(rule).toMatch(/^[a-z_]+$/);
  });
});
