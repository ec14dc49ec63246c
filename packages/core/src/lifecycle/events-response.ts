// The first response: evidence, triage, the public reply, containment, asking the author.

import type { Category } from '../model/constants.js';
import { CATEGORIES, CRITICAL_CATEGORIES, maxSeverity } from '../model/constants.js';
import type { Effect } from '../model/incident.js';
import { policyFor } from '../model/policy.js';
import { clearDeadlines, removalFollowUpDeadline, replyDeadline, setDeadline } from './deadlines.js';
import type { EventRule } from './event-rule.js';
import { OPEN, same, WORKING } from './event-rule.js';
import {
  alreadyDone,
  authorKnown,
  evidenceFirst,
  isBlank,
  isPlatform,
  ownPageOnly,
  replyIsSafe,
  severityOf,
  shown,
  trimmed,
} from './guards.js';
import { refuse } from './rules.js';

const isCategory = (value: unknown): value is Category =>
  typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export const recordEvidence: EventRule<'record_evidence'> = {
  from: OPEN,
  to: 'same',
  check: (incident, event) => {
    const evidence = event.evidence;
    if (
      !evidence ||
      isBlank(evidence.id) ||
      (evidence.kind !== 'screenshot' && evidence.kind !== 'text') ||
      typeof evidence.sha256 !== 'string' ||
      !SHA256_HEX.test(evidence.sha256) ||
      typeof evidence.capturedAt !== 'string' ||
      Number.isNaN(Date.parse(evidence.capturedAt))
    )
      return refuse(
        'evidence_incomplete',
        'Evidence needs the capture itself (a screenshot or the text), its SHA-256 fingerprint and the time it was captured.',
      );
    if (incident.evidence.some((existing) => existing.id === evidence.id))
      return refuse('evidence_duplicate', 'This piece of evidence has already been recorded.');
    return null;
  },
  apply: (incident, event) =>
    same({
      ...incident,
      evidence: [...incident.evidence, { ...event.evidence, sha256: event.evidence.sha256.toLowerCase() }],
    }),
};

export const triage: EventRule<'triage'> = {
  from: ['reported'],
  to: 'triaged',
  check: (incident, event) => {
    if (!Array.isArray(event.categories) || event.categories.length === 0)
      return refuse(
        'categories_required',
        'Confirm at least one category for the post (they may differ from what was suggested).',
      );
    const unknown = event.categories.filter((category) => !isCategory(category));
    if (unknown.length > 0)
      return refuse('invalid_event', `Unknown category: ${unknown.map(shown).join(', ')}.`);
    if (incident.evidence.length === 0 && isBlank(event.evidenceUnavailableReason))
      return refuse(
        'evidence_or_reason',
        'Record evidence of the post (a screenshot or capture) before triage, or say why it could not be captured.',
      );
    return null;
  },
  apply: (incident, event, ctx) => {
    const categories = [...new Set(event.categories)];
    const severity = maxSeverity(severityOf(categories));
    const added = categories.filter((category) => !incident.categories.includes(category));
    const effects: Effect[] = [];
    let [deadlines, cleared] = clearDeadlines(incident.deadlines, ['triage']);
    effects.push(...cleared);

    // Triage may find what the classifier missed: critical concerns still go out at once.
    if (added.some((category) => (CRITICAL_CATEGORIES as readonly Category[]).includes(category)))
      effects.push({
        type: 'notify',
        to: 'manager',
        urgency: 'immediate',
        reason: 'Triage found a threat or a sign of harm that the first report did not show.',
      });
    if (added.includes('harm_indication'))
      effects.push({
        type: 'notify',
        to: 'safeguarding_lead',
        urgency: 'immediate',
        reason: 'A post suggests someone may be at risk of harm: a safeguarding referral may be needed.',
      });
    if (categories.includes('patient_identifiable'))
      effects.push({
        type: 'notify',
        to: 'data_protection_officer',
        urgency: 'normal',
        reason: 'A post discloses identifiable information about a patient.',
      });
    if (categories.includes('identifies_staff'))
      effects.push({
        type: 'notify',
        to: 'staff_member',
        urgency: 'normal',
        reason: 'A post identifies a member of staff; they should hear it from the practice.',
      });

    const reply = replyDeadline(categories, incident.createdAt, event.at, ctx);
    if (reply) {
      const [next, effect] = setDeadline(deadlines, reply);
      deadlines = next;
      effects.push(effect);
    }
    for (const templateId of policyFor(categories).templates)
      effects.push({ type: 'template_suggested', templateId });

    return {
      incident: {
        ...incident,
        state: 'triaged',
        categories,
        categoriesConfirmed: true,
        severity,
        evidenceUnavailableReason:
          trimmed(event.evidenceUnavailableReason) ?? incident.evidenceUnavailableReason,
        triagedAt: event.at,
        deadlines,
      },
      effects,
    };
  },
};

export const respondPublicly: EventRule<'respond_publicly'> = {
  from: ['triaged', 'awaiting_author', 'complaint_offered'],
  to: 'same',
  check: (incident, event, ctx) => {
    if (event.platform !== undefined && !isPlatform(event.platform))
      return refuse('invalid_event', `Unknown platform: ${shown(event.platform)}.`);
    return replyIsSafe(event.text, event.platform ?? incident.report.platform, ctx);
  },
  apply: (incident, event) => {
    const [deadlines, effects] = clearDeadlines(incident.deadlines, ['public_reply', 'reply_target']);
    return same(
      {
        ...incident,
        publicReplies: [
          ...incident.publicReplies,
          { at: event.at, platform: event.platform ?? incident.report.platform, text: event.text },
        ],
        deadlines,
      },
      effects,
    );
  },
};

export const removeFromPage: EventRule<'remove_from_page'> = {
  from: WORKING,
  to: 'same',
  precheck: (incident) =>
    ownPageOnly(incident) ??
    evidenceFirst(incident, 'remove it') ??
    alreadyDone(incident.removedFromPage, 'The post has already been removed from the practice’s page.'),
  apply: (incident) => same({ ...incident, removedFromPage: true }),
};

export const reportToPlatform: EventRule<'report_to_platform'> = {
  from: WORKING,
  to: 'same',
  precheck: (incident) => evidenceFirst(incident, 'report it (the platform may take it down)'),
  apply: (incident) => same({ ...incident, reportedToPlatform: true }),
};

export const requestRemoval: EventRule<'request_removal'> = {
  from: ['triaged'],
  to: 'awaiting_author',
  check: (incident, event) => authorKnown(incident, event.contact),
  apply: (incident, event, ctx) => {
    const [deadlines, effect] = setDeadline(incident.deadlines, removalFollowUpDeadline(event.at, ctx));
    return {
      incident: { ...incident, state: 'awaiting_author', removalRequestedAt: event.at, deadlines },
      effects: [effect, { type: 'template_suggested', templateId: 'removal_request' }],
    };
  },
};

export const offerComplaintsProcedure: EventRule<'offer_complaints_procedure'> = {
  from: ['triaged', 'awaiting_author'],
  to: 'complaint_offered',
  apply: (incident) => ({
    incident: { ...incident, state: 'complaint_offered', complaintInNature: true },
    effects: [{ type: 'template_suggested', templateId: 'complaint_invitation' }],
  }),
};
