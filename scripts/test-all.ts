// `npm test`: lint, type-check, unit tests (Vitest) and e2e tests (Playwright), then one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

interface Tally { passed: number; failed: number }
const tally: Tally = { passed: 0, failed: 0 };
const cacheDir = ".cache/test-all";
mkdirSync(cacheDir, { recursive: true });

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function check(title: string, command: string, args: string[]): void {
  const status = run(title, command, args);
  if (status === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    console.log(`${title} FAILED (exit ${status})`);
  }
}

function countFromJson(title: string, file: string, status: number, read: (json: unknown) => Tally): void {
  if (!existsSync(file)) {
    tally.failed += 1;
    console.log(`${title}: no report written (exit ${status})`);
    return;
  }
  const counts = read(JSON.parse(readFileSync(file, "utf8")));
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  if (status !== 0 && counts.failed === 0) {
    tally.failed += 1;
    console.log(`${title}: runner exited ${status} without a failing test`);
  }
}

check("lint", "npx", ["eslint", "--max-warnings=0", "."]);
check("typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);

// The `tangle` bundle the CLI tests and users run, built from the source being tested.
check("build the tangle command", "npx", ["tsx", "scripts/build-cli.ts"]);

const vitestJson = `${cacheDir}/vitest.json`;
rmSync(vitestJson, { force: true });
const vitestStatus = run("unit", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
countFromJson("unit", vitestJson, vitestStatus, (json) => {
  const r = json as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
});

const playwrightJson = `${cacheDir}/playwright.json`;
rmSync(playwrightJson, { force: true });
const e2eStatus = run("e2e", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
countFromJson("e2e", playwrightJson, e2eStatus, (json) => {
  const s = (json as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected };
});

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
