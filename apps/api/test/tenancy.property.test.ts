// Tenancy: a key of one practice never reads, writes, lists or counts another practice's records, and
// another practice's record answers exactly like a missing one (quality.md: ≥ 10,000 generated
// attempts covering every operation).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  bearer,
  bodyOf,
  createHarness,
  freshId,
  type Harness,
  issueKey,
  NO_RATE_LIMITS,
  type PracticeFixture,
  seedPractice,
} from '../src/test-support/harness.js';
import { authHeaders, OPERATIONS, type Operation, type Target, toInit } from './operations.js';

const ATTEMPTS = Number(process.env.TENANCY_ATTEMPTS ?? 10_000);
const MISSING_ODS = 'Z99999';

interface Attacker {
  fixture: PracticeFixture;
  /** API keys of the attacking practice: all scopes, one scope, and one shared with a third practice. */
  apiKeys: string[];
}

/** keyIndex 3: the attacking practice's signed-in member of staff (session cookie) instead of a key. */
const SESSION_INDEX = 3;
const STAFF_SCOPES = ['incidents:read', 'incidents:write'];

let h: Harness;
let practices: PracticeFixture[];
let attackers: Attacker[];

/** Row counts and content digests per practice, straight from the database. */
function dbSnapshot(): unknown {
  const raw = h.db.$client;
  return raw
    .prepare(
      `SELECT p.ods, p.name, p.settings, p.public_etag, p.chain_seq, p.chain_head,
         (SELECT count(*) FROM incidents i WHERE i.practice_ods = p.ods) AS incidents,
         (SELECT coalesce(sum(i.version), 0) FROM incidents i WHERE i.practice_ods = p.ods) AS versions,
         (SELECT count(*) FROM incident_events e WHERE e.practice_ods = p.ods) AS events,
         (SELECT count(*) FROM evidence v WHERE v.practice_ods = p.ods) AS evidence,
         (SELECT count(*) FROM webhook_endpoints w WHERE w.practice_ods = p.ods AND w.deleted_at IS NULL) AS webhooks,
         (SELECT count(*) FROM outbox_events o WHERE o.practice_ods = p.ods) AS outbox,
         (SELECT group_concat(u.id || u.email || u.role || coalesce(u.disabled_at, '') || u.updated_at)
            FROM users u WHERE u.practice_ods = p.ods) AS people,
         (SELECT count(*) FROM api_keys k WHERE k.revoked_at IS NULL) AS liveKeys
       FROM practices p ORDER BY p.ods`,
    )
    .all();
}

beforeAll(async () => {
  h = createHarness({ rateLimits: NO_RATE_LIMITS });
  practices = [
    await seedPractice(h, 'Y90011', 3),
    await seedPractice(h, 'Y90022', 3),
    await seedPractice(h, 'Y90033', 1),
  ];
  const [a, b, c] = practices as [PracticeFixture, PracticeFixture, PracticeFixture];
  const keysFor = async (own: PracticeFixture) => [
    own.apiKey,
    (await issueKey(h, own.ods, { type: 'api', scopes: ['incidents:read'] })).key,
    (
      await issueKey(h, own.ods, {
        type: 'api',
        practices: [c.ods],
        scopes: ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'],
      })
    ).key,
  ];
  attackers = [
    { fixture: a, apiKeys: await keysFor(a) },
    { fixture: b, apiKeys: await keysFor(b) },
  ];
}, 60_000);

afterAll(() => h?.close());

type Mode = 'foreign-path-foreign-ids' | 'own-path-foreign-ids' | 'foreign-path-own-ids';

const hasPathOds = (op: Operation) => op.id.includes('{ods}');

/** The modes that name a record of the victim without being a legitimate request of the attacker. */
function modesFor(op: Operation): Mode[] {
  if (op.auth === 'admin') return ['own-path-foreign-ids', 'foreign-path-own-ids']; // admin keys are global; the path binds
  if (!hasPathOds(op)) return ['foreign-path-foreign-ids']; // the practice is named in the body only
  return op.usesIds
    ? ['foreign-path-foreign-ids', 'own-path-foreign-ids', 'foreign-path-own-ids']
    : ['foreign-path-foreign-ids'];
}

const missingIds = (): Target['ids'] => ({
  ods: MISSING_ODS,
  incidentIds: [freshId()],
  evidenceIds: [freshId()],
  apiKeyId: `key_${freshId()}`,
  reportKeyId: `key_${freshId()}`,
  webhookIds: [`whk_${freshId().replaceAll('-', '')}`],
  userIds: [`usr_${freshId()}`],
});

