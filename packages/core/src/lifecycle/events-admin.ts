// Housekeeping and the ends of the lifecycle: assign, notes, close, reopen.

import { OUTCOMES } from '../model/constants.js';
import type { EventRule } from './event-rule.js';
import { closeWith, OPEN, same, withNote } from './event-rule.js';
import {
  criticalDecisionsRecorded,
  isBlank,
  managerOrPartnerOnly,
  reasonRequired,
  trimmed,
} from './guards.js';
import { refuse } from './rules.js';

export const assign: EventRule<'assign'> = {
  from: OPEN,
  to: 'same',
  check: (_incident, event) =>
    isBlank(event.assignee) ? refuse('invalid_event', 'Say who the incident is assigned to.') : null,
  apply: (incident, event) => same({ ...incident, assignee: event.assignee.trim() }),
};

export const addNote: EventRule<'add_note'> = {
  from: OPEN,
  to: 'same',
  check: (_incident, event) =>
    isBlank(event.text)
      ? refuse('invalid_event', 'The note is empty: write what happened before adding it.')
      : null,
  apply: (incident, event) => same(withNote(incident, event.at, event.actor, event.text)),
};

export const close: EventRule<'close'> = {
  from: OPEN,
  to: 'closed',
  check: (incident, event) => {
    if (!(OUTCOMES as readonly string[]).includes(event.outcome))
      return refuse('outcome_required', 'Choose how the incident ended (its outcome) before closing it.');
    if (event.outcome === 'patient_removed')
      return refuse(
        'removal_needs_decision',
        'A patient can only be removed from the list by a partner’s decision after a removal review, not by closing the incident.',
      );
    return criticalDecisionsRecorded(incident, event);
  },
  apply: (incident, event) => {
    let next = {
      ...incident,
      noPoliceReason: trimmed(event.noPoliceReason) ?? incident.noPoliceReason,
      noSafeguardingReason: trimmed(event.noSafeguardingReason) ?? incident.noSafeguardingReason,
    };
    const reason = trimmed(event.reason);
    if (reason) next = withNote(next, event.at, event.actor, `Closed (${event.outcome}): ${reason}`);
    return closeWith(next, event.outcome, event.at);
  },
};

export const reopen: EventRule<'reopen'> = {
  from: ['closed'],
  to: 'triaged',
  precheck: (_incident, _ctx, probe) => managerOrPartnerOnly(probe.actor),
  check: (_incident, event) => reasonRequired(event.reason, 'for reopening the incident'),
  apply: (incident, event) => ({
    incident: {
      ...withNote(incident, event.at, event.actor, `Reopened: ${event.reason.trim()}`),
      state: 'triaged',
      outcome: null,
      closedAt: null,
    },
    effects: [
      { type: 'notify', to: 'manager', urgency: 'normal', reason: 'A closed incident has been reopened.' },
    ],
  }),
};
