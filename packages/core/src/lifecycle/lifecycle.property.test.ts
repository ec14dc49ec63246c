// Properties over random event sequences: whatever people click, in whatever order, the policy's
// hard lines hold. Sequences are random but biased towards events that move an incident along,
// so deep states (removal review, closure, reopening) are reached often; counters below prove it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Category } from '../model/constants.js';
import {
  ADVISORS,
  AUTHOR_KINDS,
  CATEGORIES,
  EVENT_TYPES,
  OUTCOMES,
  POST_LOCATIONS,
} from '../model/constants.js';
import type { Actor, Incident, IncidentEvent, TransitionContext } from '../model/incident.js';
import { REMOVED_TEXT, restorePersonalData, splitPersonalData } from '../model/personal-data.js';
import {
  ctx as baseCtx,
  classification,
  deepFreeze,
  manager,
  partner,
  staffMember,
} from './fixtures.test.support.js';
import { availableEvents, replay, startIncident, transition } from './transition.js';

const START = Date.UTC(2026, 2, 2, 9, 0);
const STEP_MINUTES = 7 * 60 + 13; // uneven, so events land at all hours and days

type Spec = {
  [K in IncidentEvent['type']]: Omit<Extract<IncidentEvent, { type: K }>, 'at' | 'actor'>;
}[IncidentEvent['type']];

const actor = fc.constantFrom<Actor>(staffMember, manager, partner, partner);
const categories = fc.subarray([...CATEGORIES], { maxLength: 4 });
const maybeText = fc.constantFrom(undefined, '', '  ', 'Recorded reason');

const spec: fc.Arbitrary<Spec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('a', 'b', 'c').map(
      (id): Spec => ({
        type: 'record_evidence',
        evidence: { id, kind: 'text', sha256: 'b'.repeat(64), capturedAt: new Date(START).toISOString() },
      }),
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({ categories, reason: maybeText }).map(
      ({ categories, reason }): Spec => ({
        type: 'triage',
        categories,
        ...(reason === undefined ? {} : { evidenceUnavailableReason: reason }),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('We are sorry to hear this; please contact the practice directly.', 'x'.repeat(9000), '')
      .map((text): Spec => ({ type: 'respond_publicly', text })),
  },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'remove_from_page' }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'report_to_platform' }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(undefined, 'letter')
      .map((contact): Spec => ({ type: 'request_removal', ...(contact ? { contact } : {}) })),
  },
  { weight: 2, arbitrary: fc.constant<Spec>({ type: 'offer_complaints_procedure' }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'complaint_lodged' }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'author_removed_post' }) },
  { weight: 3, arbitrary: fc.constant<Spec>({ type: 'author_refused' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ADVISORS).map((advisor): Spec => ({ type: 'seek_advice', advisor })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('2024-12-01', '2025-06-01', '2026-03-01', '2027-01-01', 'soon')
      .map((issuedOn): Spec => ({ type: 'issue_warning', issuedOn })),
  },
  { weight: 4, arbitrary: fc.constant<Spec>({ type: 'start_removal_review' }) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        decision: fc.constantFrom('remove' as const, 'retain' as const),
        reason: fc.constantFrom('', 'Trust has broken down'),
      })
      .map((d): Spec => ({ type: 'decide_removal', ...d })),
  },
  { weight: 2, arbitrary: fc.constant<Spec>({ type: 'refer_safeguarding' }) },
  { weight: 2, arbitrary: fc.constant<Spec>({ type: 'report_to_police' }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'block_author' }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'assign', assignee: 'u-manager' }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'add_note', text: 'note' }) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        outcome: fc.constantFrom(...OUTCOMES),
        noPoliceReason: maybeText,
        noSafeguardingReason: maybeText,
      })
      .map((c): Spec => ({ type: 'close', ...c })),
  },
  { weight: 2, arbitrary: maybeText.map((reason): Spec => ({ type: 'reopen', reason: reason ?? '' })) },
);

const REMOVAL_CATEGORY = fc.constantFrom<Category>('threat', 'abusive', 'discriminatory');

/**
 * A likely journey through the table, with some steps dropped: random noise alone rarely gets deep.
 * A step may name its actor (a partner decides removals); the others get a random one.
 */
