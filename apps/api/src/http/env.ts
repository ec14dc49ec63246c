import type { ActorRole } from '@policy/core';
import type { AuditSigner } from '../audit/signing.js';
import type { Db } from '../db/open.js';
import type { ApiKeyRow, PracticeSettingsRecord } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { Notifier } from '../services/notifier.js';
import type { SendMail } from '../services/people/mail.js';
import type { PeopleStore } from '../services/people/people-store.js';
import type { UploadSpool } from './multipart.js';
import type { RequestLimiter } from './rate-limit.js';

export const API_SCOPES = ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface Principal {
  /** The credential: a key's id, or `user:<id>` for a signed-in person (recorded on every write). */
  keyId: string;
  type: ApiKeyRow['type'] | 'session';
  practices: string[];
  scopes: ApiScope[];
  allowedOrigins: string[];
  /** API keys: the highest role `X-Acting-User` may claim (manager for keys issued before it existed). */
  maxRole?: ActorRole;
  /** Sessions: the person signed in; their role is their own, never a header's. */
  user?: { id: string; name: string; email: string; role: ActorRole; sessionId: string };
}

export type LogLine = Record<string, unknown>;

export interface Deps {
  db: Db;
  store: Store;
  clock: () => Date;
  log: (line: LogLine) => void;
  limiters: { reports: RequestLimiter; classify: RequestLimiter };
  /** Webhooks and email alerts: the SSRF policy registrations are checked against, the dispatcher. */
  notifications: Notifier;
  /** Where multipart files wait while a form streams in, and each practice's daily byte quota. */
  uploads: { spool: UploadSpool; dailyQuotaBytes: number };
  /** Signs the audit's checkpoints (audit/signing.ts). */
  auditSigner: AuditSigner;
  /** Users, sessions, one-time links and sign-in throttling (services/people). */
  people: PeopleStore;
  /** Sends sign-in emails (password reset links); absent when the server has no mail set up. */
  sendMail?: SendMail;
  /** The server's public origin (POLICY_PUBLIC_URL), for links in emails; never taken from Host. */
  publicUrl?: string;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    principal: Principal;
    /** The practice the path names, once auth has shown the key may see it. */
    practice: PracticeSettingsRecord;
  };
}
