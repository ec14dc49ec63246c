import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { announceCheckpoint, enqueue } from './outbox.js';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('enqueue', () => {
  it('refuses to run outside a transaction: an announcement must commit with its change', async () => {
    h = createHarness();
    await h.practice('Y93001');
    const store = new Store(h.db);
    expect(() =>
      enqueue(store, {
        practiceOds: 'Y93001',
        type: 'incident.created',
        data: {},
        at: h?.now().toISOString() ?? '',
      }),
    ).toThrow(/inside the transaction/);
  });

  it('rolls back with the change it announces', async () => {
    h = createHarness();
    await h.practice('Y93002');
    const store = new Store(h.db);
    await expect(
      store.write(() => {
        enqueue(store, {
          practiceOds: 'Y93002',
          type: 'incident.created',
          data: {},
          at: '2026-03-10T09:30:00.000Z',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(h.db.$client.prepare('SELECT count(*) FROM outbox_events').pluck().get()).toBe(0);
  });

  it('announces a checkpoint once per sequence number (for the audit checkpoint producer)', async () => {
    h = createHarness();
    await h.practice('Y93003');
    const store = new Store(h.db);
    const checkpoint = {
      practiceOds: 'Y93003',
      seq: 12,
      head: 'ab'.repeat(32),
      at: '2026-03-10T09:30:00.000Z',
    };
    const first = await store.write(() => announceCheckpoint(store, checkpoint));
    const again = await store.write(() => announceCheckpoint(store, checkpoint));
    const next = await store.write(() => announceCheckpoint(store, { ...checkpoint, seq: 13 }));
    expect(first).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(again).toBeNull();
    expect(next).toMatch(/^msg_/);
    expect(
      h.db.$client
        .prepare("SELECT data FROM outbox_events WHERE type = 'audit.checkpoint' ORDER BY rowid")
        .pluck()
        .all(),
    ).toEqual([JSON.stringify(checkpoint), JSON.stringify({ ...checkpoint, seq: 13 })]);
  });
});