function targets(
  mode: Mode,
  attacker: PracticeFixture,
  victim: PracticeFixture,
): { attempt: Target; missing: Target } {
  const missing = missingIds();
  switch (mode) {
    case 'foreign-path-foreign-ids':
      return { attempt: { ods: victim.ods, ids: victim }, missing: { ods: MISSING_ODS, ids: missing } };
    case 'own-path-foreign-ids':
      return { attempt: { ods: attacker.ods, ids: victim }, missing: { ods: attacker.ods, ids: missing } };
    case 'foreign-path-own-ids':
      return { attempt: { ods: victim.ods, ids: attacker }, missing: { ods: MISSING_ODS, ids: attacker } };
  }
}

const tenantOps = OPERATIONS.filter((op) => op.tenant);

const attemptArb = fc
  .record({
    op: fc.constantFrom(...tenantOps),
    attackerIndex: fc.nat({ max: 1 }),
    keyIndex: fc.nat({ max: SESSION_INDEX }),
    modeSeed: fc.nat({ max: 2 }),
    useVictimOrigin: fc.boolean(),
    useReportKey: fc.boolean(),
    noise: fc.option(
      fc.record({
        name: fc.constantFrom('x-practice', 'x-ods', 'x-forwarded-for'),
        value: fc.constantFrom('Y90011', 'Y90022', '127.0.0.2'),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => {
    const modes = modesFor(r.op);
    return { ...r, mode: modes[r.modeSeed % modes.length] as Mode };
  });

async function send(op: Operation, target: Target, headers: Record<string, string>) {
  const { path, ...init } = toInit(op.build(target), headers);
  const response = await h.app.request(path, init);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await bodyOf(response),
  };
}

describe('tenancy', () => {
  it(`${ATTEMPTS} generated cross-practice attempts all answer exactly like a missing record and change nothing`, async () => {
    const before = dbSnapshot();
    const perOperation = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(attemptArb, async (r) => {
        const attacker = attackers[r.attackerIndex] as Attacker;
        const victim = practices[1 - r.attackerIndex] as PracticeFixture;
        const { attempt, missing } = targets(r.mode, attacker.fixture, victim);
        const report = r.op.auth === 'report' || (r.op.auth === 'apiOrReport' && r.useReportKey);
        const creds = {
          admin: ADMIN_KEY,
          apiKey: attacker.apiKeys[r.keyIndex % 3] as string,
          reportKey: attacker.fixture.reportKey,
          origin: r.useVictimOrigin ? victim.origin : attacker.fixture.origin,
        };
        const session =
          !report && r.keyIndex === SESSION_INDEX && (r.op.auth === 'api' || r.op.auth === 'apiOrReport');
        const headers: Record<string, string> = report
          ? { 'x-report-key': creds.reportKey, origin: creds.origin }
          : session
            ? { cookie: `policy_session=${attacker.fixture.session}` }
            : authHeaders(r.op, { ...creds, apiKey: attacker.apiKeys[r.keyIndex % 3] as string });
        if (r.noise) headers[r.noise.name] = r.noise.value;
        const got = await send(r.op, attempt, headers);
        const twin = await send(r.op, missing, headers);
        perOperation.set(r.op.id, (perOperation.get(r.op.id) ?? 0) + 1);
        // On its own practice's path a key without the operation's scope is refused (403) before any
        // record is looked up — for a foreign record exactly as for a missing one.
        // A member of staff's session likewise lacks every scope but the incidents' ones, and reaches
        // only incident and template operations.
        const staffReaches =
          (r.op.id.includes('/incidents') || r.op.id.includes('/templates')) &&
          (r.op.scope === undefined || STAFF_SCOPES.includes(r.op.scope));
        const lacksScope =
          !report &&
          r.op.auth === 'api' &&
          ((r.keyIndex === 1 && r.op.scope !== undefined && r.op.scope !== 'incidents:read') ||
            (session && !staffReaches));
        // Likewise a report key sent from an origin it was not issued for is refused for what it is.
        const badOrigin = report && r.useVictimOrigin && r.op.auth === 'apiOrReport';
        const expected = (r.mode === 'own-path-foreign-ids' && lacksScope) || badOrigin ? 403 : 404;
        expect(got.status, `${r.op.id} ${r.mode}`).toBe(expected);
        expect(got, `${r.op.id} ${r.mode} answers like a missing record`).toEqual(twin);
        expect(got.type).toBe('application/problem+json');
        // Nothing the victim owns leaks into the answer.
        const text = JSON.stringify(got.body);
        for (const id of [
          ...victim.incidentIds,
          ...victim.references,
          ...victim.evidenceIds,
          ...victim.webhookIds,
        ])
          expect(text).not.toContain(id);
      }),
      { numRuns: ATTEMPTS },
    );
    // Every tenant operation was attempted, many times.
    for (const op of tenantOps)
      expect(perOperation.get(op.id) ?? 0, op.id).toBeGreaterThan(ATTEMPTS / tenantOps.length / 3);
    expect(dbSnapshot()).toEqual(before);
  }, 120_000);

  it('lists, counts and summaries of a practice hold only its own records', async () => {
    for (const own of practices.slice(0, 2)) {
      const others = practices.filter((p) => p !== own);
      const list = (await (
        await h.request(`/v1/practices/${own.ods}/incidents?limit=100`, { headers: bearer(own.apiKey) })
      ).json()) as { items: { id: string; reference: string }[] };
      expect(list.items.map((item) => item.id).sort()).toEqual(
        (
          h.db.$client
            .prepare('SELECT id FROM incidents WHERE practice_ods = ?')
            .pluck()
            .all(own.ods) as string[]
        ).sort(),
      );
      for (const other of others)
        for (const id of other.incidentIds) expect(list.items.map((i) => i.id)).not.toContain(id);
      const summary = (await (
        await h.request(`/v1/practices/${own.ods}/reports/summary?from=2000-01-01&to=2100-01-01`, {
          headers: bearer(own.apiKey),
        })
      ).json()) as { total: number };
      expect(summary.total).toBe(list.items.length);
      const verify = (await (
        await h.request(`/v1/practices/${own.ods}/audit/verify`, { headers: bearer(own.apiKey) })
      ).json()) as { intact: boolean; events: number };
      expect(verify.intact).toBe(true);
      expect(verify.events).toBe(
        h.db.$client
          .prepare('SELECT count(*) FROM incident_events WHERE practice_ods = ?')
          .pluck()
          .get(own.ods),
      );
    }
  });

  it('an Idempotency-Key reused by another practice never replays that practice’s answer', async () => {
    const [a, b] = practices as [PracticeFixture, PracticeFixture];
    const body = {
      platform: 'x',
      seenAt: '2026-11-20T10:00:00Z',
      location: 'author_account',
      text: 'Same words, filed at two practices with the same idempotency key',
      atRisk: false,
      reporter: { name: 'Same Name' },
    };
    const file = (p: PracticeFixture) =>
      h.request(`/v1/practices/${p.ods}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': p.reportKey, origin: p.origin, 'idempotency-key': 'shared-key-1' },
        json: body,
      });
    const first = await file(a);
    const second = await file(b);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    const [x, y] = [
      (await first.json()) as { id: string; reference: string },
      (await second.json()) as { id: string; reference: string },
    ];
    expect(y.id).not.toBe(x.id);
    expect(y.reference.startsWith(b.ods)).toBe(true);
    // The same through vendor intake with each practice's API key.
    const intake = (p: PracticeFixture) =>
      h.request(`/v1/practices/${p.ods}/incidents`, {
        method: 'POST',
        headers: { ...bearer(p.apiKey), 'idempotency-key': 'shared-key-2' },
        json: body,
      });
    const [i1, i2] = [await intake(a), await intake(b)];
    expect([i1.status, i2.status]).toEqual([201, 201]);
    expect(((await i2.json()) as { reference: string }).reference.startsWith(b.ods)).toBe(true);
  });

  it('a key shared by two practices still cannot reach a third', async () => {
    const shared = attackers[0]?.apiKeys[2] as string;
    const third = practices[2] as PracticeFixture;
    // It may act for the practice it was also given…
    expect(
      (await h.request(`/v1/practices/${third.ods}/incidents`, { headers: bearer(shared) })).status,
    ).toBe(200);
    // …and for no other.
    const victim = practices[1] as PracticeFixture;
    const response = await h.request(`/v1/practices/${victim.ods}/incidents`, { headers: bearer(shared) });
    expect(response.status).toBe(404);
  });
});
