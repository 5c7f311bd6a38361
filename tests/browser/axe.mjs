// Accessibility checks with axe-core (npm `axe-core`), run inside the page under test.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/** The impacts a test fails on. */
export const BLOCKING = ['serious', 'critical'];

/**
 * Run axe-core on the whole page (WCAG 2.x A/AA rules and best practices) and return its
 * violations as `{ id, impact, help, targets }`, most severe first.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_SOURCE });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    }));
  });
  const order = ['critical', 'serious', 'moderate', 'minor'];
  return violations.sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact));
}

/** The violations as readable lines, for an assertion message. */
export function describe(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}`)
    .join('\n');
}
