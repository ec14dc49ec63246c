// The served /openapi.json: valid OpenAPI 3.1 under Redocly's recommended rules, in step with the
// operations the tests drive, and usable by a vendor — TypeScript types generated from it with
// openapi-typescript type-check a small vendor flow (and refuse a wrong one), which then runs
// against the real server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import { ADMIN_KEY, createHarness, type Harness, NO_RATE_LIMITS } from '../src/test-support/harness.js';
import { documentedOperations, type OpenApiDocument } from './documented.js';
import { OPERATIONS } from './operations.js';

let h: Harness;
let doc: OpenApiDocument & Record<string, unknown>;
let dir: string;

beforeAll(async () => {
  h = createHarness({ rateLimits: NO_RATE_LIMITS });
  const response = await h.request('/openapi.json');
  expect(response.status).toBe(200);
  doc = (await response.json()) as typeof doc;
  dir = mkdtempSync(join(tmpdir(), 'policy-openapi-'));
});

afterAll(() => {
  h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with no error under Redocly’s recommended ruleset', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const errors = problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
  });

  it('lists exactly the operations the API serves (and these tests drive)', () => {
    expect(documentedOperations(doc).sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
  });

  it('documents for every operation its refusals: 401 where it needs a key, a 4xx everywhere', () => {
    for (const op of OPERATIONS) {
      const [method = '', path = ''] = op.id.split(' ');
      const operation = doc.paths[path]?.[method.toLowerCase()] as {
        responses: Record<string, unknown>;
        security?: unknown[];
      };
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => status.startsWith('2') || status === '304'),
        op.id,
      ).toBe(true);
      if (op.auth !== 'none') {
        expect(statuses, op.id).toContain('401');
        expect(operation.security?.length ?? 0, `${op.id} declares its security`).toBeGreaterThan(0);
      }
      if (op.tenant) expect(statuses, op.id).toContain('404');
      if (method === 'POST' || method === 'PATCH')
        expect(statuses, op.id).toEqual(expect.arrayContaining(['413', '422']));
    }
  });
});

const FLOW = `
import type { paths } from './api.js';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type ReportBody = Json<paths['/v1/practices/{ods}/reports']['post']['requestBody']>;
type ReportCreated = Json<paths['/v1/practices/{ods}/reports']['post']['responses'][201]>;
type IncidentPage = Json<paths['/v1/practices/{ods}/incidents']['get']['responses'][200]>;
type EventBody = Json<paths['/v1/practices/{ods}/incidents/{id}/events']['post']['requestBody']>;
type Summary = Json<paths['/v1/practices/{ods}/reports/summary']['get']['responses'][200]>;
type ProblemJson<T> = T extends { content: { 'application/problem+json': infer B } } ? B : never;
type Problem = ProblemJson<paths['/v1/practices/{ods}/incidents/{id}/events']['post']['responses'][409]>;

async function call<T>(url: string, init: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

export async function vendorFlow(base: string, ods: string, reportKey: string, origin: string, apiKey: string) {
  const report: ReportBody = {
    platform: 'facebook',
    seenAt: new Date().toISOString(),
    location: 'practice_page',
    text: 'The doctors here are useless and I will make sure everyone knows',
    atRisk: false,
    reporter: { name: 'A. Receptionist' },
  };
  const filed = await call<ReportCreated>(\`\${base}/v1/practices/\${ods}/reports\`, {
    method: 'POST',
    headers: { 'x-report-key': reportKey, origin, 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  const reference: string = filed.body.reference;
  const auth = { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json', 'x-acting-user': 'v-1; role=manager' };
  const page = await call<IncidentPage>(\`\${base}/v1/practices/\${ods}/incidents?state=reported&limit=10\`, { headers: auth });
  const listed = page.body.items.find((item) => item.reference === reference);
  if (!listed) throw new Error('the filed report is not listed');
  const note: EventBody = { type: 'add_note', text: 'Called the practice manager' };
  const applied = await call<unknown>(\`\${base}/v1/practices/\${ods}/incidents/\${listed.id}/events\`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(note),
  });
  const refused = await call<Problem>(\`\${base}/v1/practices/\${ods}/incidents/\${listed.id}/events\`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ type: 'reopen', reason: 'try it' } satisfies EventBody),
  });
  const rule: string | undefined = refused.body.rule;
  const summary = await call<Summary>(\`\${base}/v1/practices/\${ods}/reports/summary\`, { headers: auth });
  return { filed: filed.status, reference, applied: applied.status, refused: refused.status, rule, summary: summary.status };
}
`;

const WRONG_FLOW = `
import type { paths } from './api.js';
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type ReportBody = Json<paths['/v1/practices/{ods}/reports']['post']['requestBody']>;
export const wrong: ReportBody = { platform: 'myspace', seenAt: 'now', location: 'practice_page', text: 'x', atRisk: 'no', reporter: {} };
`;

function typeCheck(files: string[]): string[] {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    noEmit: true,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file?.fileName.split('/').pop() ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe('a vendor’s client generated from the document', () => {
  it('type-checks a report → list → event → summary flow, refuses a wrong body, and runs against the server', async () => {
    const types = astToString(await openapiTS(doc as never));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(dir, 'api.d.ts'), types);
    writeFileSync(join(dir, 'flow.ts'), FLOW);
    writeFileSync(join(dir, 'wrong.ts'), WRONG_FLOW);
    expect(typeCheck([join(dir, 'flow.ts')])).toEqual([]);
    const wrong = typeCheck([join(dir, 'wrong.ts')]);
    expect(wrong.join('\n')).toMatch(/myspace|platform/);

    // The same file, compiled, against a real server on loopback.
    const js = ts.transpileModule(FLOW, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(dir, 'flow.mjs'), js.outputText);
    const server = await startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(dir, 'vendor.sqlite'),
      bootstrapAdminKey: ADMIN_KEY,
      log: () => {},
    });
    try {
      const admin = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
      const post = async (path: string, body: unknown) =>
        (await (
          await fetch(`${server.url}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) })
        ).json()) as {
          key: string;
        };
      await post('/v1/practices', { ods: 'Y90088', name: 'Vendor Test Surgery' });
      const origin = 'https://vendor.example';
      const reportKey = await post('/v1/practices/Y90088/keys', { type: 'report', allowedOrigins: [origin] });
      const apiKey = await post('/v1/practices/Y90088/keys', { type: 'api' });
      const { vendorFlow } = (await import(pathToFileURL(join(dir, 'flow.mjs')).href)) as {
        vendorFlow: (...args: string[]) => Promise<Record<string, unknown>>;
      };
      const result = await vendorFlow(server.url, 'Y90088', reportKey.key, origin, apiKey.key);
      expect(result).toMatchObject({ filed: 201, applied: 200, refused: 409, summary: 200 });
      expect(typeof result.rule).toBe('string');
    } finally {
      await server.close();
    }
  }, 60_000);
});
