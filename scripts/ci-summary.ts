// Adds up the vitest JSON reports of the CI runs and prints the closing line CI reads: "N passed, N failed".
// A missing report (a run that crashed) and failed check steps (type-check, lint) count as failures.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const failedSteps = Number(args.pop() ?? 0);
let passed = 0;
let failed = failedSteps;
for (const file of args) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the run did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean };
  // A file that failed to load has no failed tests but fails the run: count it.
  const brokenFiles = report.success || report.numFailedTests > 0 ? 0 : 1;
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${brokenFiles ? ', and the run itself failed' : ''}`);
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles;
}
if (failedSteps) console.log(`${failedSteps} check step(s) failed (type-check or lint)`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
