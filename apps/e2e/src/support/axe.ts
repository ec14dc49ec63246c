// axe-core inside the page, injected through the DevTools protocol so a strict page CSP cannot
// block it. WCAG 2.0–2.2, levels A and AA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The violations, one line each (`rule: help — targets`), so a failing assertion says what broke.
 * `include` limits the check to those elements (CSS selectors), e.g. the widgets on a host page,
 * less `exclude`.
 */
export async function axeViolations(page: Page, include?: string[], exclude?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(
    async ({ tags, include, exclude }) => {
      interface Result {
        violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
      }
      const axe = (
        globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }
      ).axe;
      const context = include
        ? {
            include: include.map((selector) => [selector]),
            exclude: (exclude ?? []).map((selector) => [selector]),
          }
        : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
      );
    },
    { tags: WCAG_TAGS, include, exclude },
  );
}
