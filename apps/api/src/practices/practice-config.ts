import { createHash } from 'node:crypto';
import { type PracticeSettings, type PracticeSettingsInput, publicConfig, withDefaults } from '@policy/core';
import type { Store } from '../db/store.js';

/** The public config JSON and its strong ETag, computed once per settings change. */
export function publicOf(settings: PracticeSettings): { publicJson: string; publicEtag: string } {
  const publicJson = JSON.stringify(publicConfig(settings));
  const digest = createHash('sha256').update(publicJson).digest('base64url').slice(0, 27);
  return { publicJson, publicEtag: `"${digest}"` };
}

export function settingsFrom(input: PracticeSettingsInput): PracticeSettings {
  return withDefaults(input);
}

/** Recomputes every practice's public config: run at start so a new @policy/core wording shows at once. */
export function refreshPublicConfigs(store: Store): void {
  store.transaction(() => {
    for (const practice of store.allPractices()) {
      const next = publicOf(JSON.parse(practice.settings) as PracticeSettings);
      if (next.publicEtag !== practice.publicEtag)
        store.db.$client
          .prepare('UPDATE practices SET public_json = ?, public_etag = ? WHERE ods = ?')
          .run(next.publicJson, next.publicEtag, practice.ods);
    }
  });
}
