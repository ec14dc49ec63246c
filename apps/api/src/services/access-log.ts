import type { Context } from 'hono';
import type { accessLog } from '../db/schema.js';
import { actorOf } from '../http/actor.js';
import type { AppEnv } from '../http/env.js';

// biome-ignore lint/suspicious/noExplicitAny: any route's context
type AnyContext = Context<AppEnv, any, any>;

export type AccessAction = (typeof accessLog.$inferInsert)['action'];

export interface AccessEntry {
  action: AccessAction;
  incidentId?: string | null;
  evidenceId?: string | null;
}

/**
 * Records who read or downloaded which record, durably, before the record is sent (a read the log
 * does not hold is not answered). Ids and roles only: the access log never holds post text, names or
 * what was searched for. The reader is the acting user when the key says whom it acts for.
 */
export async function recordAccess(c: AnyContext, entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { store, clock } = c.get('deps');
  const principal = c.get('principal');
  let actor: { id: string; role: string };
  try {
    actor = actorOf(c);
  } catch {
    actor = { id: `key:${principal.keyId}`, role: 'staff' };
  }
  const at = clock().toISOString();
  const ods = c.get('practice').ods;
  await store.write(() => {
    for (const entry of entries)
      store.logAccess({
        practiceOds: ods,
        at,
        action: entry.action,
        incidentId: entry.incidentId ?? null,
        evidenceId: entry.evidenceId ?? null,
        actorId: actor.id,
        actorRole: actor.role,
        keyId: principal.keyId,
      });
  });
}
