// Core is the one home of the policy's words and numbers. This scans the source of the API and the
// widgets and fails if either defines a label or a limit of its own: a table keyed by one of the
// policy's vocabularies, a copy of a label core holds, or a limit constant. (Copies drift: the
// form's Welsh actions differed from core's in 14 of 21, its text limit was half the API's.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as labels from './labels/index.js';
import * as limits from './limits.js';
import {
  ADVISORS,
  AUTHOR_KINDS,
  CATEGORIES,
  DEADLINE_KINDS,
  EVENT_TYPES,
  NATIONS,
  OUTCOMES,
  PLATFORMS,
  POST_LOCATIONS,
  SEVERITIES,
  STATES,
} from './model/constants.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCANNED = ['apps/api/src', 'packages/widgets/src'];

/**
 * Widget files that still hold copies, waiting for the widgets engineer to move them onto
 * `@policy/core/labels` and `/limits` (docs/core-exports.md). Remove an entry once its file is clean;
 * a file not listed here fails the test as soon as it holds a copy.
 */
const AWAITING_WIDGETS: readonly string[] = [
  'packages/widgets/src/complaint-redirect/complaint-redirect.component.ts',
  'packages/widgets/src/report-form/category-text.ts',
  'packages/widgets/src/report-form/model.ts',
  'packages/widgets/src/report-form/strings-cy.ts',
  'packages/widgets/src/report-form/strings.ts',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$|\.test\.[a-z]+\.ts$/.test(name) ? [path] : [];
  });
}

const VOCABULARIES: Record<string, readonly string[]> = {
  category: CATEGORIES,
  severity: SEVERITIES,
  state: STATES,
  event: EVENT_TYPES,
  platform: PLATFORMS,
  location: POST_LOCATIONS,
  'author kind': AUTHOR_KINDS,
  outcome: OUTCOMES,
  deadline: DEADLINE_KINDS,
  nation: NATIONS,
  advisor: ADVISORS,
  action: Object.keys(labels.ACTION_TEXT['en-GB']),
  'reporter step': Object.keys(labels.REPORTER_STEP_TEXT['en-GB']),
};

/** `key: 'text'` or `key: { name: 'text'` for three or more keys of one vocabulary: a label table. */
function labelTables(source: string): string[] {
  const found: string[] = [];
  for (const [name, keys] of Object.entries(VOCABULARIES)) {
    const labelled = keys.filter((key) =>
      new RegExp(`(^|[\\s{,])['"]?${key}['"]?\\s*:\\s*(['"\`]|\\{\\s*name\\s*:)`, 'm').test(source),
    );
    if (labelled.length >= 3) found.push(`a ${name} label table (${labelled.slice(0, 3).join(', ')}, …)`);
  }
  return found;
}

/** Every label core holds, both languages, long enough to be unmistakable. */
const CORE_LABELS: string[] = [
  ...new Set(
    (Object.values(labels) as unknown[])
      .filter(
        (value): value is Record<string, Record<string, unknown>> =>
          typeof value === 'object' && !Array.isArray(value),
      )
      .flatMap((table) => Object.values(table).flatMap((byKey) => Object.values(byKey)))
      .filter((text): text is string => typeof text === 'string' && text.length >= 16),
  ),
];

function copiedLabels(source: string): string[] {
  return CORE_LABELS.filter((label) =>
    ["'", '"', '`'].some((quote) => source.includes(`${quote}${label}${quote}`)),
  ).map((label) => `a copy of core's label “${label.slice(0, 40)}…”`);
}

const LIMIT_NAMES = [
  ...Object.keys(limits).filter((name) => /^[A-Z_]+$/.test(name)),
  'MAX_TEXT_LENGTH',
  'MAX_SCREENSHOT_BYTES',
  'SCREENSHOT_TYPES',
  'IMAGE_TYPES',
];

function ownLimits(source: string): string[] {
  const found = LIMIT_NAMES.filter((name) => new RegExp(`\\bconst\\s+${name}\\s*[:=]`).test(source)).map(
    (name) => `its own ${name}`,
  );
  // Core's distinctive limits written out as numbers (and the form's old 10,000).
  for (const literal of [
    /\.max\(\s*(20_?000|10_?000)\s*\)/,
    /\b5\s*\*\s*1024\s*\*\s*1024\b/,
    /\b5_?242_?880\b/,
  ])
    if (literal.test(source)) found.push(`a limit written as a number (${literal.source})`);
  return found;
}

function offenders(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of SCANNED) {
    for (const file of sourceFiles(join(repo, dir))) {
      // Comments may quote a label; only code counts.
      const source = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
      const problems = [...labelTables(source), ...copiedLabels(source), ...ownLimits(source)];
      if (problems.length > 0) found.set(relative(repo, file), problems);
    }
  }
  return found;
}

describe('core is the one home of labels and limits', () => {
  const found = offenders();

  it('neither the API nor the widgets define a label or a limit of their own', () => {
    const unexpected = [...found].filter(([file]) => !AWAITING_WIDGETS.includes(file));
    expect(Object.fromEntries(unexpected)).toEqual({});
  });

  it('the scan finds what it looks for', () => {
    expect(
      labelTables("const S = { low: 'Isel', medium: 'Canolig', high: 'Uchel', critical: 'Difrifol iawn' };"),
    ).toHaveLength(1);
    expect(
      labelTables(
        "x = { complaint: { name: 'Cwyn', why: '' }, threat: { name: 'B' }, feedback: { name: 'A' } }",
      ),
    ).toHaveLength(1);
    expect(
      labelTables("const body = { platform: 'facebook', location: 'practice_page', atRisk: false };"),
    ).toEqual([]);
    expect(copiedLabels(`const t = '${labels.REPORTER_STEP_TEXT.cy.call_999}';`)).toHaveLength(1);
    expect(ownLimits('export const MAX_SCREENSHOTS = 5;')).toHaveLength(1);
    expect(ownLimits('text: z.string().max(20_000),')).toHaveLength(1);
    expect(ownLimits("import { MAX_SCREENSHOTS } from '@policy/core/limits';")).toEqual([]);
    expect(CORE_LABELS.length).toBeGreaterThan(100);
  });
});
