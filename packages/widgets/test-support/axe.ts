// axe-core run inside the real page. The source is evaluated through the DevTools protocol (not a
// <script> tag) so it also works on pages under a strict Content-Security-Policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0/2.1/2.2 level A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page (or within `include`, a CSS selector) and returns the violations. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolationSummary[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (globalThis as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } })
        .axe;
      interface AxeResults {
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[] }[];
        }[];
      }
      const context = include ? { include: [include] } : document;
      const results = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      }));
    },
    { tags: WCAG_TAGS, include },
  );
}

/** Human-readable list for assertion messages. */
export function formatViolations(violations: AxeViolationSummary[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.join('\n  ')}`).join('\n');
}
