import {
  type ActorRole,
  type Advisor,
  type AuthorKind,
  CATEGORY_SEVERITY,
  type Category,
  type DeadlineKind,
  maxSeverity,
  type Outcome,
  type Platform,
  type PostLocation,
  type Severity,
  type State,
  type TemplateId,
} from './constants.js';
import type { PracticeSettings, StaffMember } from './settings.js';

// ---------------------------------------------------------------- classification

export interface EvidenceSpan {
  /** The rule that fired, e.g. `abusive.profanity` — stable, documented in docs/. */
  ruleId: string;
  /** UTF-16 offsets into the classified text, end exclusive. */
  start: number;
  end: number;
  excerpt: string;
}

export interface CategoryFinding {
  id: Category;
  severity: Severity;
  /** 0–1: how sure the rule is (an NHS number without context scores lower, say). */
  confidence: number;
  evidence: EvidenceSpan[];
}

export interface RecommendedAction {
  /** Stable id, e.g. `save_evidence`, `report_to_police`. */
  id: string;
  text: string;
}

export interface Classification {
  categories: CategoryFinding[];
  /** Highest severity of the categories; null when nothing of concern was found. */
  severity: Severity | null;
  /** What the policy says to do, most urgent first, de-duplicated across categories. */
  recommendedActions: RecommendedAction[];
  suggestedTemplates: TemplateId[];
}

export interface ClassifyContext {
  /** The practice's staff roster, for the identifies-staff rule. */
  staff?: StaffMember[];
  platform?: Platform;
  /**
   * The practice's name ("Riverside Surgery"). Optional: its distinctive words ("Riverside") mark a
   * post as being about the practice, as "the surgery" does.
   */
  practiceName?: string;
  /**
   * Skip the learned layer and report only what the hand-written rules found, each with the exact
   * words it matched. For checks that must point at explicit text (the public-reply guard) and for
   * testing the rules on their own.
   */
  rulesOnly?: boolean;
}

// ---------------------------------------------------------------- the report a member of staff files

export interface PostAuthor {
  name?: string;
  handle?: string;
  kind: AuthorKind;
}

export interface ReportInput {
  platform: Platform;
  postUrl?: string;
  /** ISO 8601 time the reporter saw the post. */
  seenAt: string;
  location: PostLocation;
  author?: PostAuthor;
  text: string;
  affects?: { practice?: boolean; staff?: string[]; patients?: boolean };
  atRisk: boolean;
  reporter: { name: string; role?: string };
}

// ---------------------------------------------------------------- the incident (a fold of its events)

export interface Actor {
  id: string;
  role: ActorRole;
  name?: string;
}

export interface EvidenceRecord {
  id: string;
  kind: 'screenshot' | 'text';
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  /** ISO time the capture was taken. */
  capturedAt: string;
  mediaType?: string;
  size?: number;
  /** The bytes were uploaded and are held by the service (the audit re-hashes them); absent for evidence recorded by hash only. */
  stored?: boolean;
}

export interface Deadline {
  kind: DeadlineKind;
  /** ISO time it falls due. */
  due: string;
  setAt: string;
}

export interface Incident {
  id: string;
  reference: string;
  practiceOds: string;
  state: State;
  outcome: Outcome | null;
  report: ReportInput;
  /** What the classifier said when the report was filed. */
  classification: Classification;
  /** The classifier's categories until triage confirms (or changes) them. */
  categories: Category[];
  categoriesConfirmed: boolean;
  severity: Severity;
  /** Set by `offer_complaints_procedure`: a complaint is never grounds for removal. */
  complaintInNature: boolean;
  evidence: EvidenceRecord[];
  evidenceUnavailableReason: string | null;
  deadlines: Deadline[];
  warnings: { issuedOn: string; by: string }[];
  advice: { advisor: Advisor; at: string }[];
  policeReport: { at: string; reference?: string } | null;
  safeguardingReferral: { at: string; to?: string } | null;
  /** Recorded reasons for not reporting to the police / not referring, where the policy asks for one. */
  noPoliceReason: string | null;
  noSafeguardingReason: string | null;
  publicReplies: { at: string; platform: Platform; text: string }[];
  removedFromPage: boolean;
  reportedToPlatform: boolean;
  removalRequestedAt: string | null;
  authorBlocked: boolean;
  assignee: string | null;
  notes: { at: string; by: string; text: string }[];
  createdAt: string;
  updatedAt: string;
  triagedAt: string | null;
  closedAt: string | null;
  /** Number of events folded into this incident. */
  version: number;
}

