// Bad input: ≥ 20,000 generated requests, valid and invalid, across every operation (quality.md).
// Not one answer ≥ 500, and every answer keeps to the served OpenAPI document: a documented status,
// a documented Content-Type, a body matching the documented schema, problem+json for every error.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  bearer,
  bodyOf,
  createHarness,
  type Harness,
  issueKey,
  NO_RATE_LIMITS,
  type PracticeFixture,
  reportBody,
  seedPractice,
} from '../src/test-support/harness.js';
import { DocumentedResponses, type OpenApiDocument, ProblemBody } from './documented.js';
import {
  authHeaders,
  OPERATIONS,
  type Operation,
  type RequestSpec,
  type Target,
  toInit,
} from './operations.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 20_000);
const READ_ONLY_FIELDS = [
  'id',
  'state',
  'practice',
  'practiceOds',
  'reference',
  'ods',
  'createdAt',
  'version',
  'hash',
];

let h: Harness;
let fixture: PracticeFixture;
let target: Target;
let documented: DocumentedResponses;

beforeAll(async () => {
  h = createHarness({ rateLimits: NO_RATE_LIMITS });
  fixture = await seedPractice(h, 'Y90011', 4);
  // The revoke operation gets a key of its own, so the report key stays live for the rest.
  const spare = await issueKey(h, fixture.ods, { type: 'report', allowedOrigins: [fixture.origin] });
  target = { ods: fixture.ods, ids: { ...fixture, reportKeyId: spare.id } };
  documented = new DocumentedResponses((await (await h.request('/openapi.json')).json()) as OpenApiDocument);
}, 60_000);

afterAll(() => h?.close());

// ---------------------------------------------------------------- generators

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const latin1 = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  anyText,
  fc.constantFrom(
    null,
    true,
    -1,
    1e308,
    '',
    ' ',
    '\u0000',
    '0',
    [],
    {},
    'https://',
    '2026-13-45T99:99:99Z',
    '🙂'.repeat(50),
  ),
);
const oddPathSegment = fc.oneof(
  anyText.map(encodeURIComponent),
  fc.constantFrom(
    '%',
    '%%',
    '%E0%A4%A',
    '%00',
    '..%2F..%2F',
    'a'.repeat(5000),
    'Y90011%20',
    'y90011',
    'null',
    '-1',
    '%F0%9F%99%82',
  ),
);
const oddHeader = fc.record({
  name: fc.constantFrom(
    'authorization',
    'x-report-key',
    'origin',
    'idempotency-key',
    'x-acting-user',
    'accept',
    'if-none-match',
    'content-length-ish',
    'x-captured-at',
    'cookie',
  ),
  value: fc.oneof(
    latin1,
    printable,
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic YTpi',
      'Bearer pk_',
      `Bearer ${'x'.repeat(4000)}`,
      'rk_',
      '*',
      'text/csv;q=abc',
    ),
  ),
});

type Mutation =
  | { kind: 'valid' }
  | { kind: 'unknown-field'; field: string; value: unknown; nested: boolean }
  | { kind: 'drop-field'; index: number }
  | { kind: 'wrong-type'; index: number; value: unknown }
  | { kind: 'random-json'; value: unknown }
  | { kind: 'malformed'; text: string }
  | { kind: 'huge-string'; index: number; size: number }
  | { kind: 'oversize' }
  | { kind: 'content-type'; contentType: string | null }
  | { kind: 'path-param'; index: number; value: string }
  | { kind: 'query'; params: [string, string][] }
  | { kind: 'header'; headers: { name: string; value: string }[] }
  | { kind: 'no-auth' }
  | { kind: 'wrong-method'; method: string }
  | { kind: 'multipart'; form: GeneratedForm };

// ---------------------------------------------------------------- multipart forms

/** A part: its name, how it declares itself, and what it carries. */
interface GeneratedPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  encoding: string | null;
  content: 'report' | 'bad-json' | 'png' | 'text' | 'bytes' | 'big-screenshot' | 'big-report' | 'empty';
  bytes: Uint8Array;
}

