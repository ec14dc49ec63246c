// axe-core run inside the real page. Its source is evaluated through the DevTools protocol (not a
// <script> tag), so it also works on pages under a strict Content-Security-Policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

/**
 * The violations, one line each (`rule (impact): help — targets`), so a failing `toEqual([])` says
 * what broke. `include` limits the check to those elements (CSS selectors), less `exclude`.
 */
export async function axeViolations(
  page: Page,
  include?: string | string[],
  exclude: string[] = [],
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(`${axeSource}\n;undefined`);
  const selectors = include === undefined ? undefined : Array.isArray(include) ? include : [include];
  return page.evaluate(
    async ({ tags, selectors, exclude }) => {
      interface Result {
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
      }
      const axe = (
        globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }
      ).axe;
      const context = selectors
        ? { include: selectors.map((s) => [s]), exclude: exclude.map((s) => [s]) }
        : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    },
    { tags: [...WCAG_TAGS], selectors, exclude },
  );
}
