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
  stop(): Promise<void>;
}

/** Forks an entry (TypeScript through tsx, plain .mjs as is) that sends `{ ready: true, port }` once listening. */
export function startChild(entry: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], {
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      env: { ...process.env, ...env },
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
