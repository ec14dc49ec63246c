import type { Context } from 'hono';
import type { Db } from '../db/open.js';
import type { AppEnv } from './env.js';
import { ApiError } from './problem.js';

// A practice's uploads (screenshots with reports, evidence) are held to a daily byte quota, so a
// published report key cannot fill the disk. Refused with 413 rather than 429: the staff report form
// goes back to editing on a 413 (so the report can be filed now, without its screenshots) but would
// hold a 429 pending until Retry-After — midnight — with a report of a threat unfiled. The day is the UTC day; what counts is the evidence
// stored that day. The quota is checked as a form streams in (to stop early) and again inside the
// write's transaction (so concurrent uploads cannot together pass it).

/** 100 MiB a day: ten times a bad day's screenshots (a pile-on: 20 reports of 5 × 1 MiB), and a
 * bound of 3 GiB a month on what one leaked report key can add to the database. */
export const DEFAULT_DAILY_UPLOAD_BYTES = 100 * 1024 * 1024;

const startOfUtcDay = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Bytes of evidence the practice has stored since the start of today (UTC). */
export function uploadedToday(db: Db, ods: string, now: Date): number {
  const row = db.$client
    .prepare(
      'SELECT coalesce(sum(size), 0) AS bytes FROM evidence WHERE practice_ods = ? AND created_at >= ?',
    )
    .get(ods, startOfUtcDay(now).toISOString()) as { bytes: number };
  return row.bytes;
}

const mib = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 2 ** 20).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;

function refuse(quota: number, used: number, now: Date): ApiError {
  const tomorrow = startOfUtcDay(now).getTime() + 24 * 60 * 60 * 1000;
  const retryAfter = Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
  return new ApiError(
    413,
    `This practice may upload ${mib(quota)} of screenshots and evidence a day (UTC); ${mib(used)} is stored today, so this upload would go over. File the report without screenshots, or try again tomorrow.`,
    {
      type: '/problems/upload-quota-exceeded',
      title: 'Daily upload quota reached',
      quotaBytes: quota,
      usedBytes: used,
      headers: { 'Retry-After': String(retryAfter) },
    },
  );
}

// biome-ignore lint/suspicious/noExplicitAny: any route's context
type AnyContext = Context<AppEnv, any, any>;

/** Throws 413 if storing `adding` more bytes for the request's practice would pass today's quota. */
export function assertUploadQuota(c: AnyContext, adding: number): void {
  if (adding <= 0) return;
  const { db, clock, uploads } = c.get('deps');
  const now = clock();
  const used = uploadedToday(db, c.get('practice').ods, now);
  if (used + adding > uploads.dailyQuotaBytes) throw refuse(uploads.dailyQuotaBytes, used, now);
}

/** For a form streaming in: reads today's use once, then refuses as soon as the form's bytes pass. */
export function quotaGuard(c: AnyContext): (total: number) => void {
  const { db, clock, uploads } = c.get('deps');
  const now = clock();
  const used = uploadedToday(db, c.get('practice').ods, now);
  return (total) => {
    if (used + total > uploads.dailyQuotaBytes) throw refuse(uploads.dailyQuotaBytes, used, now);
  };
}
