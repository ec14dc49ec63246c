// Builders for the lifecycle tests; named `*.test.*` so the published package leaves it out.
// Times are on Monday 2 March 2026, a plain working week in GMT, unless a test says otherwise.

import type { Category, Outcome, PostLocation } from '../model/constants.js';
import { CATEGORY_SEVERITY, maxSeverity } from '../model/constants.js';
import type {
  Actor,
  Classification,
  Incident,
  IncidentEvent,
  IncidentEventOf,
  PostAuthor,
  TransitionContext,
} from '../model/incident.js';
import { withDefaults } from '../model/settings.js';
import { replay } from './transition.js';

export const settings = withDefaults({
  name: 'Riverside Surgery',
  ods: 'Y90001',
  staff: [
    { name: 'Dr Priya Shah', role: 'GP partner' },
    { name: 'Jake Patel', role: 'receptionist' },
  ],
});
export const ctx: TransitionContext = { settings };

export const staffMember: Actor = { id: 'u-staff', role: 'staff', name: 'Sam Reception' };
export const manager: Actor = { id: 'u-manager', role: 'manager', name: 'Morgan Manager' };
export const partner: Actor = { id: 'u-partner', role: 'partner', name: 'Dr Pat Partner' };

/** 2026-03-02T09:00Z plus `minutes`. */
export const at = (minutes = 0): string => new Date(Date.UTC(2026, 2, 2, 9, minutes)).toISOString();

export function classification(categories: readonly Category[]): Classification {
  return {
    categories: categories.map((id) => ({
      id,
      severity: CATEGORY_SEVERITY[id],
      confidence: 0.9,
      evidence: [],
    })),
    severity: categories.length ? maxSeverity(categories.map((id) => CATEGORY_SEVERITY[id])) : null,
    recommendedActions: [],
    suggestedTemplates: [],
  };
}

export interface ReportOptions {
  categories?: Category[];
  location?: PostLocation;
  author?: PostAuthor;
  atRisk?: boolean;
  time?: string;
}

export function report(options: ReportOptions = {}): IncidentEventOf<'report'> {
  return {
    type: 'report',
    at: options.time ?? at(0),
    actor: staffMember,
    incidentId: 'inc-1',
    reference: 'RS-0001',
    practiceOds: settings.ods,
    report: {
      platform: 'facebook',
      seenAt: options.time ?? at(0),
      location: options.location ?? 'practice_page',
      author: options.author ?? { handle: '@angry.pat', kind: 'patient' },
      text: 'The post as the reporter copied it.',
      atRisk: options.atRisk ?? false,
      reporter: { name: 'Sam Reception' },
    },
    classification: classification(options.categories ?? ['abusive']),
  };
}

let evidenceCounter = 0;
/** Event builders; `minutes` after the fixture's start time. */
export const ev = {
  evidence: (minutes = 1): IncidentEvent => ({
    type: 'record_evidence',
    at: at(minutes),
    actor: staffMember,
    evidence: {
      id: `ev-${++evidenceCounter}`,
      kind: 'screenshot',
      sha256: 'a'.repeat(64),
      capturedAt: at(minutes),
    },
  }),
  triage: (categories: Category[], minutes = 2): IncidentEvent => ({
    type: 'triage',
    at: at(minutes),
    actor: manager,
    categories,
  }),
  requestRemoval: (minutes = 3): IncidentEvent => ({
    type: 'request_removal',
    at: at(minutes),
    actor: manager,
  }),
  offerComplaints: (minutes = 3): IncidentEvent => ({
    type: 'offer_complaints_procedure',
    at: at(minutes),
    actor: manager,
  }),
  authorRefused: (minutes = 4): IncidentEvent => ({
    type: 'author_refused',
    at: at(minutes),
    actor: manager,
  }),
  warning: (issuedOn: string, minutes = 5): IncidentEvent => ({
    type: 'issue_warning',
    at: at(minutes),
    actor: manager,
    issuedOn,
  }),
  police: (minutes = 5): IncidentEvent => ({
    type: 'report_to_police',
    at: at(minutes),
    actor: manager,
    policeReference: 'CAD-123',
  }),
  safeguarding: (minutes = 5): IncidentEvent => ({
    type: 'refer_safeguarding',
    at: at(minutes),
    actor: manager,
  }),
  startReview: (minutes = 6): IncidentEvent => ({
    type: 'start_removal_review',
    at: at(minutes),
    actor: manager,
  }),
  close: (outcome: Outcome, minutes = 8, extra: Partial<IncidentEventOf<'close'>> = {}): IncidentEvent => ({
    type: 'close',
    at: at(minutes),
    actor: manager,
    outcome,
    ...extra,
  }),
};

/** Folds events (report first) and fails loudly if any is refused. */
export function run(events: readonly IncidentEvent[], context: TransitionContext = ctx): Incident {
  const result = replay(events, context);
  if (!result.ok)
    throw new Error(`event ${result.index} refused: ${result.error.rule} — ${result.error.message}`);
  return result.incident;
}

/** Freezes an incident deeply so a transition that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