/**
 * A just-reported incident: state `reported`, severity from its categories, nothing done yet. The
 * one place an incident's starting values live (the lifecycle's `report` event and test fixtures).
 */
export function newIncident(
  fields: Pick<
    Incident,
    'id' | 'reference' | 'practiceOds' | 'report' | 'classification' | 'categories' | 'createdAt'
  >,
): Incident {
  return {
    ...fields,
    state: 'reported',
    outcome: null,
    categoriesConfirmed: false,
    severity: maxSeverity(fields.categories.map((category) => CATEGORY_SEVERITY[category])),
    complaintInNature: false,
    evidence: [],
    evidenceUnavailableReason: null,
    deadlines: [],
    warnings: [],
    advice: [],
    policeReport: null,
    safeguardingReferral: null,
    noPoliceReason: null,
    noSafeguardingReason: null,
    publicReplies: [],
    removedFromPage: false,
    reportedToPlatform: false,
    removalRequestedAt: null,
    authorBlocked: false,
    assignee: null,
    notes: [],
    updatedAt: fields.createdAt,
    triagedAt: null,
    closedAt: null,
    version: 1,
  };
}

// ---------------------------------------------------------------- events

interface EventBase {
  /** ISO time the event happened; the lifecycle never reads a clock. */
  at: string;
  actor: Actor;
}

export type IncidentEvent = EventBase &
  (
    | {
        type: 'report';
        incidentId: string;
        reference: string;
        practiceOds: string;
        report: ReportInput;
        classification: Classification;
      }
    | { type: 'record_evidence'; evidence: EvidenceRecord }
    | { type: 'triage'; categories: Category[]; evidenceUnavailableReason?: string }
    | { type: 'respond_publicly'; text: string; platform?: Platform }
    | { type: 'remove_from_page' }
    | { type: 'report_to_platform'; platformReference?: string }
    | { type: 'request_removal'; contact?: string }
    | { type: 'offer_complaints_procedure' }
    | { type: 'complaint_lodged' }
    | { type: 'author_removed_post' }
    | { type: 'author_refused' }
    | { type: 'seek_advice'; advisor: Advisor }
    | { type: 'issue_warning'; issuedOn: string; summary?: string }
    | { type: 'start_removal_review' }
    | { type: 'decide_removal'; decision: 'remove' | 'retain'; reason: string }
    | { type: 'refer_safeguarding'; to?: string }
    | { type: 'report_to_police'; policeReference?: string }
    | { type: 'block_author' }
    | { type: 'assign'; assignee: string }
    | { type: 'add_note'; text: string }
    | {
        type: 'close';
        outcome: Outcome;
        reason?: string;
        noPoliceReason?: string;
        noSafeguardingReason?: string;
      }
    | { type: 'reopen'; reason: string }
  );

export type IncidentEventOf<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

// ---------------------------------------------------------------- transitions

export interface TransitionContext {
  settings: PracticeSettings;
  /** Incidents (this one included) the same author is behind, for the repeat-poster rule. */
  authorIncidentCount?: number;
}

export type NotifyTarget =
  | 'manager'
  | 'partners'
  | 'staff_member'
  | 'data_protection_officer'
  | 'safeguarding_lead';

export type Effect =
  | { type: 'notify'; to: NotifyTarget; urgency: 'immediate' | 'normal'; reason: string }
  | { type: 'deadline_set'; deadline: Deadline }
  | { type: 'deadline_cleared'; kind: Deadline['kind'] }
  | { type: 'template_suggested'; templateId: TemplateId };

export interface Refusal {
  /** `wrong_state`: the event is not allowed from this state; `guard`: a policy rule refused it. */
  code: 'wrong_state' | 'guard' | 'invalid_event';
  /** The guard's stable id (docs/ lists them), e.g. `evidence_first`. */
  rule: string;
  /** A sentence a practice manager can read. */
  message: string;
}

export type TransitionResult =
  | { ok: true; incident: Incident; effects: Effect[] }
  | { ok: false; error: Refusal };

export interface AvailableEvent {
  type: IncidentEvent['type'];
  allowed: boolean;
  rule?: string;
  message?: string;
}
