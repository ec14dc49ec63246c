import { describe, expect, it } from 'vitest';
import { exposedCollector, NO_COLLECTOR, watchMemoryPressure } from './memory-pressure.js';

const MiB = 2 ** 20;

describe('memory pressure', () => {
  it('collects when the resident set is over the soft limit, at most once per interval', () => {
    let rss = 100 * MiB;
    let now = 0;
    let collected = 0;
    const pressure = watchMemoryPressure(
      { softLimitBytes: 120 * MiB, minIntervalMs: 2_000, checkEveryMs: 60_000 },
      { collect: () => collected++, rss: () => rss, now: () => now },
    );
    try {
      expect(pressure.check()).toBe(false); // under the limit
      rss = 130 * MiB;
      expect(pressure.check()).toBe(true);
      now += 1_999;
      expect(pressure.check()).toBe(false); // too soon after the last
      now += 1;
      expect(pressure.check()).toBe(true);
      rss = 119 * MiB;
      now += 10_000;
      expect(pressure.check()).toBe(false);
      expect(collected).toBe(2);
      expect(pressure.collections).toBe(2);
    } finally {
      pressure.stop();
    }
  });

  it('checks on its own timer', async () => {
    let collected = 0;
    const pressure = watchMemoryPressure(
      { softLimitBytes: 1, minIntervalMs: 0, checkEveryMs: 5 },
      { collect: () => collected++ },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(collected).toBeGreaterThan(2);
    } finally {
      pressure.stop();
    }
    const after = collected;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(collected).toBe(after); // stopped
  });

  it('does nothing where node runs without --expose-gc, and the server has a line that says why', () => {
    const pressure = watchMemoryPressure({ softLimitBytes: 1, checkEveryMs: 5 }, { collect: null });
    expect(pressure.check()).toBe(false);
    expect(pressure.collections).toBe(0);
    expect(NO_COLLECTOR).toMatch(/--expose-gc/);
    pressure.stop();
  });

  it('finds the gc that --expose-gc puts on the global object', () => {
    const global = globalThis as { gc?: unknown };
    const had = global.gc;
    let called = 0;
    global.gc = () => called++;
    try {
      exposedCollector()?.();
      expect(called).toBe(1);
      global.gc = undefined;
      expect(exposedCollector()).toBeUndefined();
    } finally {
      global.gc = had;
    }
  });
});
