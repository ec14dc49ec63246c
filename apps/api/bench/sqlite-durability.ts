// The cost of durability on this machine: one small transaction per commit in WAL mode, with
// synchronous=FULL (fsync on every commit) against NORMAL (fsync only at checkpoints). The figure
// justifies the setting docs/operations.md chooses for report filing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface CommitRate {
  synchronous: 'FULL' | 'NORMAL';
  commitsPerSecond: number;
  microsPerCommit: number;
}

function measure(synchronous: CommitRate['synchronous'], seconds: number): CommitRate {
  const dir = mkdtempSync(join(tmpdir(), 'policy-fsync-'));
  try {
    const db = new Database(join(dir, 'bench.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const body = 'x'.repeat(600);
    const commit = db.transaction(() => insert.run(body));
    for (let i = 0; i < 200; i++) commit(); // warm-up
    let commits = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round(seconds * 1e9));
    let now = start;
    while (now < end) {
      commit();
      commits++;
      now = process.hrtime.bigint();
    }
    const elapsed = Number(now - start) / 1e9;
    db.close();
    return {
      synchronous,
      commitsPerSecond: commits / elapsed,
      microsPerCommit: (elapsed / commits) * 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureCommitRates(seconds = 2): CommitRate[] {
  return [measure('FULL', seconds), measure('NORMAL', seconds)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const rate of measureCommitRates()) console.log(rate);
}
