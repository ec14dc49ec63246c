import { describe, expect, it } from 'vitest';
import { type ChainContent, linkHash } from './chain.js';

const row: ChainContent = {
  seq: 7,
  id: 'evt-1',
  practiceOds: 'Y90001',
  incidentId: 'inc-1',
  type: 'add_note',
  actorId: 'u-1',
  actorRole: 'manager',
  keyId: 'key_1',
  at: '2026-03-10T09:30:00.000Z',
  payload: '{"type":"add_note","text":"Called back"}',
};

describe('linkHash', () => {
  it('is a SHA-256 hex digest, stable for the same content', () => {
    expect(linkHash('', row)).toMatch(/^[0-9a-f]{64}$/);
    expect(linkHash('abc', row)).toBe(linkHash('abc', { ...row }));
  });

  it('changes when any field, the position or the previous link changes', () => {
    const base = linkHash('abc', row);
    expect(linkHash('abd', row)).not.toBe(base);
    for (const key of Object.keys(row) as (keyof ChainContent)[]) {
      const changed = { ...row, [key]: key === 'seq' ? 8 : `${row[key]}x` };
      expect(linkHash('abc', changed), key).not.toBe(base);
    }
  });

  it('is the hash every stored chain was written with (length-prefixed UTF-8 fields, in order)', () => {
    const payload = '{"type":"add_note","text":"Called back — ünïcödé 😀"}';
    expect(linkHash('abc', { ...row, payload })).toBe(
      'df5cb119b42596225726437a6252ef351324d914c98105540b0475a82b7d254c',
    );
  });

  it('cannot be fooled by moving bytes between adjacent fields', () => {
    const a = { ...row, actorId: 'u-1m', actorRole: 'anager' };
    expect(linkHash('abc', a)).not.toBe(linkHash('abc', row));
  });
});
