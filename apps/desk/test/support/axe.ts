// axe-core inside the page (its source injected, nothing from a CDN), WCAG 2.0–2.2 A and AA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The violations as `rule: help — targets`, so a failing assertion says what broke. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(async (tags) => {
    interface Result {
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (
      globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  }, TAGS);
}
