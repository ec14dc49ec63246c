import {
  type Actor,
  authorKey,
  availableEvents,
  classify,
  type Incident,
  type IncidentEvent,
  nextSteps,
  type PracticeSettings,
  REMOVED_TEXT,
  type Refusal,
  type ReportInput,
  reporterSteps,
  startIncident,
  transition,
} from '@policy/core';
import type { Context } from 'hono';
import { uuidv7 } from '../db/ids.js';
import type { PracticeRecord, PracticeSettingsRecord } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { actorOf } from '../http/actor.js';
import type { AppEnv } from '../http/env.js';
import { ApiError, notFound } from '../http/problem.js';
import { announceUpdated } from './outbox.js';

// The write path every incident change takes: load the projection, ask @policy/core, then insert
// the event (with its hash-chain link) and update the projection in the same transaction.

const parsedSettings = new Map<string, PracticeSettings>();

/**
 * The practice's settings, parsed once per distinct stored JSON (keyed by the JSON itself, so it can
 * never be stale). Callers must not mutate the result: @policy/core never does.
 */
export function settingsOf(practice: Pick<PracticeRecord, 'settings'>): PracticeSettings {
  let settings = parsedSettings.get(practice.settings);
  if (!settings) {
    if (parsedSettings.size >= 1000) parsedSettings.clear();
    settings = JSON.parse(practice.settings) as PracticeSettings;
    parsedSettings.set(practice.settings, settings);
  }
  return settings;
}

/**
 * Identifies the post's author across incidents, for the repeat-poster rule: core's one definition
 * of "the same author" (the monitoring summary uses it too). Stored, never logged. A name or handle
 * removed as personal data (REMOVED_TEXT) identifies no one.
 */
export function authorRefOf(report: ReportInput): string | null {
  const known = (value: string | undefined) => (value === REMOVED_TEXT ? undefined : value);
  const author = report.author && { handle: known(report.author.handle), name: known(report.author.name) };
  return authorKey({ platform: report.platform, author });
}

/** A refusal from core as a problem: guards and wrong states are 409 with the rule; a bad event is 422. */
export function refusalError(error: Refusal): ApiError {
  if (error.code === 'invalid_event')
    return new ApiError(422, error.message, {
      rule: error.rule,
      errors: [{ path: 'body', message: error.message }],
    });
  return new ApiError(409, error.message, {
    type: '/problems/policy-refusal',
    title: 'Refused by the policy',
    rule: error.rule,
  });
}

export function referenceOf(ods: string, year: number, number: number): string {
  return `${ods}-${year}-${String(number).padStart(4, '0')}`;
}

/** Classifies and stores a new report. Call inside the request's transaction. */
export function fileReport(
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  c: Context<AppEnv, any, any>,
  input: ReportInput,
  classification = classifyFor(c, input),
) {
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  const settings = settingsOf(practice);
  const now = clock();
  const year = now.getUTCFullYear();
  const numbers = store.nextNumbers(practice.ods, year);
  const reference = referenceOf(practice.ods, year, numbers.ref);
  const principal = c.get('principal');
  const actor =
    principal.type === 'report'
      ? { id: `report-key:${principal.keyId}`, role: 'staff' as const, name: input.reporter.name }
      : actorOf(c);
  const event: IncidentEvent = {
    type: 'report',
    at: now.toISOString(),
    actor,
    // Time-ordered (db/ids.ts): the new rows land at the end of their indexes.
    incidentId: uuidv7(now.getTime()),
    reference,
    practiceOds: practice.ods,
    report: input,
    classification,
  };
  const authorRef = authorRefOf(input);
  const result = startIncident(event, {
    settings,
    authorIncidentCount: authorRef ? store.authorIncidentCount(practice.ods, authorRef) + 1 : 1,
  });
  if (!result.ok) throw refusalError(result.error);
  const incident = result.incident;
  store.insertIncident({
    incident,
    practiceSeq: numbers.seq,
    refYear: year,
    refNumber: numbers.ref,
    authorRef,
    createdByKey: principal.keyId,
  });
  store.appendEvent(practice.ods, incident.id, event, principal.keyId);
  return { incident, effects: result.effects, event: event as IncidentEvent };
}

/** Classification runs before the transaction: it is CPU work that needs no lock. */
// biome-ignore lint/suspicious/noExplicitAny: any route's context
export function classifyFor(c: Context<AppEnv, any, any>, input: ReportInput) {
  const settings = settingsOf(c.get('practice'));
  return classify(input.text, {
    staff: settings.staff,
    platform: input.platform,
    practiceName: settings.name,
  });
}

/**
 * What the API answers the filing of a report. Its `nextSteps` are the reporter's (stay safe, get
 * help, keep the evidence, tell the manager; never engage the author), not the manager's actions.
 */
export function reportAnswer(incident: Incident) {
  const steps = reporterSteps(incident.categories, {
    atRisk: incident.report.atRisk,
    authorKind: incident.report.author?.kind,
    screenshotCount: incident.evidence.length,
  });
  return {
    id: incident.id,
    reference: incident.reference,
    state: incident.state,
    severity: incident.severity,
    classification: incident.classification,
    nextSteps: steps.map((step) => step.text),
    nextStepIds: steps.map((step) => step.id),
  };
}

/**
 * Applies one event to a stored incident and announces it (`incident.updated`, in the same
 * transaction). Call inside the request's transaction. `announce: false` for events that are part
 * of filing the report (its screenshots): the filing announces the new incident once.
 */
export function applyEvent(
  store: Store,
  practice: PracticeSettingsRecord,
  incidentId: string,
  event: IncidentEvent,
  keyId: string,
  options: { announce?: boolean } = {},
) {
  const found = store.incident(practice.ods, incidentId);
  if (!found) throw notFound('incident');
  const settings = settingsOf(practice);
  const ctx = {
    settings,
    authorIncidentCount: store.authorIncidentCount(practice.ods, found.row.authorRef),
  };
  const result = transition(found.incident, event, ctx);
  if (!result.ok) throw refusalError(result.error);
  store.updateIncident(result.incident);
  const row = store.appendEvent(practice.ods, incidentId, event, keyId);
  if (options.announce !== false)
    announceUpdated(store, found.incident, result.incident, { type: event.type, seq: row.seq, at: event.at });
  return { incident: result.incident, effects: result.effects, row };
}

/** Whom and when `availableEvents` is judged for: the acting user now, as a write by them would be. */
export interface Judgement {
  at: string;
  actor: Actor;
}

export function incidentDetail(
  store: Store,
  practice: PracticeSettingsRecord,
  incident: Incident,
  judgement: Judgement,
) {
  const ctx = {
    settings: settingsOf(practice),
    authorIncidentCount: store.authorIncidentCount(practice.ods, authorRefOf(incident.report)),
  };
  const record = store.recordState(practice.ods, incident.id);
  return {
    ...incident,
    availableEvents: availableEvents(incident, ctx, judgement),
    nextSteps: nextSteps(incident),
    // Records management (data-protection): legal hold, and whether its personal data was removed.
    record: {
      legalHold: record?.legalHold ?? false,
      personalDataRemovedAt: record?.personalDataRemovedAt ?? null,
    },
  };
}
