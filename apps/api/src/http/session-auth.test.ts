// Roles with sessions: every role × every lifecycle event against the policy's guards, what each role
// may reach, staff confined to their own reports, the role never taken from a header, and API keys'
// maxRole.
import { EVENT_TYPES } from '@policy/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  cookie,
  createHarness,
  type Harness,
  ORIGIN,
  type Person,
  report,
  signedInPerson,
} from '../test-support/harness.js';

const ODS = 'B82001';
let h: Harness;
let apiKey: string;
let staff: Person;
let otherStaff: Person;
let manager: Person;
let partner: Person;

beforeAll(async () => {
  h = createHarness();
  ({ apiKey } = await h.practice(ODS));
  staff = await signedInPerson(h, ODS, apiKey, 'staff');
  otherStaff = await signedInPerson(h, ODS, apiKey, 'staff');
  manager = await signedInPerson(h, ODS, apiKey, 'manager');
  partner = await signedInPerson(h, ODS, apiKey, 'partner');
}, 60_000);
afterAll(() => h.close());

const as = (person: Person, extra: Record<string, string> = {}) => ({
  headers: { ...cookie(person.token), ...extra },
});
const incidentPath = (id: string) => `/v1/practices/${ODS}/incidents/${id}`;

/** A valid body for each event a person applies. */
const BODIES: Record<(typeof EVENT_TYPES)[number], Record<string, unknown>> = {
  report: {},
  record_evidence: {
    evidence: { kind: 'text', sha256: 'a'.repeat(64), capturedAt: '2026-03-10T09:00:00Z' },
  },
  triage: { categories: ['abusive'] },
  respond_publicly: { text: 'Thank you for your feedback; please contact the practice so we can help.' },
  remove_from_page: {},
  report_to_platform: {},
  request_removal: {},
  offer_complaints_procedure: {},
  complaint_lodged: {},
  author_removed_post: {},
  author_refused: {},
  seek_advice: { advisor: 'mdu' },
  issue_warning: { issuedOn: '2026-03-10' },
  start_removal_review: {},
  decide_removal: { decision: 'retain', reason: 'A first occurrence; the warning stands.' },
  refer_safeguarding: {},
  report_to_police: {},
  block_author: {},
  assign: { assignee: 'Practice manager' },
  add_note: { text: 'Spoke to the reporter.' },
  close: { outcome: 'no_action', reason: 'Nothing more to do.' },
  reopen: { reason: 'The post is back up.' },
};

const event = (person: Person, id: string, type: string) =>
  h.send('POST', `${incidentPath(id)}/events`, {
    ...as(person),
    body: { type, ...BODIES[type as 'add_note'] },
  });

/** A report filed by `staff` with the desk's cookie, taken by the manager to a removal review. */
async function removalReview(): Promise<string> {
  const filed = await h.send('POST', `/v1/practices/${ODS}/reports`, { ...as(staff), body: report() });
  expect(filed.status).toBe(201);
  const id = filed.json.id as string;
  const evidence = await h.send('POST', `${incidentPath(id)}/evidence`, {
    ...as(staff),
    rawBody: 'The post as captured',
    contentType: 'text/plain',
  });
  expect(evidence.status).toBe(201);
  for (const type of ['triage', 'request_removal', 'author_refused', 'issue_warning', 'start_removal_review'])
    expect((await event(manager, id, type)).status, type).toBe(200);
  return id;
}

async function available(person: Person, id: string) {
  const got = await h.send('GET', incidentPath(id), as(person));
  expect(got.status).toBe(200);
  return got.json.availableEvents as { type: string; allowed: boolean; rule?: string }[];
}

const ROLE_RULES = ['partner_only', 'manager_or_partner_only'];

