// The shapes the desk reads, as api.md and the OpenAPI document fix them. Vocabularies come from
// @policy/core so a new state, category or event fails to compile here until the desk handles it.
import type {
  ActionEventType,
  ActorRole,
  Category,
  DeadlineKind,
  EventType,
  Outcome,
  Platform,
  PracticeSettings,
  Severity,
  State,
  TemplateId,
} from '@policy/core';

export type Role = ActorRole;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  practice: { ods: string; name: string; demo?: boolean };
}

export interface Session {
  user: SessionUser;
  expiresAt: string;
  twoFactor: 'ok' | 'enrol';
}

export interface Invite {
  email: string;
  name: string;
  role: Role;
  practice: { ods: string; name: string } | string;
  requiresTwoFactor: boolean;
  expiresAt: string;
}

export interface IncidentSummary {
  id: string;
  reference: string;
  state: State;
  severity: Severity;
  categories: Category[];
  platform: Platform;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceSpan {
  ruleId: string;
  start: number;
  end: number;
  excerpt: string;
}

export interface Classification {
  categories: { id: Category; severity: Severity; confidence: number; evidence: EvidenceSpan[] }[];
  severity: Severity | null;
  recommendedActions: { id: string; text: string }[];
  suggestedTemplates: TemplateId[];
}

export interface EvidenceRecord {
  id: string;
  kind: 'screenshot' | 'text';
  sha256: string;
  capturedAt: string;
  mediaType?: string;
  size?: number;
}

export interface Deadline {
  kind: DeadlineKind;
  due: string;
  setAt: string;
}

export interface AvailableEvent {
  type: EventType;
  allowed: boolean;
  rule?: string;
  message?: string;
}

export interface Incident {
  id: string;
  reference: string;
  practiceOds: string;
  state: State;
  outcome: Outcome | null;
  report: {
    platform: Platform;
    postUrl?: string;
    seenAt: string;
    location: string;
    author?: { name?: string; handle?: string; kind: string };
    text: string;
    affects?: { practice?: boolean; staff?: string[]; patients?: boolean };
    atRisk: boolean;
    reporter: { name: string; role?: string };
  };
  classification: Classification;
  categories: Category[];
  categoriesConfirmed: boolean;
  severity: Severity;
  evidence: EvidenceRecord[];
  evidenceUnavailableReason: string | null;
  deadlines: Deadline[];
  policeReport: { at: string; reference?: string } | null;
  safeguardingReferral: { at: string; to?: string } | null;
  noPoliceReason: string | null;
  noSafeguardingReason: string | null;
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  availableEvents: AvailableEvent[];
  nextSteps: { id: string; text: string }[];
}

export interface TimelineEntry {
  id: string;
  seq: number;
  type: EventType;
  at: string;
  actor: { id: string; role: Role; name?: string };
  event: Record<string, unknown>;
  hash: string;
}

export type { ActionEventType };

export interface TemplateInfo {
  id: TemplateId;
  channel: string;
  purpose: string;
  locales: string[];
}

export interface RenderedTemplate {
  id: TemplateId;
  text: string;
  length: number;
  limit: number | null;
  fits: boolean;
}

export interface MonitoringSummary {
  from: string;
  to: string;
  total: number;
  byCategory: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  byPlatform: Record<Platform, number>;
  byOutcome: Record<Outcome | 'open', number>;
  medianMinutesToTriage: number | null;
  medianMinutesToClose: number | null;
  deadlinesMissed: { reference?: string; kind?: string; due?: string }[];
  repeatAuthors: { author: string; incidents: number }[];
}

export interface AuditVerdict {
  intact: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  brokenAt: unknown;
  checkedAt: string;
}

export interface Practice {
  ods: string;
  name: string;
  settings: PracticeSettings & {
    alerts?: { emails: string[]; minSeverity: Severity };
    security?: { requireTwoFactor: boolean };
  };
}

export interface PracticeUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled?: boolean;
  status?: string;
  twoFactor?: boolean | string;
  lastSignInAt?: string | null;
  inviteUrl?: string;
  inviteExpiresAt?: string;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  secret?: string;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  type: string;
  attempt: number;
  status: 'delivered' | 'failed' | 'pending';
  responseStatus?: number;
  at: string;
  nextAttemptAt?: string;
}

export interface ApiKeyInfo {
  id: string;
  type: 'api' | 'report';
  prefix: string;
  key?: string;
  scopes: string[];
  allowedOrigins: string[];
  label?: string | null;
  createdAt: string;
  revokedAt?: string | null;
}
