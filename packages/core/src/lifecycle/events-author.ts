// What the author does next: lodges a complaint, takes the post down, or refuses.

import { clearDeadlines } from './deadlines.js';
import type { EventRule } from './event-rule.js';
import { closeWith } from './event-rule.js';
import { criticalDecisionsRecorded } from './guards.js';

export const complaintLodged: EventRule<'complaint_lodged'> = {
  from: ['complaint_offered'],
  to: 'closed (complaint_procedure)',
  precheck: (incident) => criticalDecisionsRecorded(incident),
  apply: (incident, event) => closeWith(incident, 'complaint_procedure', event.at),
};

export const authorRemovedPost: EventRule<'author_removed_post'> = {
  from: ['awaiting_author', 'complaint_offered', 'escalated'],
  to: 'closed (removed_by_author)',
  precheck: (incident) => criticalDecisionsRecorded(incident),
  apply: (incident, event) => closeWith(incident, 'removed_by_author', event.at),
};

export const authorRefused: EventRule<'author_refused'> = {
  from: ['awaiting_author', 'complaint_offered'],
  to: 'escalated',
  apply: (incident) => {
    const [deadlines, cleared] = clearDeadlines(incident.deadlines, ['removal_follow_up']);
    return {
      incident: { ...incident, state: 'escalated', deadlines },
      effects: [
        ...cleared,
        {
          type: 'notify',
          to: 'partners',
          urgency: 'normal',
          reason: 'The author will not remove the post: the partners should consider the next steps.',
        },
        ...(incident.report.author?.kind === 'staff'
          ? []
          : [{ type: 'template_suggested' as const, templateId: 'conduct_warning' as const }]),
      ],
    };
  },
};
