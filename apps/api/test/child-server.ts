// The real server in a child process, started the way `npm start` starts it (src/server.ts's main,
// through tsx so the test runs the current source rather than a possibly stale dist/), configured
// only through its environment. Used where the process itself matters: SIGKILL, SIGTERM, stdout.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SERVER_ENTRY = fileURLToPath(new URL('../src/server.ts', import.meta.url));
export const BOOTSTRAP_ADMIN_KEY = `ak_child_${'b'.repeat(40)}`;

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Every complete line the server wrote to stdout so far. */
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const lines = (into: string[]) => {
  let partial = '';
  return (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    into.push(...parts);
  };
};

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('server exited during start');
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server at ${url} not healthy within ${timeoutMs} ms`);
}

export async function startChildServer(
  databasePath: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_PATH: databasePath,
        POLICY_DEMO: '0',
        POLICY_BOOTSTRAP_ADMIN_KEY: BOOTSTRAP_ADMIN_KEY,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    child.stdout?.on('data', lines(stdout));
    child.stderr?.on('data', lines(stderr));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitHealthy(url, child, 30_000);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      // Someone took the port between the probe and the listen: try another.
      if (attempt < 3 && stderr.join('\n').includes('EADDRINUSE')) continue;
      throw new Error(`${String(error)}\n${stderr.join('\n')}`);
    }
    return {
      url,
      child,
      stdout,
      stderr,
      exited,
      kill(signal) {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      },
    };
  }
}

export async function adminRequest(
  url: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BOOTSTRAP_ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Files reports from `connections` concurrent loops until `stop`, keeping every acknowledged one. A
 * connection cut by a kill is not a failure (the report may or may not be stored; it was not
 * acknowledged); an answer of 500 or more is.
 */
export function reportLoad(options: {
  url: string;
  ods: string;
  reportKey: string;
  origin: string;
  connections: number;
  /** The report's body for the n-th request. */
  body: (n: number) => unknown;
}) {
  const acked: { id: string; reference: string }[] = [];
  let stopped = false;
  let sent = 0;
  const loop = async () => {
    while (!stopped) {
      sent += 1;
      try {
        const response = await fetch(`${options.url}/v1/practices/${options.ods}/reports`, {
          method: 'POST',
          headers: {
            'x-report-key': options.reportKey,
            origin: options.origin,
            'content-type': 'application/json',
          },
          body: JSON.stringify(options.body(sent)),
        });
        const text = await response.text();
        if (response.status === 201) acked.push(JSON.parse(text) as { id: string; reference: string });
        else if (response.status >= 500) throw new Error(`server answered ${response.status}: ${text}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('server answered')) throw error;
        if (stopped) return;
      }
    }
  };
  const loops = Array.from({ length: options.connections }, loop);
  return {
    acked,
    sent: () => sent,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
