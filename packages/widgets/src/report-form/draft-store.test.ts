import { describe, expect, it } from 'vitest';
import { DRAFT_LIFETIME_MS, isExpired } from './draft-store.js';

describe('a draft’s lifetime on the device', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const savedAgo = (ms: number) => ({ savedAt: new Date(now.getTime() - ms).toISOString() });

  it('is 7 days from the last save', () => {
    expect(DRAFT_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
    expect(isExpired(savedAgo(0), now)).toBe(false);
    expect(isExpired(savedAgo(DRAFT_LIFETIME_MS), now)).toBe(false);
    expect(isExpired(savedAgo(DRAFT_LIFETIME_MS + 1), now)).toBe(true);
    expect(isExpired(savedAgo(30 * 24 * 60 * 60 * 1000), now)).toBe(true);
  });

  it('treats a draft whose save time cannot be read as expired', () => {
    expect(isExpired({ savedAt: 'yesterday' }, now)).toBe(true);
    expect(isExpired({ savedAt: '' }, now)).toBe(true);
  });
});
