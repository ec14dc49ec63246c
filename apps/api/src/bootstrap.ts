import type { Store } from './db/store.js';
import { issueKey, sha256Hex } from './http/auth.js';

/** Makes sure an admin key with exactly this secret exists and is live (POLICY_BOOTSTRAP_ADMIN_KEY). */
export function ensureAdminKey(store: Store, secret: string, now: Date): void {
  store.transaction(() => {
    const existing = store.keyByHash(sha256Hex(secret));
    if (existing?.type === 'admin') {
      if (existing.revokedAt) store.updateKey(existing.id, { revokedAt: null, revokedBy: null });
      return;
    }
    if (existing) throw new Error('POLICY_BOOTSTRAP_ADMIN_KEY equals an existing non-admin key');
    issueKey(
      store,
      {
        type: 'admin',
        practices: [],
        scopes: [],
        allowedOrigins: [],
        label: 'bootstrap',
        secret,
        createdBy: 'env',
      },
      now,
    );
  });
}