describe('every role × every lifecycle event, with sessions', { timeout: 30_000 }, () => {
  it('staff may add evidence and notes only; managers and partners are judged by the guards, role rules included', async () => {
    const actions = EVENT_TYPES.filter((type) => type !== 'report');
    const shared = await removalReview();
    for (const person of [staff, manager, partner]) {
      const judged = await available(person, shared);
      for (const type of actions) {
        const verdict = judged.find((candidate) => candidate.type === type);
        expect(verdict, type).toBeDefined();
        if (person.role === 'staff' && type !== 'record_evidence' && type !== 'add_note') {
          const refused = await event(person, shared, type);
          expect(refused.status, `staff ${type}`).toBe(403);
          expect(refused.json.code).toBe('role_not_allowed');
          continue;
        }
        if (!verdict?.allowed) {
          const refused = await event(person, shared, type);
          expect(refused.status, `${person.role} ${type}`).toBe(409);
          expect(refused.json.rule, `${person.role} ${type}`).toBe(verdict?.rule);
          continue;
        }
        // Allowed: applied to an incident of its own in the same state.
        const fresh = await removalReview();
        const applied = await event(person, fresh, type);
        if (applied.status !== 200) {
          // The body may still meet a guard the state alone could not judge — never a role rule.
          expect(applied.status, `${person.role} ${type}`).toBe(409);
          expect(ROLE_RULES).not.toContain(applied.json.rule);
        } else expect(applied.json.appliedEvent.actor).toMatchObject({ id: person.id, role: person.role });
      }
    }
  }, 120_000);

  it('only a partner decides on removal; a header claiming partner changes nothing for a session', async () => {
    const id = await removalReview();
    const byManager = await h.send('POST', `${incidentPath(id)}/events`, {
      ...as(manager, { 'x-acting-user': 'someone; role=partner' }),
      body: { type: 'decide_removal', ...BODIES.decide_removal },
    });
    expect(byManager.status).toBe(409);
    expect(byManager.json.rule).toBe('partner_only');
    expect((await event(staff, id, 'decide_removal')).status).toBe(403);
    const byPartner = await event(partner, id, 'decide_removal');
    expect(byPartner.status).toBe(200);
    expect(byPartner.json.appliedEvent.actor).toEqual({
      id: partner.id,
      role: 'partner',
      name: 'Test partner',
    });
    expect(byPartner.json.appliedEvent.keyId).toBe(`user:${partner.id}`);
  });

  it('reopening a closed incident is for a manager or a partner', async () => {
    const filed = await h.send('POST', `/v1/practices/${ODS}/reports`, {
      ...as(staff),
      body: report({ text: 'The wait for appointments at this surgery is far too long.' }),
    });
    const id = filed.json.id as string;
    for (const type of ['record_evidence', 'triage', 'close'])
      expect((await event(manager, id, type)).status, type).toBe(200);
    expect((await event(staff, id, 'reopen')).status).toBe(403);
    expect((await event(partner, id, 'reopen')).status).toBe(200);
    expect((await event(manager, id, 'close')).status).toBe(200);
    expect((await event(manager, id, 'reopen')).status).toBe(200);
  });
});

