// `npm test`: the whole suite — type check, lint, format check, Vitest (unit, emulator, API against a real running
// gateway and PostgreSQL), then Playwright in Chromium — and one closing line with the totals.
// DATABASE_URL (a PostgreSQL server) is used when set; otherwise the embedded PostgreSQL.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Outside test-results/, which Playwright empties when it starts.
const reports = path.join(root, "tests", ".tmp", "reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`=== ${title}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

if (run("typecheck", "npx", ["tsc", "--noEmit"]) !== 0) {
  failedSteps.push("typecheck");
  totals.failed++;
}

// The house rules a machine can check (eslint.config.mjs) and the one code format (.prettierrc.json).
// Each fails the run like the type check: one failure in the tally, the details above it.
if (run("lint", "npx", ["eslint", "--cache", "--cache-location", "node_modules/.cache/eslint/", "."]) !== 0) {
  failedSteps.push("lint");
  totals.failed++;
}
if (run("format", "npx", ["prettier", "--check", "--log-level", "warn", "."]) !== 0) {
  failedSteps.push("format:check (run `npm run format`)");
  totals.failed++;
}

// The browser tests and the API tests both start production builds; build once up front.
if (run("build", process.execPath, ["scripts/ensure-build.mjs"]) !== 0) {
  failedSteps.push("build");
  totals.failed++;
}

const vitestJson = path.join(reports, "vitest.json");
const vitestStatus = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestStatus !== 0) {
  failedSteps.push("vitest");
  if (!vitest || vitest.numFailedTests === 0) totals.failed++;
}

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`\nChromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  failedSteps.push("playwright (no Chromium)");
  totals.failed++;
} else {
  const pwJson = path.join(reports, "playwright.json");
  const pwStatus = run("playwright", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  const pw = readJson(pwJson);
  if (pw?.stats) {
    totals.passed += pw.stats.expected;
    totals.failed += pw.stats.unexpected + (pw.stats.flaky ?? 0);
    totals.skipped += pw.stats.skipped;
  }
  if (pwStatus !== 0) {
    failedSteps.push("playwright");
    if (!pw?.stats || pw.stats.unexpected === 0) totals.failed++;
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
