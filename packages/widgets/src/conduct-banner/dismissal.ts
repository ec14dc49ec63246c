// Remembers a dismissed banner per practice and policy version in localStorage (never a cookie).
// Storage can be unavailable (privacy modes, sandboxed frames): then dismissal lasts for the page.
const PREFIX = 'policy-widgets:conduct-banner:';
const memory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The policy version the patient dismissed for this practice, if any. */
export function dismissedVersion(ods: string): string | undefined {
  const key = PREFIX + ods.toUpperCase();
  try {
    return storage()?.getItem(key) ?? memory.get(key);
  } catch {
    return memory.get(key);
  }
}

export function rememberDismissal(ods: string, version: string): void {
  const key = PREFIX + ods.toUpperCase();
  memory.set(key, version);
  try {
    storage()?.setItem(key, version);
  } catch {
    // quota or disabled storage: the in-memory record still hides it for this page
  }
}
