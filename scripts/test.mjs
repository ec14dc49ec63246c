// `npm test`: lint, type checks and every package's tests through turbo, then one plain total.
// Each package's vitest writes a JSON report; CI reads only the last line ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packageDirs = ['packages', 'apps'].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
);
const reportOf = (dir) => join(dir, '.vitest-report.json');
for (const dir of packageDirs) rmSync(reportOf(dir), { force: true });

const run = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const lintStatus = run(['biome', 'check', '.']);
const typecheckStatus = run(['turbo', 'run', 'typecheck']);
const testStatus = run(['turbo', 'run', 'test', '--concurrency=1', '--continue']);

let passed = 0;
let failed = 0;
// Names of what failed, printed above the totals: a CI log often keeps only its tail.
const failures = [];
for (const dir of packageDirs) {
  if (!existsSync(reportOf(dir))) continue;
  const report = JSON.parse(readFileSync(reportOf(dir), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults) {
    const where = file.name.startsWith(root) ? file.name.slice(root.length) : file.name;
    // A file that fails to load has no tests counted: count it as one failure so it cannot hide.
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      failures.push(`${where}: ${firstLine(file.message)}`);
    }
    for (const test of file.assertionResults) {
      if (test.status === 'failed')
        failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
  }
}
function firstLine(text) {
  return (text ?? 'no message').split('\n')[0].slice(0, 300);
}
for (const failure of failures) console.log(`FAILED ${failure}`);
// Lint and type errors are failures too, counted once each so the total can't read green.
if (lintStatus !== 0) failed += 1;
if (typecheckStatus !== 0) failed += 1;
if (testStatus !== 0 && failed === 0) failed += 1;

console.log(
  `lint: ${lintStatus === 0 ? 'ok' : 'FAILED'}, typecheck: ${typecheckStatus === 0 ? 'ok' : 'FAILED'}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && testStatus === 0 ? 0 : 1);