interface GeneratedForm {
  parts: GeneratedPart[];
  /** Extra copies of the last part (part-count attacks). */
  repeat: number;
  boundary: 'ok' | 'missing' | 'wrong' | 'quoted' | 'long' | 'lf-only' | 'truncated' | 'no-close';
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const partArb: fc.Arbitrary<GeneratedPart> = fc.record({
  name: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('report', 'screenshot', 'file', 'text', 'capturedAt') },
    { weight: 1, arbitrary: printable },
    { weight: 1, arbitrary: fc.constantFrom('', 'screenshot"; filename="x', 'r\u00e9port', 'a'.repeat(300)) },
  ),
  filename: fc.oneof(
    fc.constant(null),
    fc.constantFrom('a.png', 'report.json', '', '../../etc/passwd'),
    latin1,
  ),
  contentType: fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      'image/png',
      'application/json',
      'application/json; charset=utf-16le',
      'text/plain; charset=iso-8859-1',
      'application/octet-stream',
      'multipart/mixed; boundary=inner',
      ';;;',
    ),
  ),
  encoding: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('binary', '8bit', '7bit', 'base64', 'quoted-printable', 'x-gzip', ''),
    },
  ),
  content: fc.constantFrom(
    'report',
    'bad-json',
    'png',
    'text',
    'bytes',
    'big-screenshot',
    'big-report',
    'empty',
  ),
  bytes: fc.uint8Array({ maxLength: 300 }),
});
/** A form as a browser sends it: the report (or an evidence file), then some screenshots. */
const wellFormedParts: fc.Arbitrary<GeneratedPart[]> = fc
  .tuple(
    fc.constantFrom('report', 'file'),
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom<string | null>(null, 'application/json'),
  )
  .map(([first, screenshots, contentType]) => [
    {
      name: first,
      filename: first === 'file' ? 'a.png' : 'report.json',
      contentType: first === 'file' ? 'image/png' : contentType,
      encoding: null,
      content: first === 'file' ? ('png' as const) : ('report' as const),
      bytes: new Uint8Array(0),
    },
    ...Array.from({ length: screenshots }, () => ({
      name: 'screenshot',
      filename: 'shot.png',
      contentType: 'image/png',
      encoding: null,
      content: 'png' as const,
      bytes: new Uint8Array(0),
    })),
  ]);
const formArb: fc.Arbitrary<GeneratedForm> = fc.record({
  parts: fc.oneof(wellFormedParts, fc.array(partArb, { maxLength: 8 })),
  repeat: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom(100, 2_000) },
  ),
  boundary: fc.constantFrom(
    'ok',
    'ok',
    'ok',
    'missing',
    'wrong',
    'quoted',
    'long',
    'lf-only',
    'truncated',
    'no-close',
  ),
});

const BIG_SCREENSHOT = (() => {
  const bytes = new Uint8Array(5 * 1024 * 1024 + 10);
  bytes.set(PNG);
  return bytes;
})();

/** The part's body, and the form's wire bytes with its Content-Type (boundary broken on request). */
function encodeForm(form: GeneratedForm): { body: Uint8Array; contentType: string } {
  const boundary = form.boundary === 'long' ? `b${'x'.repeat(69)}` : 'fuzz-boundary-7MA4YWxkTrZu0gW';
  const newline = form.boundary === 'lf-only' ? '\n' : '\r\n';
  const chunks: Uint8Array[] = [];
  const text = (value: string) => chunks.push(Buffer.from(value, 'utf8'));
  const contentOf = (part: GeneratedPart): Uint8Array => {
    switch (part.content) {
      case 'report':
        return Buffer.from(JSON.stringify(reportBody()));
      case 'bad-json':
        return Buffer.from('{"platform":');
      case 'png':
        return PNG;
      case 'text':
        return Buffer.from('Captured text of a post');
      case 'big-screenshot':
        return BIG_SCREENSHOT;
      case 'big-report':
        return Buffer.from(JSON.stringify(reportBody('x'.repeat(70 * 1024))));
      case 'empty':
        return new Uint8Array(0);
      case 'bytes':
        return part.bytes;
    }
  };
  const parts = [...form.parts];
  const last = parts.at(-1);
  // Many small parts (the part-count attack), never many big ones.
  const repeated = last && (last.content.startsWith('big-') ? { ...last, content: 'empty' as const } : last);
  if (repeated) for (let i = 0; i < form.repeat; i++) parts.push(repeated);
  for (const part of parts) {
    text(`--${boundary}${newline}`);
    const disposition = `form-data; name="${part.name}"${part.filename === null ? '' : `; filename="${part.filename}"`}`;
    text(`Content-Disposition: ${disposition}${newline}`);
    if (part.contentType !== null) text(`Content-Type: ${part.contentType}${newline}`);
    if (part.encoding !== null) text(`Content-Transfer-Encoding: ${part.encoding}${newline}`);
    text(newline);
    chunks.push(contentOf(part));
    text(newline);
  }
  if (form.boundary === 'truncated')
    chunks.push(Buffer.from(`--${boundary}${newline}Content-Disposition: form-da`));
  else if (form.boundary !== 'no-close') text(`--${boundary}--${newline}`);
  const body = Buffer.concat(chunks);
  const contentType =
    form.boundary === 'missing'
      ? 'multipart/form-data'
      : form.boundary === 'wrong'
        ? 'multipart/form-data; boundary=not-the-boundary'
        : form.boundary === 'quoted'
          ? `multipart/form-data; boundary="${boundary}"`
          : `multipart/form-data; boundary=${boundary}`;
  return { body, contentType };
}

