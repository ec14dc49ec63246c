import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  createHarness,
  type Harness,
  ORIGIN,
  PNG_BYTES,
  report,
} from '../test-support/harness.js';

describe('incidents', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001');
  });
  afterEach(() => h.close());

  const fileReport = async (overrides = {}) => {
    const res = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report(overrides),
    });
    expect(res.status).toBe(201);
    return res.json as { id: string; reference: string };
  };
  const event = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    h.send('POST', `/v1/practices/Y90001/incidents/${id}/events`, { key: keys.apiKey, body, headers });

  it('the whole life of an incident through HTTP', async () => {
    const { id, reference } = await fileReport();

    const read = await h.send('GET', `/v1/practices/Y90001/incidents/${id}`, { key: keys.apiKey });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id, reference, state: 'reported', practiceOds: 'Y90001' });
    expect(read.json.categories).toContain('abusive');
    expect(read.json.deadlines.map((d: { kind: string }) => d.kind)).toContain('triage');
    expect(read.json.nextSteps.length).toBeGreaterThan(0);
    const available = read.json.availableEvents as { type: string; allowed: boolean; rule?: string }[];
    expect(available.find((e) => e.type === 'triage')?.allowed).toBe(true);
    // Not allowed from `reported`, and each refusal names its rule.
    expect(available.find((e) => e.type === 'complaint_lodged')).toMatchObject({
      allowed: false,
      rule: 'wrong_state',
    });

    // The policy refuses triage before evidence: 409 with the guard's id.
    const refused = await event(id, { type: 'triage', categories: ['abusive'] });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json).toMatchObject({ status: 409, rule: 'evidence_or_reason' });
    expect(refused.json.detail).toEqual(expect.any(String));

    const upload = await h.send('POST', `/v1/practices/Y90001/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: PNG_BYTES,
      contentType: 'image/png',
      headers: { 'x-captured-at': '2026-03-10T09:05:00Z' },
    });
    expect(upload.status).toBe(201);

    const triaged = await event(
      id,
      { type: 'triage', categories: ['abusive'] },
      { 'x-acting-user': 'u-17; role=manager' },
    );
    expect(triaged.status).toBe(200);
    expect(triaged.json.state).toBe('triaged');
    expect(triaged.json.categoriesConfirmed).toBe(true);
    expect(triaged.json.appliedEvent).toMatchObject({
      type: 'triage',
      actor: { id: 'u-17', role: 'manager' },
    });

    expect((await event(id, { type: 'remove_from_page' })).status).toBe(200);
    const closed = await event(id, { type: 'close', outcome: 'removed_by_practice' });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ state: 'closed', outcome: 'removed_by_practice' });

    // From closed only reopen is allowed: anything else is a wrong-state refusal.
    const late = await event(id, { type: 'add_note', text: 'too late' });
    expect(late.status).toBe(409);
    expect(late.json.rule).toBe('wrong_state');
    // Reopen needs a manager or partner.
    const staffReopen = await event(id, { type: 'reopen', reason: 'posted again' });
    expect(staffReopen.json.rule).toBe('manager_or_partner_only');

    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${id}/events`, { key: keys.apiKey });
    expect(timeline.json.items.map((e: { type: string }) => e.type)).toEqual([
      'report',
      'record_evidence',
      'triage',
      'remove_from_page',
      'close',
    ]);
    const items = timeline.json.items as { prevHash: string; hash: string; seq: number }[];
    items.forEach((item, i) => {
      expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(item.prevHash).toBe(i === 0 ? '' : items[i - 1]?.hash);
    });
  });

  it('refuses invalid events with 422: unknown type, missing fields, read-only fields', async () => {
    const { id } = await fileReport();
    const bodies = [
      { type: 'explode' },
      { type: 'triage' },
      { type: 'close', outcome: 'vanished' },
      { type: 'add_note', text: 'x', state: 'closed' },
      { type: 'add_note', text: 'x', actor: { id: 'boss', role: 'partner' } },
      { type: 'report' },
      {},
      [],
    ];
    for (const body of bodies) {
      const res = await event(id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.errors.length).toBeGreaterThan(0);
    }
    const badActor = await event(
      id,
      { type: 'add_note', text: 'x' },
      { 'x-acting-user': 'u-1; role=overlord' },
    );
    expect(badActor.status).toBe(422);
    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${id}/events`, { key: keys.apiKey });
    expect(timeline.json.items).toHaveLength(1);
  });

  it('availableEvents is judged for the acting user, now: role rules and the 12-month warning window', async () => {
    const { id } = await fileReport();
    const allowed = async (type: string, actingUser?: string) => {
      const res = await h.send('GET', `/v1/practices/Y90001/incidents/${id}`, {
        key: keys.apiKey,
        headers: actingUser ? { 'x-acting-user': actingUser } : {},
      });
      expect(res.status).toBe(200);
      return (res.json.availableEvents as { type: string; allowed: boolean; rule?: string }[]).find(
        (e) => e.type === type,
      );
    };
    await h.send('POST', `/v1/practices/Y90001/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: PNG_BYTES,
      contentType: 'image/png',
    });
    const manager = { 'x-acting-user': 'm-1; role=manager' };
    for (const body of [
      { type: 'triage', categories: ['abusive'] },
      { type: 'request_removal' },
      { type: 'author_refused' },
      { type: 'issue_warning', issuedOn: '2026-03-10' },
    ])
      expect((await event(id, body, manager)).status, body.type).toBe(200);
    expect((await event(id, { type: 'start_removal_review' }, manager)).status).toBe(200);

    // decide_removal is the partners' alone: shown as allowed only to a partner.
    expect(await allowed('decide_removal')).toMatchObject({ allowed: false, rule: 'partner_only' });
    expect(await allowed('decide_removal', 's-1; role=staff')).toMatchObject({ allowed: false });
    expect(await allowed('decide_removal', 'm-1; role=manager')).toMatchObject({ allowed: false });
    expect(await allowed('decide_removal', 'p-1; role=partner')).toEqual({
      type: 'decide_removal',
      allowed: true,
    });
    const malformed = await h.send('GET', `/v1/practices/Y90001/incidents/${id}`, {
      key: keys.apiKey,
      headers: { 'x-acting-user': 'p-1; role=king' },
    });
    expect(malformed.status).toBe(422);

    // Retained, the incident is escalated again; the warning's window is judged at today's date.
    expect(
      (
        await event(
          id,
          { type: 'decide_removal', decision: 'retain', reason: 'first time' },
          { 'x-acting-user': 'p-1; role=partner' },
        )
      ).status,
    ).toBe(200);
    expect(await allowed('start_removal_review', 'm-1; role=manager')).toEqual({
      type: 'start_removal_review',
      allowed: true,
    });
    h.advance(400 * 24 * 60 * 60 * 1000);
    expect(await allowed('start_removal_review', 'm-1; role=manager')).toMatchObject({
      allowed: false,
      rule: 'warning_required',
    });
  });

  it('vendor intake: POST incidents with an API key answers like a report and records the acting user', async () => {
    const res = await h.send('POST', '/v1/practices/Y90001/incidents', {
      key: keys.apiKey,
      body: report({ text: 'Can I book a blood test through this page please?' }),
      headers: { 'x-acting-user': 'vendor-user-9; role=manager' },
    });
    expect(res.status).toBe(201);
    expect(res.json.reference).toBe('Y90001-2026-0001');
    expect(res.headers.get('location')).toBe(`/v1/practices/Y90001/incidents/${res.json.id}`);
    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${res.json.id}/events`, {
      key: keys.apiKey,
    });
    expect(timeline.json.items[0].actor).toMatchObject({ id: 'vendor-user-9', role: 'manager' });
  });

  it('needs incidents:write to create or change, incidents:read to read', async () => {
    const { id } = await fileReport();
    const readOnly = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api', scopes: ['incidents:read'] },
    });
    const writeOnly = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'api', scopes: ['incidents:write'] },
    });
    expect(
      (await h.send('GET', `/v1/practices/Y90001/incidents/${id}`, { key: readOnly.json.key })).status,
    ).toBe(200);
    expect(
      (
        await h.send('POST', `/v1/practices/Y90001/incidents/${id}/events`, {
          key: readOnly.json.key,
          body: { type: 'add_note', text: 'n' },
        })
      ).status,
    ).toBe(403);
    expect((await h.send('GET', '/v1/practices/Y90001/incidents', { key: writeOnly.json.key })).status).toBe(
      403,
    );
  });

  it('another practice’s incident is 404 everywhere, exactly like a missing one', async () => {
    const { id } = await fileReport();
    const other = await h.practice('Y90002');
    const paths = [
      ['GET', `/v1/practices/Y90001/incidents/${id}`],
      ['GET', `/v1/practices/Y90002/incidents/${id}`],
      ['GET', `/v1/practices/Y90001/incidents/${id}/events`],
      ['GET', `/v1/practices/Y90001/incidents`],
    ] as const;
    for (const [method, path] of paths) {
      const res = await h.send(method, path, { key: other.apiKey });
      expect(res.status, path).toBe(404);
    }
    const write = await h.send('POST', `/v1/practices/Y90002/incidents/${id}/events`, {
      key: other.apiKey,
      body: { type: 'add_note', text: 'n' },
    });
    expect(write.status).toBe(404);
    const missing = await h.send(
      'GET',
      '/v1/practices/Y90001/incidents/00000000-0000-0000-0000-000000000000',
      {
        key: keys.apiKey,
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.json.detail).toBe(write.json.detail);
  });

  it('lists newest first with cursor pagination and filters', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) {
      filed.push(
        (
          await fileReport({
            text: i % 2 ? 'When is the flu clinic open this autumn?' : 'You lot are idiots',
          })
        ).id,
      );
      h.advance(60_000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/v1/practices/Y90001/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await h.send('GET', url, { key: keys.apiKey });
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.items.map((i: { id: string }) => i.id));
      cursor = page.json.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...filed].reverse());

    const abusive = await h.send('GET', '/v1/practices/Y90001/incidents?category=abusive', {
      key: keys.apiKey,
    });
    expect(abusive.json.items.map((i: { id: string }) => i.id)).toEqual([filed[4], filed[2], filed[0]]);
    const window = await h.send(
      'GET',
      '/v1/practices/Y90001/incidents?from=2026-03-10T09:31:00Z&to=2026-03-10T09:33:00Z',
      {
        key: keys.apiKey,
      },
    );
    expect(window.json.items.map((i: { id: string }) => i.id)).toEqual([filed[3], filed[2], filed[1]]);
    const state = await h.send('GET', '/v1/practices/Y90001/incidents?state=closed', { key: keys.apiKey });
    expect(state.json.items).toEqual([]);
  });

  it('caps pages at 100 and refuses bad list parameters with 422', async () => {
    for (const query of [
      'limit=101',
      'limit=0',
      'limit=abc',
      'state=gone',
      'from=yesterday',
      'cursor=not-a-cursor',
    ]) {
      const res = await h.send('GET', `/v1/practices/Y90001/incidents?${query}`, { key: keys.apiKey });
      expect(res.status, query).toBe(422);
    }
  });

  it('Idempotency-Key on events applies the event once', async () => {
    const { id } = await fileReport();
    const headers = { 'idempotency-key': 'note-1' };
    const first = await event(id, { type: 'add_note', text: 'Called the author' }, headers);
    const again = await event(id, { type: 'add_note', text: 'Called the author' }, headers);
    expect(first.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${id}/events`, { key: keys.apiKey });
    expect(timeline.json.items).toHaveLength(2);
  });
});
