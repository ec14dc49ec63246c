// What a burst of refused uploads leaves behind (issue 9, docs/benchmarks.md): every refused form
// cost the server a few 64 KiB socket buffers and parser objects, dead as soon as it was answered —
// but V8 collects them at its own limits, which are far above the server's 150 MB memory budget, so
// after a few thousand refusals the process held 40–90 MB of garbage and the uploads that followed
// stacked on top of it. This runs a full collection when the resident set is over a soft limit, at
// most once per interval, so garbage goes back as it is made instead of when V8 gets round to it.
//
// It needs `gc` (node --expose-gc, as the start script runs it); without it, it does nothing (the
// server says so once at start: NO_COLLECTOR).

export interface MemoryPressureOptions {
  /** Resident set size above which a full collection runs. */
  softLimitBytes: number;
  /** At least this long between two collections, so a server that is simply busy is not slowed. */
  minIntervalMs: number;
  /** How often the resident set is checked. */
  checkEveryMs: number;
}

export const DEFAULT_MEMORY_PRESSURE: MemoryPressureOptions = {
  softLimitBytes: 120 * 2 ** 20,
  minIntervalMs: 2_000,
  checkEveryMs: 250,
};

type Collect = () => void;

export interface MemoryPressure {
  /** How many collections it has run. */
  readonly collections: number;
  /** Checks now (the timer calls this); true when it collected. */
  check(): boolean;
  stop(): void;
}

/** What the server says at start when node runs without `--expose-gc`. */
export const NO_COLLECTOR =
  'Memory   garbage is collected only when V8 decides; start node with --expose-gc (as `npm start` does) so RSS returns near its budget after bursts of refused uploads';

/** The `gc` that `--expose-gc` puts on the global object, if it is there. */
export function exposedCollector(): Collect | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
}

export function watchMemoryPressure(
  options: Partial<MemoryPressureOptions> = {},
  parts: {
    /** Defaults to the exposed `gc`; null: none (as without --expose-gc). */
    collect?: Collect | null;
    rss?: () => number;
    now?: () => number;
  } = {},
): MemoryPressure {
  const { softLimitBytes, minIntervalMs, checkEveryMs } = { ...DEFAULT_MEMORY_PRESSURE, ...options };
  const collect = parts.collect === undefined ? exposedCollector() : parts.collect;
  const rss = parts.rss ?? process.memoryUsage.rss;
  const now = parts.now ?? Date.now;
  let collections = 0;
  let last = Number.NEGATIVE_INFINITY;
  if (!collect) return { collections: 0, check: () => false, stop: () => {} };
  const check = () => {
    if (rss() <= softLimitBytes) return false;
    const at = now();
    if (at - last < minIntervalMs) return false;
    last = at;
    collect();
    collections += 1;
    return true;
  };
  const timer = setInterval(check, checkEveryMs);
  timer.unref();
  return {
    get collections() {
      return collections;
    },
    check,
    stop: () => clearInterval(timer),
  };
}
