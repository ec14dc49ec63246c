import type { AuditSigner } from '../audit/signing.js';
import type { Db } from '../db/open.js';
import type { ApiKeyRow, PracticeSettingsRecord } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { Notifier } from '../services/notifier.js';
import type { UploadSpool } from './multipart.js';
import type { RequestLimiter } from './rate-limit.js';

export const API_SCOPES = ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface Principal {
  keyId: string;
  type: ApiKeyRow['type'];
  practices: string[];
  scopes: ApiScope[];
  allowedOrigins: string[];
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
