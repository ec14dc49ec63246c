// docs/api.md's JSON examples are checked against the OpenAPI document the API serves: each
// ```json block is preceded by `<!-- example: METHOD /path {status} -->` and must match that
// operation's documented response schema. (The page once said an event answers
// `{ incident, event }` while the API answers the incident plus `appliedEvent`.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, NO_RATE_LIMITS } from '../src/test-support/harness.js';
import { DocumentedResponses, type OpenApiDocument } from './documented.js';

const page = readFileSync(fileURLToPath(new URL('../../../docs/api.md', import.meta.url)), 'utf8');

interface Example {
  operation: string;
  status: number;
  json: string;
  line: number;
}

/** Every ```json block with the example comment above it (a missing comment is an example too, unlabelled). */
function examples(markdown: string): { labelled: Example[]; unlabelled: number[] } {
  const labelled: Example[] = [];
  const unlabelled: number[] = [];
  const fence = /```json\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(fence)) {
    const before = markdown.slice(0, match.index);
    const line = before.split('\n').length;
    const label = /<!-- example: (\S+) (\S+) (\d{3}) -->\s*$/.exec(before);
    if (!label) unlabelled.push(line);
    else
      labelled.push({
        operation: `${label[1]} ${label[2]}`,
        status: Number(label[3]),
        json: match[1] as string,
        line,
      });
  }
  return { labelled, unlabelled };
}

let h: Harness;
let documented: DocumentedResponses;
beforeAll(async () => {
  h = createHarness({ rateLimits: NO_RATE_LIMITS });
  documented = new DocumentedResponses((await (await h.request('/openapi.json')).json()) as OpenApiDocument);
});
afterAll(() => h?.close());

describe('docs/api.md examples', () => {
  const found = examples(page);

  it('labels every JSON example with the operation and status it shows', () => {
    expect(found.unlabelled).toEqual([]);
    expect(found.labelled.length).toBeGreaterThanOrEqual(4);
  });

  it.each(
    found.labelled.map(
      (example) => [`${example.operation} ${example.status} (line ${example.line})`, example] as const,
    ),
  )('%s matches the OpenAPI document', (_name, example) => {
    const body = JSON.parse(example.json) as unknown;
    const contentType = example.status >= 400 ? 'application/problem+json' : 'application/json';
    expect(documented.problems(example.operation, { status: example.status, contentType, body })).toEqual([]);
  });

  it('the check catches an example that breaks the schema (the old `{ incident, event }` shape)', () => {
    const old = { incident: { id: 'x' }, event: { type: 'triage' } };
    expect(
      documented.problems('POST /v1/practices/{ods}/incidents/{id}/events', {
        status: 200,
        contentType: 'application/json',
        body: old,
      }).length,
    ).toBeGreaterThan(0);
  });
});