/** Operations that take a multipart body: report filing, vendor intake and evidence upload. */
const takesMultipart = (spec: RequestSpec) =>
  spec.method === 'POST' && /\/(reports|incidents|evidence)$/.test(spec.path.split('?')[0] ?? '');

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('multipart' as const), form: formArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unknown-field' as const),
      field: fc.oneof(fc.constantFrom(...READ_ONLY_FIELDS), printable),
      value: oddValue,
      nested: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-field' as const), index: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), index: fc.nat(), value: oddValue }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('random-json' as const), value: fc.jsonValue({ maxDepth: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('malformed' as const),
      text: fc.oneof(
        anyText,
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,2',
          '{"type":"add_note",}',
          '\uFEFF{}',
          'nul',
          '"\\ud800"',
          '{"a":1}{"b":2}',
        ),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge-string' as const),
      index: fc.nat(),
      size: fc.constantFrom(1_000, 21_000, 63_000, 70_000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'oversize' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('content-type' as const),
      contentType: fc.constantFrom(
        null,
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=zzz',
        'application/json; charset=latin1',
        'application/merge-patch+json',
        'image/png',
        '*/*',
        'garbage',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('path-param' as const),
      index: fc.nat(),
      value: oddPathSegment,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      params: fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom('limit', 'cursor', 'state', 'category', 'severity', 'from', 'to'),
            printable,
          ),
          fc.oneof(
            anyText,
            fc.constantFrom('-1', '0', '101', '1e3', 'abc', '2026-02-30', 'closed', 'czoxMjM', ''),
          ),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      headers: fc.array(oddHeader, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'no-auth' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wrong-method' as const),
      method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'POST', 'GET'),
    }),
  },
);

const OVERSIZE_JSON = `{"text":"${'x'.repeat(70 * 1024)}"}`;
const OVERSIZE_EVIDENCE = new Uint8Array(5 * 1024 * 1024 + 32 * 1024).fill(0x61);

