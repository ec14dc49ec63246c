import { type PracticeSettingsInput, withDefaults } from '@policy/core';
import { type Checkpoint, recordCheckpoints } from '../audit/checkpoints.js';
import type { AuditSigner } from '../audit/signing.js';
import type { Store } from '../db/store.js';
import type { LogLine } from '../http/env.js';
import { removePersonalData } from './personal-data.js';

/** The instant `years` calendar years before `now` (29 February steps back to 28 February). */
export function yearsBefore(now: Date, years: number): Date {
  const then = new Date(now.getTime());
  then.setUTCFullYear(now.getUTCFullYear() - years);
  if (then.getUTCDate() !== now.getUTCDate()) then.setUTCDate(0);
  return then;
}

export interface PurgedIncident {
  ods: string;
  incidentId: string;
  reference: string;
}

/**
 * The retention purge: for each practice, the personal data of every incident closed longer ago than
 * its `retention.closedIncidentYears`, not on legal hold, is removed (services/personal-data.ts),
 * each incident in its own durable write. Returns what was purged (ids only).
 */
export async function purgeExpired(store: Store, now: Date): Promise<PurgedIncident[]> {
  const purged: PurgedIncident[] = [];
  for (const practice of store.allPractices()) {
    const settings = withDefaults(JSON.parse(practice.settings) as PracticeSettingsInput);
    const years = settings.retention.closedIncidentYears;
    const cutoff = yearsBefore(now, years).toISOString();
    for (const candidate of store.purgeCandidates(practice.ods, cutoff)) {
      const result = await store.write(() =>
        removePersonalData(store, practice.ods, candidate.id, {
          type: 'purge',
          retentionYears: years,
          closedAt: candidate.closedAt,
          at: now.toISOString(),
        }),
      );
      purged.push({ ods: practice.ods, incidentId: candidate.id, reference: result.incident.reference });
    }
  }
  if (purged.length > 0) store.truncateWal();
  return purged;
}

export interface DataProtectionSchedule {
  /** One round now: the purge, then checkpoints of every chain that moved. For tests and the timer. */
  runOnce(): Promise<{ purged: PurgedIncident[]; checkpoints: Checkpoint[] }>;
  stop(): void;
}

/**
 * The timers in the server process: the retention purge and the signed checkpoints, every
 * `intervalMs` (first round after `firstRunMs`), reading time from `clock`. Logs counts, never data.
 */
export function startDataProtectionSchedule(options: {
  store: Store;
  signer: AuditSigner;
  clock: () => Date;
  log: (line: LogLine) => void;
  intervalMs: number;
  firstRunMs?: number;
}): DataProtectionSchedule {
  const { store, signer, clock, log } = options;
  let running: Promise<unknown> | undefined;
  const runOnce = async () => {
    const now = clock();
    const purged = await purgeExpired(store, now);
    const checkpoints = await store.write(() => recordCheckpoints(store, signer, now));
    log({
      time: new Date().toISOString(),
      level: 'info',
      msg: 'data protection round',
      purgedIncidents: purged.length,
      checkpoints: checkpoints.length,
    });
    return { purged, checkpoints };
  };
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) =>
        log({
          time: new Date().toISOString(),
          level: 'error',
          msg: 'data protection round failed',
          error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
        }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, options.firstRunMs ?? 60_000);
  const every = setInterval(tick, options.intervalMs);
  first.unref();
  every.unref();
  return {
    runOnce,
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
