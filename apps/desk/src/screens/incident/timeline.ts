// The timeline: every event, who made it and when, with the fields that say what was decided.
import {
  type ActionEventType,
  CATEGORY_LABELS,
  type Category,
  EVENT_LABELS,
  OUTCOME_LABELS,
  type Outcome,
} from '@policy/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { TimelineEntry } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';

const en = 'en-GB' as const;
const ROLE = { staff: 'staff', manager: 'manager', partner: 'partner' } as const;

const label = (type: TimelineEntry['type']) =>
  type === 'report' ? 'Reported' : EVENT_LABELS['en-GB'][type as ActionEventType];

function who(entry: TimelineEntry): string {
  const name =
    entry.actor.name ??
    (entry.actor.id.startsWith('key:') || entry.actor.id.startsWith('report-key:')
      ? 'an API key'
      : entry.actor.id);
  return `${name} (${ROLE[entry.actor.role]})`;
}

/** The few fields of an event a reader needs, in words. */
function details(entry: TimelineEntry): string[] {
  const event = entry.event;
  const out: string[] = [];
  const text = (key: string, prefix: string) => {
    const value = event[key];
    if (typeof value === 'string' && value) out.push(`${prefix}${value}`);
  };
  if (Array.isArray(event.categories))
    out.push(
      `Categories: ${(event.categories as Category[]).map((category) => CATEGORY_LABELS[en][category] ?? category).join(', ') || 'none'}`,
    );
  if (typeof event.outcome === 'string')
    out.push(`Outcome: ${OUTCOME_LABELS[en][event.outcome as Outcome] ?? event.outcome}`);
  text('reason', 'Reason: ');
  text('noPoliceReason', 'Not reported to the police because: ');
  text('noSafeguardingReason', 'No safeguarding referral because: ');
  text('evidenceUnavailableReason', 'No evidence because: ');
  text('policeReference', 'Police reference: ');
  text('platformReference', 'Platform reference: ');
  text('advisor', 'Advice from: ');
  text('decision', 'Decision: ');
  text('issuedOn', 'Warning dated ');
  text('assignee', 'Assigned to ');
  text('to', 'Referred to ');
  if (entry.type === 'add_note' || entry.type === 'respond_publicly') text('text', '');
  const evidence = event.evidence as { kind?: string; sha256?: string } | undefined;
  if (evidence?.sha256)
    out.push(
      `${evidence.kind === 'text' ? 'Text capture' : 'Screenshot'}, SHA-256 ${evidence.sha256.slice(0, 16)}…`,
    );
  return out;
}

export function renderTimeline(entries: readonly TimelineEntry[] | undefined): TemplateResult {
  if (!entries) return html`<p role="status">Loading the timeline…</p>`;
  return html`<ol class="timeline" data-timeline>
    ${entries.map(
      (entry) => html`<li data-event-type=${entry.type}>
        <p><strong>${label(entry.type)}</strong> by ${who(entry)}</p>
        <p class="muted"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time> · chain link #${entry.seq} <code title="SHA-256 of this event">${entry.hash.slice(0, 12)}</code></p>
        ${details(entry).map((line) => html`<p>${line}</p>`)}
        ${nothing}
      </li>`,
    )}
  </ol>`;
}
