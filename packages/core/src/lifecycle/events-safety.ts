// Safety and protection, allowed in any open state: safeguarding, police, blocking.

import type { EventRule } from './event-rule.js';
import { OPEN, same } from './event-rule.js';
import { alreadyDone, blockJustified, trimmed } from './guards.js';

export const referSafeguarding: EventRule<'refer_safeguarding'> = {
  from: OPEN,
  to: 'same',
  apply: (incident, event) =>
    same(
      {
        ...incident,
        safeguardingReferral: { at: event.at, ...(trimmed(event.to) ? { to: trimmed(event.to) } : {}) },
      },
      [
        {
          type: 'notify',
          to: 'safeguarding_lead',
          urgency: 'immediate',
          reason: 'A safeguarding referral has been made from a social media post.',
        },
      ],
    ),
};

export const reportToPolice: EventRule<'report_to_police'> = {
  from: OPEN,
  to: 'same',
  apply: (incident, event) =>
    same({
      ...incident,
      policeReport: {
        at: event.at,
        ...(trimmed(event.policeReference) ? { reference: trimmed(event.policeReference) } : {}),
      },
    }),
};

export const blockAuthor: EventRule<'block_author'> = {
  from: OPEN,
  to: 'same',
  precheck: (incident, ctx) =>
    alreadyDone(incident.authorBlocked, 'The author is already blocked.') ?? blockJustified(incident, ctx),
  apply: (incident) => same({ ...incident, authorBlocked: true }),
};