/** Applies a mutation to a valid request. Returns the request and whether it is still the same operation. */
function mutate(spec: RequestSpec, mutation: Mutation): { spec: RequestSpec; sameOperation: boolean } {
  const s: RequestSpec = { ...spec, headers: { ...spec.headers } };
  const json =
    spec.json && typeof spec.json === 'object' && !Array.isArray(spec.json)
      ? (spec.json as Record<string, unknown>)
      : undefined;
  const keys = json ? Object.keys(json) : [];
  const pick = (index: number) => keys[index % Math.max(1, keys.length)];
  switch (mutation.kind) {
    case 'valid':
    case 'no-auth':
      break;
    case 'unknown-field': {
      if (!json) break;
      const copy = structuredClone(json);
      const nestedKey = keys.find(
        (key) => copy[key] && typeof copy[key] === 'object' && !Array.isArray(copy[key]),
      );
      const into = mutation.nested && nestedKey ? (copy[nestedKey] as Record<string, unknown>) : copy;
      // A key the schema knows is "unknown" only if it is not already there.
      if (!(mutation.field in into)) into[mutation.field] = mutation.value;
      s.json = copy;
      break;
    }
    case 'drop-field': {
      const key = pick(mutation.index);
      if (!json || key === undefined) break;
      const { [key]: _dropped, ...rest } = json;
      s.json = rest;
      break;
    }
    case 'wrong-type': {
      const key = pick(mutation.index);
      if (!json || key === undefined) break;
      s.json = { ...json, [key]: mutation.value };
      break;
    }
    case 'random-json':
      if (spec.json !== undefined) s.json = mutation.value;
      break;
    case 'malformed':
      if (spec.json === undefined && !spec.raw) break;
      s.json = undefined;
      s.raw = { body: mutation.text, contentType: 'application/json' };
      break;
    case 'huge-string': {
      const key =
        keys.find(
          (k, i) => i >= mutation.index % Math.max(1, keys.length) && typeof json?.[k] === 'string',
        ) ?? keys.find((k) => typeof json?.[k] === 'string');
      if (json && key) s.json = { ...json, [key]: 'ü'.repeat(mutation.size / 2) };
      else if (spec.raw) s.raw = { ...spec.raw, body: 'ü'.repeat(mutation.size / 2) };
      break;
    }
    case 'oversize':
      if (spec.raw) s.raw = { ...spec.raw, body: OVERSIZE_EVIDENCE };
      else if (spec.json !== undefined) {
        s.json = undefined;
        s.raw = { body: OVERSIZE_JSON, contentType: 'application/json' };
      }
      break;
    case 'content-type': {
      if (spec.json === undefined && !spec.raw) break;
      const body = spec.raw?.body ?? JSON.stringify(spec.json);
      s.json = undefined;
      s.raw = { body, contentType: mutation.contentType ?? '' };
      break;
    }
    case 'path-param': {
      const [path = '', query] = spec.path.split('?');
      const segments = path.split('/');
      // Segments after /v1/practices/ that are ids: every one past the fixed words.
      const fixed = new Set([
        '',
        'v1',
        'practices',
        'incidents',
        'events',
        'evidence',
        'keys',
        'templates',
        'render',
        'reports',
        'summary',
        'audit',
        'verify',
        'public',
        'classify',
        'healthz',
      ]);
      const variable = segments.map((segment, i) => (fixed.has(segment) ? -1 : i)).filter((i) => i >= 0);
      const at = variable[mutation.index % Math.max(1, variable.length)];
      if (at === undefined) return { spec: s, sameOperation: true };
      segments[at] = mutation.value;
      s.path = segments.join('/') + (query ? `?${query}` : '');
      return { spec: s, sameOperation: !['..%2F..%2F'].includes(mutation.value) };
    }
    case 'query': {
      const url = new URL(spec.path, 'http://x');
      for (const [name, value] of mutation.params) url.searchParams.append(name, value);
      s.path = url.pathname + url.search;
      break;
    }
    case 'header':
      for (const { name, value } of mutation.headers) s.headers = { ...s.headers, [name]: value };
      break;
    case 'wrong-method':
      return { spec: { ...s, method: mutation.method }, sameOperation: mutation.method === spec.method };
    case 'multipart': {
      if (!takesMultipart(spec)) break;
      s.json = undefined;
      s.raw = encodeForm(mutation.form);
      break;
    }
  }
  return { spec: s, sameOperation: true };
}

// ---------------------------------------------------------------- the property

async function send(op: Operation, mutation: Mutation) {
  const creds = {
    admin: ADMIN_KEY,
    apiKey: fixture.apiKey,
    reportKey: fixture.reportKey,
    origin: fixture.origin,
    session: fixture.session,
  };
  const base = op.build(target);
  const auth = mutation.kind === 'no-auth' ? {} : authHeaders(op, creds);
  const { spec, sameOperation } = mutate({ ...base, headers: { ...auth, ...base.headers } }, mutation);
  const { path, ...init } = toInit(spec);
  // GET and HEAD carry no body in fetch.
  if (init.method === 'GET' || init.method === 'HEAD') delete init.body;
  const response = await h.app.request(path, init);
  const contentType = response.headers.get('content-type');
  const body = await bodyOf(response);
  return { status: response.status, contentType, body, sameOperation, spec };
}

