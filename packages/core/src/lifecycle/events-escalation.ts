// Escalation: advice, a written warning, and a partner's decision on removal from the list.

import { ADVISORS } from '../model/constants.js';
import type { EventRule } from './event-rule.js';
import { closeWith, same, withNote } from './event-rule.js';
import {
  criticalDecisionsRecorded,
  isoDay,
  localDay,
  partnerOnly,
  patientPathOnly,
  reasonRequired,
  removalJustifiedByCategory,
  warningOrPoliceThreat,
} from './guards.js';
import { refuse } from './rules.js';

export const seekAdvice: EventRule<'seek_advice'> = {
  from: ['escalated'],
  to: 'same',
  check: (_incident, event) =>
    (ADVISORS as readonly string[]).includes(event.advisor)
      ? null
      : refuse('invalid_event', `Choose who was asked for advice: ${ADVISORS.join(', ')}.`),
  apply: (incident, event) =>
    same({ ...incident, advice: [...incident.advice, { advisor: event.advisor, at: event.at }] }),
};

export const issueWarning: EventRule<'issue_warning'> = {
  from: ['escalated'],
  to: 'same',
  precheck: (incident) => patientPathOnly(incident),
  check: (_incident, event) => {
    const issued = isoDay(event.issuedOn);
    return issued !== null && issued <= localDay(event.at)
      ? null
      : refuse(
          'warning_date_required',
          'A written warning needs the date it was issued (not a future date): it starts the 12-month window.',
        );
  },
  apply: (incident, event) => ({
    incident: {
      ...incident,
      warnings: [
        ...incident.warnings,
        { issuedOn: isoDay(event.issuedOn) ?? event.issuedOn, by: event.actor.id },
      ],
    },
    effects: [{ type: 'template_suggested', templateId: 'conduct_warning' }],
  }),
};

export const startRemovalReview: EventRule<'start_removal_review'> = {
  from: ['escalated'],
  to: 'removal_review',
  precheck: (incident, _ctx, probe) =>
    patientPathOnly(incident) ??
    removalJustifiedByCategory(incident) ??
    warningOrPoliceThreat(incident, probe.at),
  apply: (incident) => ({
    incident: { ...incident, state: 'removal_review' },
    effects: [
      {
        type: 'notify',
        to: 'partners',
        urgency: 'normal',
        reason: 'A removal from the patient list is under review: a partner must decide, with a reason.',
      },
    ],
  }),
};

export const decideRemoval: EventRule<'decide_removal'> = {
  from: ['removal_review'],
  to: 'closed (patient_removed) or escalated (retain)',
  precheck: (_incident, _ctx, probe) => partnerOnly(probe.actor),
  check: (incident, event) => {
    if (event.decision !== 'remove' && event.decision !== 'retain')
      return refuse('invalid_event', 'The decision must be to remove the patient or to retain them.');
    const noReason = reasonRequired(event.reason, 'for the decision: it is kept with the record');
    if (noReason) return noReason;
    // The state machine already makes these true; checked again because removal is irreversible.
    if (event.decision === 'remove')
      return removalJustifiedByCategory(incident) ?? criticalDecisionsRecorded(incident);
    return null;
  },
  apply: (incident, event) => {
    const noted = withNote(
      incident,
      event.at,
      event.actor,
      `Removal decision (${event.decision}): ${event.reason.trim()}`,
    );
    if (event.decision === 'retain') return same({ ...noted, state: 'escalated' });
    return closeWith(noted, 'patient_removed', event.at, [
      {
        type: 'notify',
        to: 'manager',
        urgency: 'normal',
        reason:
          'A partner decided to remove the patient from the list: write to the patient and notify the commissioner.',
      },
    ]);
  },
};
