import { z } from '@hono/zod-openapi';
import {
  ACTOR_ROLES,
  ADVISORS,
  AUTHOR_KINDS,
  CATEGORIES,
  DEADLINE_KINDS,
  EVENT_TYPES,
  MAX_AFFECTED_STAFF,
  MAX_NOTE_LENGTH,
  MAX_POST_TEXT_LENGTH,
  OUTCOMES,
  PLATFORMS,
  POST_LOCATIONS,
  REPORTER_STEP_IDS,
  SEVERITIES,
  STATES,
  TEMPLATE_IDS,
} from '@policy/core';
import { RECORDS_EVENT_TYPES } from '../audit/records-events.js';
import { HttpUrl, IsoDate, IsoDateTime, ShortText } from './common.js';

// ------------------------------------------------------------------ the report a member of staff files

export const ReportInputSchema = z
  .strictObject({
    platform: z.enum(PLATFORMS),
    postUrl: HttpUrl.optional(),
    seenAt: IsoDateTime,
    location: z.enum(POST_LOCATIONS),
    author: z
      .strictObject({
        name: ShortText.optional(),
        handle: ShortText.optional(),
        kind: z.enum(AUTHOR_KINDS),
      })
      .optional(),
    text: z.string().trim().min(1).max(MAX_POST_TEXT_LENGTH),
    affects: z
      .strictObject({
        practice: z.boolean().optional(),
        staff: z.array(ShortText).max(MAX_AFFECTED_STAFF).optional(),
        patients: z.boolean().optional(),
      })
      .optional(),
    atRisk: z.boolean(),
    reporter: z.strictObject({ name: ShortText, role: ShortText.optional() }),
  })
  .openapi('ReportInput');

// ------------------------------------------------------------------ classification

export const ClassificationSchema = z
  .object({
    categories: z.array(
      z.object({
        id: z.enum(CATEGORIES),
        severity: z.enum(SEVERITIES),
        confidence: z.number(),
        evidence: z.array(
          z.object({
            ruleId: z.string(),
            start: z.number().int(),
            end: z.number().int(),
            excerpt: z.string(),
          }),
        ),
      }),
    ),
    severity: z.enum(SEVERITIES).nullable(),
    recommendedActions: z.array(z.object({ id: z.string(), text: z.string() })),
    suggestedTemplates: z.array(z.enum(TEMPLATE_IDS)),
  })
  .openapi('Classification');

export const EvidenceRecordSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['screenshot', 'text']),
    sha256: z.string(),
    capturedAt: z.string(),
    mediaType: z.string().optional(),
    size: z.number().int().optional(),
    stored: z.boolean().optional().openapi({
      description:
        'The bytes were uploaded and are held here (GET …/evidence/{evidenceId}; the audit re-hashes them). Absent for evidence recorded by its hash only.',
    }),
  })
  .openapi('EvidenceRecord');

export const ReportCreatedSchema = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: 'Y90001-2026-0001' }),
    state: z.enum(STATES),
    severity: z.enum(SEVERITIES),
    classification: ClassificationSchema,
    nextSteps: z.array(z.string()).openapi({
      description:
        'What the member of staff who reported should do now, most urgent first (in English): stay safe, get urgent help, keep the evidence, tell the manager. Never to contact or answer the author: what the practice does about the post is the manager’s decision (the incident’s own `nextSteps`).',
    }),
    nextStepIds: z.array(z.enum(REPORTER_STEP_IDS)).openapi({
      description:
        'The same steps as ids, in the same order, for showing them in another language (`REPORTER_STEP_TEXT` in `@policy/core/labels`).',
    }),
    evidence: z.array(EvidenceRecordSchema).openapi({
      description:
        'The screenshots stored with a multipart report (id, SHA-256, media type, size); empty for JSON.',
    }),
  })
  .openapi('ReportCreated');

// ------------------------------------------------------------------ the incident

const ActorSchema = z.object({ id: z.string(), role: z.enum(ACTOR_ROLES), name: z.string().optional() });

export const AvailableEventSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    allowed: z.boolean(),
    rule: z.string().optional(),
    message: z.string().optional(),
  })
  .openapi('AvailableEvent');

export const IncidentSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    practiceOds: z.string(),
    state: z.enum(STATES),
    outcome: z.enum(OUTCOMES).nullable(),
    report: ReportInputSchema,
    classification: ClassificationSchema,
    categories: z.array(z.enum(CATEGORIES)),
    categoriesConfirmed: z.boolean(),
    severity: z.enum(SEVERITIES),
    complaintInNature: z.boolean(),
    evidence: z.array(EvidenceRecordSchema),
    evidenceUnavailableReason: z.string().nullable(),
    deadlines: z.array(z.object({ kind: z.enum(DEADLINE_KINDS), due: z.string(), setAt: z.string() })),
    warnings: z.array(z.object({ issuedOn: z.string(), by: z.string() })),
    advice: z.array(z.object({ advisor: z.enum(ADVISORS), at: z.string() })),
    policeReport: z.object({ at: z.string(), reference: z.string().optional() }).nullable(),
    safeguardingReferral: z.object({ at: z.string(), to: z.string().optional() }).nullable(),
    noPoliceReason: z.string().nullable(),
    noSafeguardingReason: z.string().nullable(),
    publicReplies: z.array(z.object({ at: z.string(), platform: z.enum(PLATFORMS), text: z.string() })),
    removedFromPage: z.boolean(),
    reportedToPlatform: z.boolean(),
    removalRequestedAt: z.string().nullable(),
    authorBlocked: z.boolean(),
    assignee: z.string().nullable(),
    notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    triagedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Incident');