const journey: fc.Arbitrary<[Spec, Actor | null][]> = fc
  .record({
    path: fc.constantFrom('removal', 'complaint_then_removal', 'complaint', 'close_reopen'),
    categories,
    removalCategories: fc.tuple(categories, REMOVAL_CATEGORY).map(([some, one]) => [...some, one]),
    complaintCategories: fc.constantFrom<Category[]>(
      ['complaint'],
      ['complaint', 'enquiry'],
      ['complaint', 'abusive'],
    ),
    warnedOn: fc.constantFrom('2026-03-01', '2026-03-01', '2025-01-10'),
    police: fc.boolean(),
    decision: fc.constantFrom('remove' as const, 'remove' as const, 'retain' as const),
    ending: fc.constantFrom<Spec['type']>('complaint_lodged', 'author_removed_post', 'author_refused'),
    outcome: fc.constantFrom(...OUTCOMES),
    reason: maybeText,
    keep: fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 9, maxLength: 9 }),
  })
  .map((j) => {
    const start = (triageAs: Category[]): Spec[] => [
      {
        type: 'record_evidence',
        evidence: {
          id: 'j',
          kind: 'text',
          sha256: 'c'.repeat(64),
          capturedAt: new Date(START).toISOString(),
        },
      },
      { type: 'triage', categories: triageAs },
    ];
    const towardsRemoval: [Spec, Actor | null][] = [
      [{ type: 'issue_warning', issuedOn: j.warnedOn }, manager],
      ...(j.police ? [[{ type: 'report_to_police' }, null] as [Spec, null]] : []),
      [{ type: 'start_removal_review' }, null],
      [{ type: 'decide_removal', decision: j.decision, reason: 'Trust has broken down' }, partner],
    ];
    const random = (specs: Spec[]) => specs.map((step): [Spec, Actor | null] => [step, null]);
    const path: [Spec, Actor | null][] =
      j.path === 'removal'
        ? [
            ...random([
              ...start(j.removalCategories),
              { type: 'request_removal', contact: 'letter' },
              { type: 'author_refused' },
            ]),
            ...towardsRemoval,
          ]
        : j.path === 'complaint_then_removal'
          ? [
              ...random([
                ...start(j.complaintCategories),
                { type: 'offer_complaints_procedure' },
                { type: 'author_refused' },
              ]),
              ...towardsRemoval,
            ]
          : j.path === 'complaint'
            ? random([
                ...start(j.categories),
                { type: 'offer_complaints_procedure' },
                { type: j.ending } as Spec,
              ])
            : random([
                {
                  type: 'close',
                  outcome: j.outcome,
                  ...(j.reason ? { noPoliceReason: j.reason, noSafeguardingReason: j.reason } : {}),
                },
                { type: 'reopen', reason: j.reason ?? 'again' },
              ]);
    return path.filter((_, i) => (j.keep[i] ?? 1) > 0);
  });

const noise = fc
  .array(spec, { maxLength: 5 })
  .map((specs) => specs.map((step): [Spec, Actor | null] => [step, null]));