describe('the document check itself', () => {
  it('flags a wrong body, an undocumented status and a wrong Content-Type', () => {
    const list = 'GET /v1/practices/{ods}/incidents';
    expect(
      documented.problems(list, {
        status: 200,
        contentType: 'application/json',
        body: { items: [], nextCursor: null },
      }),
    ).toEqual([]);
    expect(
      documented.problems(list, {
        status: 200,
        contentType: 'application/json',
        body: { items: [{ id: 1 }] },
      }),
    ).not.toEqual([]);
    expect(documented.problems(list, { status: 418, contentType: 'application/json', body: {} })).not.toEqual(
      [],
    );
    expect(documented.problems(list, { status: 200, contentType: 'text/html', body: '' })).not.toEqual([]);
  });
});

describe('bad input', () => {
  it(`${REQUESTS} generated requests: no 5xx, every answer as documented`, async () => {
    const statuses = new Map<number, number>();
    const multipart = new Map<number, number>();
    const perOperation = new Map<string, number>();
    // Every breach is collected (deduplicated by operation, mutation and message) so one run lists
    // them all; an example request is kept for each.
    const violations = new Map<string, string>();
    const breach = (key: string, example: string) => {
      if (!violations.has(key)) violations.set(key, example);
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), mutationArb, async (op, mutation) => {
        const result = await send(op, mutation);
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        if (result.spec.raw?.contentType.startsWith('multipart/'))
          multipart.set(result.status, (multipart.get(result.status) ?? 0) + 1);
        perOperation.set(op.id, (perOperation.get(op.id) ?? 0) + 1);
        const where = `${result.spec.method} ${result.spec.path.slice(0, 100)}`;
        const tag = `${op.id} [${mutation.kind}]`;
        if (result.status >= 500) breach(`${tag} answered ${result.status}`, where);
        if (result.status >= 400) {
          if (result.contentType !== 'application/problem+json')
            breach(`${tag} ${result.status} as ${result.contentType}, not problem+json`, where);
          const problem = ProblemBody.safeParse(result.body);
          if (!problem.success)
            breach(
              `${tag} ${result.status}: not a problem body`,
              `${where} ${JSON.stringify(result.body).slice(0, 200)}`,
            );
          else if (problem.data.status !== result.status)
            breach(`${tag} problem status ${problem.data.status} ≠ ${result.status}`, where);
        }
        // An answer from a route other than the operation's (a changed method or a path that no
        // longer matches) is judged only as above; otherwise it must be what the document promises.
        const unmatched = !result.sameOperation || (result.status === 404 && mutation.kind === 'path-param');
        if (!unmatched)
          for (const problem of documented.problems(op.id, result))
            breach(`${problem} [${mutation.kind}]`, where);
      }),
      { numRuns: REQUESTS },
    );
    expect(Object.fromEntries(violations)).toEqual({});
    for (const op of OPERATIONS)
      expect(perOperation.get(op.id) ?? 0, op.id).toBeGreaterThan(REQUESTS / OPERATIONS.length / 3);
    // The run must have exercised success and refusal alike.
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(2);
    for (const status of [400, 401, 404, 413, 415, 422])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    // Multipart forms (part counts, sizes, encodings, broken boundaries) were filed and refused.
    for (const status of [201, 400, 413, 422])
      expect(multipart.get(status) ?? 0, `multipart status ${status}`).toBeGreaterThan(0);
    console.log('fuzz statuses', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
    console.log('multipart statuses', Object.fromEntries([...multipart].sort(([a], [b]) => a - b)));
    // Multipart forms of up to 2,000 parts and 5 MiB files make a run longer; 180 s ran out at a load
    // average of 15 on this shared 2-vCPU machine.
  }, 360_000);
});

// ---------------------------------------------------------------- mass assignment

