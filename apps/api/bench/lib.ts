// Shared plumbing for the benchmarks: servers run in child processes (so the load generator and
// the server sit on separate cores, as the budgets' reference figures were taken), and autocannon
// results are reduced to the figures quality.md budgets.
import { type ChildProcess, fork } from 'node:child_process';
import autocannon from 'autocannon';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Extra fields the child sent with its ready message. */
  info: Record<string, unknown>;
  rssBytes(): number;
  /** The child's process.memoryUsage() and heap spaces (bench/api-server.mjs answers it). */
  /**
   * What the server's memory holds (process.memoryUsage and more); with `collect`, also after a full
   * collection — which changes the server's state, so only where nothing is measured after it.
   */
  memory(options?: { collect?: boolean }): Promise<Record<string, unknown> | undefined>;
  stop(): Promise<void>;
}

/**
 * The Node flags the API runs with in production — apps/api/package.json's `start` script:
 * `node --max-semi-space-size=8 --expose-gc dist/server.js`. V8's young generation otherwise grows
 * to 2 × 16 MB under load and stays there (docs/benchmarks.md, "Memory"); `gc` lets the server
 * collect after bursts of refused uploads (src/http/memory-pressure.ts). The bench runs the API with
 * the same (run.ts warns when the start script says otherwise).
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=8', '--expose-gc'];

/**
 * glibc's malloc settings from the start script: socket reads are 64 KiB buffers, and a burst of
 * them (refused uploads) otherwise leaves glibc's heap fragmented and resident long after they are
 * freed; from 64 KiB, allocations are mapped and given back when freed (docs/benchmarks.md).
 */
export const API_NODE_ENV: Record<string, string> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '65536',
};

/**
 * Forks an entry (TypeScript through tsx, plain .mjs as is) that sends `{ ready: true, port }` once
 * listening; `nodeFlags` are passed to its node (bench/api-server.mjs gets API_NODE_FLAGS).
 */
export function startChild(
  entry: string,
  env: Record<string, string> = {},
  nodeFlags: string[] = entry.endsWith('api-server.mjs') ? API_NODE_FLAGS : [],
): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], {
      execArgv: [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), ...nodeFlags],
      env: { ...process.env, ...(entry.endsWith('api-server.mjs') ? API_NODE_ENV : {}), ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
    child.on('message', (message: unknown) => {
      const m = message as { ready?: boolean; port?: number };
      if (!m.ready || typeof m.port !== 'number') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${m.port}`,
        child,
        info: m as Record<string, unknown>,
        rssBytes: () => readRss(child.pid),
        memory: (options) =>
          new Promise((answer) => {
            const timer = setTimeout(() => answer(undefined), 2000);
            const listener = (reply: unknown) => {
              const memory = (reply as { memory?: Record<string, unknown> }).memory;
              if (!memory) return;
              clearTimeout(timer);
              child.off('message', listener);
              answer(memory);
            };
            child.on('message', listener);
            child.send(options?.collect ? 'memory:collect' : 'memory');
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

import { readFileSync } from 'node:fs';

function readRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) the process has used, from /proc (clock ticks of 10 ms). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export interface LoadFigures {
  name: string;
  /**
   * Server CPU time per request, in µs. Unlike req/s it hardly moves when other jobs share the
   * machine (they take wall time, not this process's CPU time), so it is the steadier comparison.
   */
  cpuMicrosPerRequest: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

export async function load(
  name: string,
  options: autocannon.Options,
  serverPid?: number,
): Promise<LoadFigures> {
  const cpuBefore = cpuSeconds(serverPid);
  const result = await autocannon({ connections: 50, duration: 8, ...options });
  const cpu = cpuSeconds(serverPid) - cpuBefore;
  return {
    name,
    cpuMicrosPerRequest: (cpu / Math.max(1, result.requests.total)) * 1e6,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** The report every report-filing load sends (benchmark and profiler alike). */
export const REPORT = JSON.stringify({
  platform: 'facebook',
  postUrl: 'https://www.facebook.example/RiversideGreenSurgery/posts/1234567890',
  seenAt: '2026-11-24T18:40:00Z',
  location: 'practice_page',
  author: { name: 'A. Member', handle: '@a_member_of_public', kind: 'patient' },
  text: 'Absolutely disgusting service at this surgery. Waited 40 minutes and the receptionist was rude and useless. Dr Raman never listens. I will be telling everyone in the village group to go elsewhere, this place is a joke and someone should shut it down.',
  atRisk: false,
  reporter: { name: 'Sam Adeyemi', role: 'receptionist' },
});
/** The body every classify load sends. */
export const CLASSIFY = (ods: string) =>
  JSON.stringify({
    text: 'The receptionist Sam was so rude today, and Dr Okonjo is useless. Never coming back to this awful practice, I want to complain.',
    practice: ods,
    platform: 'facebook',
  });