const scenario = fc.record({
  initial: categories,
  location: fc.constantFrom(...POST_LOCATIONS),
  authorKind: fc.constantFrom(...AUTHOR_KINDS),
  handle: fc.constantFrom(undefined, '@poster'),
  authorIncidentCount: fc.integer({ min: 1, max: 3 }),
  steps: fc
    .tuple(
      fc.array(fc.oneof(journey, noise), { minLength: 1, maxLength: 4 }),
      fc.array(actor, { minLength: 60, maxLength: 60 }),
    )
    .map(([segments, actors]) =>
      segments
        .flat()
        .map(([step, who], i): [Spec, Actor] => [step, who ?? actors[i % actors.length] ?? manager]),
    ),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function eventsOf(s: Scenario): IncidentEvent[] {
  const reportEvent: IncidentEvent = {
    type: 'report',
    at: new Date(START).toISOString(),
    actor: staffMember,
    incidentId: 'inc-p',
    reference: 'RS-P',
    practiceOds: baseCtx.settings.ods,
    report: {
      platform: 'facebook',
      seenAt: new Date(START).toISOString(),
      location: s.location,
      author: { kind: s.authorKind, ...(s.handle ? { handle: s.handle } : {}) },
      text: 'post',
      atRisk: false,
      reporter: { name: 'R' },
    },
    classification: classification(s.initial),
  };
  const steps = s.steps.map(
    ([step, who], i): IncidentEvent =>
      ({
        ...step,
        at: new Date(START + (i + 1) * STEP_MINUTES * 60_000).toISOString(),
        actor: who,
      }) as IncidentEvent,
  );
  return [reportEvent, ...steps];
}

interface Step {
  before: Incident;
  event: IncidentEvent;
  after: Incident | null;
  rule: string | null;
}

/** Folds a scenario step by step, keeping refused events out, with every input frozen. */
function fold(s: Scenario): {
  steps: Step[];
  accepted: IncidentEvent[];
  final: Incident;
  context: TransitionContext;
} {
  const context: TransitionContext = { ...baseCtx, authorIncidentCount: s.authorIncidentCount };
  const [first, ...rest] = eventsOf(s);
  if (first?.type !== 'report') throw new Error('no report');
  const started = startIncident(first, context);
  if (!started.ok) throw new Error(started.error.message);
  let incident = deepFreeze(started.incident);
  const accepted: IncidentEvent[] = [first];
  const steps: Step[] = [];
  for (const event of rest) {
    const result = transition(incident, event, context);
    steps.push({
      before: incident,
      event,
      after: result.ok ? result.incident : null,
      rule: result.ok ? null : result.error.rule,
    });
    if (result.ok) {
      accepted.push(event);
      incident = deepFreeze(result.incident);
    }
  }
  return { steps, accepted, final: incident, context };
}

const REMOVAL: readonly Category[] = ['threat', 'abusive', 'discriminatory'];
const RUNS = 600;

describe('lifecycle properties over random event sequences', () => {
  it('replay is deterministic and rebuilds exactly the incident the transitions produced', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { accepted, final, context, steps } = fold(s);
        const once = replay(accepted, context);
        const twice = replay(JSON.parse(JSON.stringify(accepted)) as IncidentEvent[], context);
        expect(once).toEqual({ ok: true, incident: final });
        expect(twice).toEqual(once);
        // Replaying the raw sequence stops at the first refused event, with its rule.
        const firstRefused = steps.findIndex((step) => step.rule !== null);
        const raw = replay(eventsOf(s), context);
        if (firstRefused === -1) expect(raw.ok).toBe(true);
        else
          expect(raw).toMatchObject({
            ok: false,
            index: firstRefused + 1,
            error: { rule: steps[firstRefused]?.rule },
          });
      }),
      { numRuns: RUNS },
    );
  });

  // Personal data can be removed from a stored record (model/personal-data.ts) and the audit replays
  // what is left: the same lifecycle must fold, and putting the values back must give the original.
  it('events without their personal data replay to the same lifecycle, and restore exactly', () => {
    let masked = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const { accepted, final, context } = fold(s);
        const splits = accepted.map(splitPersonalData);
        for (const [i, split] of splits.entries())
          expect(restorePersonalData(split.record, split.personal)).toEqual(accepted[i]);
        const redacted = replay(
          splits.map((split) => split.record),
          { ...context, authorIncidentCount: 100 },
        );
        expect(
          redacted.ok,
          JSON.stringify(redacted.ok ? null : [redacted.error, accepted[redacted.index]]),
        ).toBe(true);
        if (!redacted.ok) return;
        const { incident } = redacted;
        for (const key of ['state', 'outcome', 'severity', 'categories', 'deadlines', 'version'] as const)
          expect(incident[key]).toEqual(final[key]);
        expect(incident.report.text).toBe(REMOVED_TEXT);
        expect(incident.report.author?.handle ?? REMOVED_TEXT).toBe(REMOVED_TEXT);
        expect(JSON.stringify(incident)).not.toContain('Recorded reason');
        expect(JSON.stringify(incident)).not.toContain('Trust has broken down');
        masked += splits.reduce((n, split) => n + split.personal.length, 0);
      }),
      { numRuns: RUNS },
    );
    expect(masked).toBeGreaterThan(RUNS * 2);
  });

  it('every accepted event steps the version and time; every refused one leaves the incident as it was', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const step of fold(s).steps) {
          if (!step.after) continue;
          expect(step.after.version).toBe(step.before.version + 1);
          expect(step.after.updatedAt).toBe(step.event.at);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('no sequence removes a patient when the only concern is a complaint; removal is always a partner’s, warned or police-reported', () => {
    let removals = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        for (const step of fold(s).steps) {
          if (step.after?.outcome !== 'patient_removed' || step.before.outcome === 'patient_removed')
            continue;
          removals += 1;
          const incident = step.after;
          const complaintOnly =
            (incident.complaintInNature || incident.categories.includes('complaint')) &&
            !incident.categories.some((c) => REMOVAL.includes(c));
          expect(complaintOnly).toBe(false);
          expect(incident.categories.some((c) => REMOVAL.includes(c))).toBe(true);
          expect(step.event.actor.role).toBe('partner');
          expect(incident.warnings.length > 0 || incident.policeReport !== null).toBe(true);
          expect(incident.report.author?.kind).not.toBe('staff');
        }
      }),
      { numRuns: RUNS },
    );
    expect(removals).toBeGreaterThan(0); // the property was exercised, not vacuous
  });

  it('a removal review is never started for an incident whose only concern is a complaint', () => {
    let attempts = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        for (const step of fold(s).steps) {
          const { before } = step;
          const complaintOnly =
            (before.complaintInNature || before.categories.includes('complaint')) &&
            !before.categories.some((c) => REMOVAL.includes(c));
          if (step.event.type !== 'start_removal_review' || before.state !== 'escalated' || !complaintOnly)
            continue;
          attempts += 1;
          expect(step.after).toBeNull();
          expect(['complaint_only', 'patient_path_only']).toContain(step.rule);
        }
      }),
      { numRuns: RUNS },
    );
    expect(attempts).toBeGreaterThan(0);
  });

  it('no threat or harm_indication incident closes without a police / safeguarding decision', () => {
    let criticalClosures = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        for (const step of fold(s).steps) {
          if (step.after?.state !== 'closed' || step.before.state === 'closed') continue;
          const incident = step.after;
          if (incident.categories.includes('threat')) {
            criticalClosures += 1;
            expect(incident.policeReport !== null || (incident.noPoliceReason ?? '').trim() !== '').toBe(
              true,
            );
          }
          if (incident.categories.includes('harm_indication')) {
            criticalClosures += 1;
            expect(
              incident.safeguardingReferral !== null || (incident.noSafeguardingReason ?? '').trim() !== '',
            ).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(criticalClosures).toBeGreaterThan(0);
  });

  it('a closed incident accepts only reopen', () => {
    let closedAttempts = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        for (const step of fold(s).steps) {
          if (step.before.state !== 'closed') continue;
          closedAttempts += 1;
          if (step.event.type !== 'reopen') expect(step.rule).toBe('wrong_state');
          else if (step.after) expect(step.after.state).toBe('triaged');
        }
      }),
      { numRuns: RUNS },
    );
    expect(closedAttempts).toBeGreaterThan(0);
  });

  it('availableEvents agrees with transition: an accepted event was listed as allowed, a listed refusal refuses', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { steps, context } = fold(s);
        for (const step of steps) {
          const listed = availableEvents(step.before, context, {
            at: step.event.at,
            actor: step.event.actor,
          }).find((entry) => entry.type === step.event.type);
          if (!listed) continue; // not an action event (a stray report)
          if (step.after) expect(listed).toEqual({ type: step.event.type, allowed: true });
          if (!listed.allowed) expect(step.rule).toBe(listed.rule);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('malformed events of every type are refused, never thrown', () => {
    const junk = fc.oneof(fc.anything(), fc.string(), fc.constant(undefined), fc.array(fc.string()));
    const malformed = fc.record({
      type: fc.constantFrom(...EVENT_TYPES, 'delete', ''),
      at: fc.oneof(fc.constant(new Date(START + 3_600_000).toISOString()), junk),
      actor: fc.oneof(actor, junk),
      fields: fc.dictionary(
        fc.constantFrom(
          'categories',
          'text',
          'platform',
          'evidence',
          'advisor',
          'issuedOn',
          'decision',
          'reason',
          'outcome',
          'assignee',
          'to',
          'policeReference',
          'contact',
          'noPoliceReason',
          'evidenceUnavailableReason',
        ),
        junk,
      ),
    });
    fc.assert(
      fc.property(scenario, malformed, (s, bad) => {
        const { final, context } = fold(s);
        const event = {
          ...bad.fields,
          type: bad.type,
          at: bad.at,
          actor: bad.actor,
        } as unknown as IncidentEvent;
        const result = transition(final, event, context);
        if (!result.ok) expect(typeof result.error.message).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});
