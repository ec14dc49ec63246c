import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

describe('GET /healthz', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers ok when the database can be read', async () => {
    h = createHarness();
    const res = await h.send('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database is unreachable', async () => {
    h = createHarness();
    h.db.$client.close();
    const res = await h.send('GET', '/healthz');
    expect(res.status).toBe(503);
    expect(res.json.database).toBe('unreachable');
    h.close = () => {};
  });
});
