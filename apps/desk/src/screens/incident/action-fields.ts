// What each lifecycle event asks for, as form fields: the desk builds each action's form from this
// table. Field names are the API's event body fields (../shared/spec/api.md, EventBodySchema).
import {
  type ActionEventType,
  ADVISORS,
  CATEGORIES,
  CATEGORY_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  PLATFORM_LABELS,
  PLATFORMS,
} from '@policy/core';
import type { Incident } from '../../api/types.js';

export type FieldKind = 'text' | 'textarea' | 'select' | 'date' | 'categories' | 'radio';

export interface ActionField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  options?: readonly { value: string; label: string }[];
  /** Show the field only when this holds for the incident. */
  when?: (incident: Incident) => boolean;
  initial?: (incident: Incident) => string | string[];
}

const en = 'en-GB' as const;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const ADVISOR_NAMES: Record<(typeof ADVISORS)[number], string> = {
  mdu: 'Medical defence organisation (MDU or similar)',
  lmc: 'Local Medical Committee (LMC)',
  legal: 'Solicitor or legal adviser',
  police: 'Police',
};

export const ACTION_FIELDS: Partial<Record<ActionEventType, readonly ActionField[]>> = {
  triage: [
    {
      name: 'categories',
      label: 'Confirm the categories',
      kind: 'categories',
      hint: 'The classifier’s suggestions are ticked. Change them if you read the post differently.',
      options: CATEGORIES.map((category) => ({
        value: category,
        label: capitalise(CATEGORY_LABELS[en][category]),
      })),
      initial: (incident) => incident.categories,
    },
    {
      name: 'evidenceUnavailableReason',
      label: 'If no evidence could be saved, why not',
      kind: 'textarea',
      hint: 'Triage needs a screenshot or capture, or a reason there is none (for example, the post was deleted before anyone saw it).',
      when: (incident) => incident.evidence.length === 0,
    },
  ],
  respond_publicly: [
    {
      name: 'text',
      label: 'The reply as posted',
      kind: 'textarea',
      required: true,
      hint: 'It is checked before it is recorded: no clinical details, nothing that identifies a patient, no staff names.',
    },
    {
      name: 'platform',
      label: 'Where it was posted',
      kind: 'select',
      options: PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[en][platform] })),
      initial: (incident) => incident.report.platform,
    },
  ],
  report_to_platform: [
    { name: 'platformReference', label: 'The platform’s reference (optional)', kind: 'text' },
  ],
  request_removal: [
    {
      name: 'contact',
      label: 'How the author was asked (optional)',
      kind: 'text',
      hint: 'For example: private message to their account.',
    },
  ],
  seek_advice: [
    {
      name: 'advisor',
      label: 'Who was asked',
      kind: 'select',
      required: true,
      options: ADVISORS.map((advisor) => ({ value: advisor, label: ADVISOR_NAMES[advisor] })),
    },
  ],
  issue_warning: [
    { name: 'issuedOn', label: 'Date on the warning letter', kind: 'date', required: true },
    { name: 'summary', label: 'Summary (optional)', kind: 'textarea' },
  ],
  decide_removal: [
    {
      name: 'decision',
      label: 'Decision',
      kind: 'radio',
      required: true,
      options: [
        { value: 'retain', label: 'Keep the patient on the list' },
        { value: 'remove', label: 'Remove the patient from the list' },
      ],
    },
    { name: 'reason', label: 'Reason', kind: 'textarea', required: true },
  ],
  refer_safeguarding: [
    {
      name: 'to',
      label: 'Referred to (optional)',
      kind: 'text',
      hint: 'For example: the practice safeguarding lead, the local authority safeguarding team.',
    },
  ],
  report_to_police: [{ name: 'policeReference', label: 'Police reference (optional)', kind: 'text' }],
  assign: [{ name: 'assignee', label: 'Who takes it on', kind: 'text', required: true }],
  add_note: [{ name: 'text', label: 'Note', kind: 'textarea', required: true }],
  close: [
    {
      name: 'outcome',
      label: 'Outcome',
      kind: 'select',
      required: true,
      options: OUTCOMES.map((outcome) => ({
        value: outcome,
        label: capitalise(OUTCOME_LABELS[en][outcome]),
      })),
    },
    { name: 'reason', label: 'Note on the outcome (optional)', kind: 'textarea' },
    {
      name: 'noPoliceReason',
      label: 'Why it was not reported to the police',
      kind: 'textarea',
      hint: 'The policy asks for a police report for a threat, or a recorded reason not to make one.',
      when: (incident) => incident.categories.includes('threat') && !incident.policeReport,
    },
    {
      name: 'noSafeguardingReason',
      label: 'Why there was no safeguarding referral',
      kind: 'textarea',
      hint: 'The policy asks for a safeguarding referral for a sign of risk of harm, or a recorded reason not to.',
      when: (incident) => incident.categories.includes('harm_indication') && !incident.safeguardingReferral,
    },
  ],
  reopen: [{ name: 'reason', label: 'Why it is being reopened', kind: 'textarea', required: true }],
};

export const fieldsFor = (type: ActionEventType, incident: Incident): ActionField[] =>
  (ACTION_FIELDS[type] ?? []).filter((field) => !field.when || field.when(incident));

/** The event body: the type and every field given (empty optional fields are left out). */
export function eventBody(
  type: ActionEventType,
  fields: readonly ActionField[],
  values: Record<string, string | string[]>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { type };
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'categories') body[field.name] = Array.isArray(value) ? value : [];
    else if (typeof value === 'string' && value.trim() !== '') body[field.name] = value.trim();
  }
  return body;
}