export const RecordStatusSchema = z
  .object({
    legalHold: z.boolean().openapi({
      description:
        'Set by a manager or partner (POST …/legal-hold): the retention purge leaves the incident alone',
    }),
    personalDataRemovedAt: z.string().nullable().openapi({
      description:
        'When its personal data (post text, names, handles, free text, evidence bytes) was last removed by a redaction or the retention purge; removed texts read `[removed]`',
    }),
  })
  .openapi('RecordStatus');

export const IncidentDetailSchema = IncidentSchema.extend({
  availableEvents: z.array(AvailableEventSchema),
  nextSteps: z.array(z.object({ id: z.string(), text: z.string() })),
  record: RecordStatusSchema,
}).openapi('IncidentDetail');

export const IncidentSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    state: z.enum(STATES),
    severity: z.enum(SEVERITIES),
    categories: z.array(z.enum(CATEGORIES)),
    platform: z.enum(PLATFORMS),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('IncidentSummary');

// ------------------------------------------------------------------ lifecycle events a client applies

const NoteText = z.string().trim().min(1).max(MAX_NOTE_LENGTH);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

export const EventBodySchema = z
  .discriminatedUnion('type', [
    ev('record_evidence', {
      evidence: z.strictObject({
        kind: z.enum(['screenshot', 'text']),
        sha256: Sha256Hex,
        capturedAt: IsoDateTime,
        mediaType: ShortText.optional(),
        size: z.number().int().min(0).optional(),
      }),
    }),
    ev('triage', {
      categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
      evidenceUnavailableReason: NoteText.optional(),
    }),
    ev('respond_publicly', {
      text: z.string().trim().min(1).max(70_000),
      platform: z.enum(PLATFORMS).optional(),
    }),
    ev('remove_from_page', {}),
    ev('report_to_platform', { platformReference: ShortText.optional() }),
    ev('request_removal', { contact: ShortText.optional() }),
    ev('offer_complaints_procedure', {}),
    ev('complaint_lodged', {}),
    ev('author_removed_post', {}),
    ev('author_refused', {}),
    ev('seek_advice', { advisor: z.enum(ADVISORS) }),
    ev('issue_warning', { issuedOn: IsoDate, summary: NoteText.optional() }),
    ev('start_removal_review', {}),
    ev('decide_removal', { decision: z.enum(['remove', 'retain']), reason: NoteText }),
    ev('refer_safeguarding', { to: ShortText.optional() }),
    ev('report_to_police', { policeReference: ShortText.optional() }),
    ev('block_author', {}),
    ev('assign', { assignee: ShortText }),
    ev('add_note', { text: NoteText }),
    ev('close', {
      outcome: z.enum(OUTCOMES),
      reason: NoteText.optional(),
      noPoliceReason: NoteText.optional(),
      noSafeguardingReason: NoteText.optional(),
    }),
    ev('reopen', { reason: NoteText }),
  ])
  .openapi('IncidentEventInput', {
    description:
      'One lifecycle event (domain.md); `type` picks the fields it takes. Time and actor are set by the server.',
  });

export const TimelineEntrySchema = z
  .object({
    id: z.string(),
    seq: z.number().int().openapi({ description: 'Position in the practice’s audit hash chain' }),
    type: z.enum([...EVENT_TYPES, ...RECORDS_EVENT_TYPES]).openapi({
      description:
        'A lifecycle event, or a records event: `redact` and `purge` (personal data removed), `legal_hold` (set or lifted)',
    }),
    at: z.string(),
    actor: ActorSchema.extend({
      role: z.enum([...ACTOR_ROLES, 'system']).openapi({ description: '`system` for the retention purge' }),
    }),
    keyId: z.string().openapi({ description: 'The credential that made the write' }),
    event: z.record(z.string(), z.unknown()).openapi({
      description:
        'The event as recorded; once its personal data is removed, with each removed text reading `[removed]`',
    }),
    personalData: z.enum(['held', 'removed', 'none']).openapi({
      description: 'Whether the event’s personal data (post text, names, free text) is still held',
    }),
    format: z.number().int().openapi({
      description:
        'How the chain holds it: 1 the whole event (written before personal data could be removed), 2 the event without its personal data plus `commitment`, 3 a format-1 row whose personal data was removed',
    }),
    commitment: z.string().nullable().openapi({
      description:
        'Format 2: HMAC-SHA256 commitment to the personal data, covered by `hash`; "" when there was none',
    }),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('TimelineEntry');