describe('what each role reaches', { timeout: 30_000 }, () => {
  it('staff see and add to only the reports they filed: everything else of theirs answers 404', async () => {
    const mine = await h.send('POST', `/v1/practices/${ODS}/reports`, { ...as(staff), body: report() });
    const theirs = await h.send('POST', `/v1/practices/${ODS}/reports`, {
      ...as(otherStaff),
      body: report(),
    });
    const vendor = await h.send('POST', `/v1/practices/${ODS}/incidents`, { key: apiKey, body: report() });
    expect([mine.status, theirs.status, vendor.status]).toEqual([201, 201, 201]);
    const list = await h.send('GET', `/v1/practices/${ODS}/incidents?limit=100`, as(staff));
    expect(list.status).toBe(200);
    const listed = (list.json.items as { id: string }[]).map((item) => item.id);
    expect(listed).toContain(mine.json.id);
    expect(listed).not.toContain(theirs.json.id);
    expect(listed).not.toContain(vendor.json.id);
    const managersList = await h.send('GET', `/v1/practices/${ODS}/incidents?limit=100`, as(manager));
    expect((managersList.json.items as { id: string }[]).map((item) => item.id)).toEqual(
      expect.arrayContaining([mine.json.id, theirs.json.id, vendor.json.id]),
    );

    const missing = await h.send('GET', incidentPath('00000000-0000-7000-8000-000000000000'), as(staff));
    for (const id of [theirs.json.id, vendor.json.id]) {
      for (const [method, suffix] of [
        ['GET', ''],
        ['GET', '/events'],
      ] as const) {
        const got = await h.send(method, `${incidentPath(id)}${suffix}`, as(staff));
        expect(got.status).toBe(404);
        expect(got.json).toEqual({ ...missing.json, detail: got.json.detail });
      }
      const note = await h.send('POST', `${incidentPath(id)}/events`, {
        ...as(staff),
        body: { type: 'add_note', ...BODIES.add_note },
      });
      expect(note.status).toBe(404);
      const evidence = await h.send('POST', `${incidentPath(id)}/evidence`, {
        ...as(staff),
        rawBody: 'text',
        contentType: 'text/plain',
      });
      expect(evidence.status).toBe(404);
    }
    // Templates, for their own reports only.
    const render = (incidentId: string) =>
      h.send('POST', `/v1/practices/${ODS}/templates/public_acknowledgement/render`, {
        ...as(staff),
        body: { incidentId, platform: 'facebook' },
      });
    expect((await render(mine.json.id)).status).toBe(200);
    expect((await render(theirs.json.id)).status).toBe(404);
    expect((await render(vendor.json.id)).status).toBe(404);
    const own = await h.send('POST', `${incidentPath(mine.json.id)}/evidence`, {
      ...as(staff),
      rawBody: 'The post as I saw it',
      contentType: 'text/plain',
    });
    expect(own.status).toBe(201);
    expect(
      (await h.send('GET', `${incidentPath(mine.json.id)}/evidence/${own.json.evidence.id}`, as(staff)))
        .status,
    ).toBe(200);
  });

  it('managers reach settings, people and keys; partners the report and audit but not those; staff none of it (templates yes)', async () => {
    const reads: [string, string, Record<string, unknown> | undefined][] = [
      ['GET', `/v1/practices/${ODS}/reports/summary?from=2026-01-01&to=2026-12-31`, undefined],
      ['GET', `/v1/practices/${ODS}/audit/verify`, undefined],
      ['GET', `/v1/practices/${ODS}`, undefined],
      ['PATCH', `/v1/practices/${ODS}`, { settings: { replyTargetBusinessDays: 3 } }],
      ['GET', `/v1/practices/${ODS}/users`, undefined],
      ['GET', `/v1/practices/${ODS}/keys`, undefined],
      ['GET', '/v1/templates', undefined],
    ];
    const expected: Record<Person['role'], number[]> = {
      manager: [200, 200, 200, 200, 200, 200, 200],
      partner: [200, 200, 200, 403, 403, 403, 200],
      staff: [403, 403, 403, 403, 403, 403, 200],
    };
    for (const person of [manager, partner, staff]) {
      const statuses: number[] = [];
      for (const [method, path, body] of reads)
        statuses.push((await h.send(method, path, { ...as(person), ...(body ? { body } : {}) })).status);
      expect(statuses, person.role).toEqual(expected[person.role]);
    }
  });

  it('a session is for its own practice only (another practice answers 404)', async () => {
    const other = await h.practice('B82002');
    expect(other.apiKey).toBeTruthy();
    for (const person of [manager, partner, staff]) {
      expect((await h.send('GET', '/v1/practices/B82002/incidents', as(person))).status).toBe(404);
      expect(
        (await h.send('POST', '/v1/practices/B82002/reports', { ...as(person), body: report() })).status,
      ).toBe(404);
    }
  });

  it('a manager issues report keys for their practice, never a key that acts as a partner', async () => {
    const issued = await h.send('POST', `/v1/practices/${ODS}/keys`, {
      ...as(manager),
      body: { type: 'report', allowedOrigins: [ORIGIN], label: 'website' },
    });
    expect(issued.status).toBe(201);
    const partnerKey = await h.send('POST', `/v1/practices/${ODS}/keys`, {
      ...as(manager),
      body: { type: 'api', maxRole: 'partner' },
    });
    expect(partnerKey.status).toBe(403);
    const listed = await h.send('GET', `/v1/practices/${ODS}/keys`, as(manager));
    expect(listed.json.items.map((key: { id: string }) => key.id)).toContain(issued.json.id);
    expect(JSON.stringify(listed.json)).not.toContain(issued.json.key);
    expect((await h.send('DELETE', `/v1/practices/${ODS}/keys/${issued.json.id}`, as(partner))).status).toBe(
      403,
    );
    expect((await h.send('DELETE', `/v1/practices/${ODS}/keys/${issued.json.id}`, as(manager))).status).toBe(
      204,
    );
  });
});

describe('API keys’ maxRole', { timeout: 30_000 }, () => {
  it('X-Acting-User may claim up to the key’s maxRole; keys without one act at most as a manager', async () => {
    const issue = async (body: Record<string, unknown>) =>
      (await h.send('POST', `/v1/practices/${ODS}/keys`, { key: ADMIN_KEY, body: { type: 'api', ...body } }))
        .json;
    const plain = await issue({});
    expect(plain.maxRole).toBe('manager');
    const partnerKey = await issue({ maxRole: 'partner' });
    const staffKey = await issue({ maxRole: 'staff' });
    const id = await removalReview();
    const judge = (key: string, actingUser: string) =>
      h.send('GET', incidentPath(id), { key, headers: { 'x-acting-user': actingUser } });
    expect((await judge(plain.key, 'u-1; role=manager')).status).toBe(200);
    const above = await judge(plain.key, 'u-1; role=partner');
    expect(above.status).toBe(403);
    expect(above.json.code).toBe('role_above_key');
    expect((await judge(staffKey.key, 'u-1; role=manager')).status).toBe(403);
    expect((await judge(staffKey.key, 'u-1; role=staff')).status).toBe(200);
    const decided = await h.send('POST', `${incidentPath(id)}/events`, {
      key: partnerKey.key,
      headers: { 'x-acting-user': 'gp-7; role=partner' },
      body: { type: 'decide_removal', ...BODIES.decide_removal },
    });
    expect(decided.status).toBe(200);
    const refused = await h.send('POST', `${incidentPath(id)}/events`, {
      key: plain.key,
      headers: { 'x-acting-user': 'gp-7; role=partner' },
      body: { type: 'add_note', text: 'claimed partner' },
    });
    expect(refused.status).toBe(403);
  });
});