describe('mass assignment', () => {
  const counts = () =>
    h.db.$client
      .prepare(
        `SELECT (SELECT count(*) FROM practices) AS practices, (SELECT count(*) FROM incidents) AS incidents,
          (SELECT count(*) FROM incident_events) AS events, (SELECT count(*) FROM api_keys) AS keys,
          (SELECT group_concat(name || settings) FROM practices) AS settings,
          (SELECT group_concat(state || version || data) FROM incidents) AS data`,
      )
      .get();

  const writes: { op: string; spec: () => RequestSpec; headers: () => Record<string, string> }[] = [
    {
      op: 'POST /v1/practices',
      spec: () => ({ method: 'POST', path: '/v1/practices', json: { ods: 'Q10001', name: 'New' } }),
      headers: () => ({ authorization: `Bearer ${ADMIN_KEY}` }),
    },
    {
      op: 'PATCH /v1/practices/{ods}',
      spec: () => ({ method: 'PATCH', path: `/v1/practices/${fixture.ods}`, json: { name: 'Renamed' } }),
      headers: () => bearer(fixture.apiKey),
    },
    {
      op: 'POST /v1/practices/{ods}/keys',
      spec: () => ({ method: 'POST', path: `/v1/practices/${fixture.ods}/keys`, json: { type: 'api' } }),
      headers: () => ({ authorization: `Bearer ${ADMIN_KEY}` }),
    },
    {
      op: 'POST /v1/practices/{ods}/reports',
      spec: () => ({ method: 'POST', path: `/v1/practices/${fixture.ods}/reports`, json: reportBody() }),
      headers: () => ({ 'x-report-key': fixture.reportKey, origin: fixture.origin }),
    },
    {
      op: 'POST /v1/practices/{ods}/incidents',
      spec: () => ({ method: 'POST', path: `/v1/practices/${fixture.ods}/incidents`, json: reportBody() }),
      headers: () => bearer(fixture.apiKey),
    },
    {
      op: 'POST /v1/practices/{ods}/incidents/{id}/events',
      spec: () => ({
        method: 'POST',
        path: `/v1/practices/${fixture.ods}/incidents/${fixture.incidentIds[0]}/events`,
        json: { type: 'add_note', text: 'n' },
      }),
      headers: () => bearer(fixture.apiKey),
    },
  ];
  const injected: [string, unknown][] = [
    ['id', 'attacker-chosen-id'],
    ['state', 'closed'],
    ['practice', 'Y90099'],
    ['practiceOds', 'Y90099'],
    ['reference', 'Y90099-2026-0001'],
    ['ods', 'Y90099'],
    ['version', 99],
    ['createdAt', '2000-01-01T00:00:00Z'],
    ['actor', { id: 'someone-else', role: 'partner' }],
    ['at', '2000-01-01T00:00:00Z'],
    ['outcome', 'no_action'],
  ];

  it.each(writes)(
    '$op refuses unknown and read-only fields with 422 and applies none of it',
    async ({ spec, headers }) => {
      const valid = spec();
      for (const [field, value] of injected) {
        const body = valid.json as Record<string, unknown>;
        if (field in body) continue;
        const before = counts();
        const { path, ...init } = toInit({ ...valid, json: { ...body, [field]: value } }, headers());
        const response = await h.app.request(path, init);
        expect(response.status, `${field}`).toBe(422);
        const problem = (await response.json()) as { errors?: { path: string }[] };
        expect(JSON.stringify(problem.errors ?? [])).toContain(field);
        expect(counts()).toEqual(before);
      }
    },
  );

  it('nested read-only fields (settings.ods, settings.name, report author ids) are refused too', async () => {
    const before = counts();
    for (const settings of [{ ods: 'Y90099' }, { name: 'Other' }, { staff: [{ name: 'A', id: 'x' }] }]) {
      const response = await h.request(`/v1/practices/${fixture.ods}`, {
        method: 'PATCH',
        headers: bearer(fixture.apiKey),
        json: { settings },
      });
      expect(response.status).toBe(422);
    }
    const response = await h.request(`/v1/practices/${fixture.ods}/reports`, {
      method: 'POST',
      headers: { 'x-report-key': fixture.reportKey, origin: fixture.origin },
      json: { ...reportBody(), reporter: { name: 'Jo', id: 'someone', practice: 'Y90099' } },
    });
    expect(response.status).toBe(422);
    expect(counts()).toEqual(before);
  });
});
