// `npm test`: the whole suite — type check, lint and format check (side by side), build, then Vitest (unit,
// emulator, API against a real running gateway and PostgreSQL) and Playwright in Chromium (side by side with
// WAGATE_TEST_SUITES_TOGETHER=1), then Vitest's cluster suite alone — and one closing line with the totals.
// DATABASE_URL (a PostgreSQL server) is used when set; otherwise the embedded PostgreSQL. Steps run side by
// side have each line of their output prefixed with the step's name; WAGATE_TEST_SERIAL=1 runs every step
// one after the other, unprefixed.
import { spawn, spawnSync } from "node:child_process";
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

/**
 * Like run(), without waiting: each line of output goes out prefixed with the suite's name, so that two
 * suites running side by side can be told apart in one log.
 */
function runPrefixed(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(" ")} (its lines prefixed [${title}])`);
  const started = Date.now();
  const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...env, ...extraEnv } });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let rest = "";
    from.setEncoding("utf8");
    from.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      for (const line of lines) to.write(`[${title}] ${line}\n`);
    });
    from.on("end", () => rest && to.write(`[${title}] ${rest}\n`));
  }
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`[${title}] ${error.message}`);
      resolve(1);
    });
    child.on("close", (status) => {
      console.log(`=== ${title}: exit ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(status ?? 1);
    });
  });
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

const serial = process.env.WAGATE_TEST_SERIAL === "1";
/**
 * Steps that share nothing, side by side (one after the other with WAGATE_TEST_SERIAL=1 or `alone`):
 * each is [title, cmd, args, env] or null (not run). Their exit statuses, in order (null: not run).
 */
async function runTogether(steps, alone = serial) {
  if (alone) return steps.map((step) => (step ? run(...step) : null));
  return Promise.all(steps.map((step) => (step ? runPrefixed(...step) : Promise.resolve(null))));
}

// The type check and the house rules a machine can check (eslint.config.mjs) and the one code format
// (.prettierrc.json), side by side: each reads the sources and writes nothing the others read. Each
// fails the run on its own: one failure in the tally, the details above it. The build comes after: it
// writes .next/types, which the type check reads.
const [typecheck, lint, format] = await runTogether([
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--cache", "--cache-location", "node_modules/.cache/eslint/", "."]],
  ["format", "npx", ["prettier", "--check", "--log-level", "warn", "."]],
]);
for (const [status, step] of [
  [typecheck, "typecheck"],
  [lint, "lint"],
  [format, "format:check (run `npm run format`)"],
]) {
  if (status !== 0) {
    failedSteps.push(step);
    totals.failed++;
  }
}

// The browser tests and the API tests both start production builds; build once up front.
if (run("build", process.execPath, ["scripts/ensure-build.mjs"]) !== 0) {
  failedSteps.push("build");
  totals.failed++;
}

function countVitest(title, status, json) {
  const report = readJson(json);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (status !== 0) {
    failedSteps.push(title);
    if (!report || report.numFailedTests === 0) totals.failed++;
  }
}

function countPlaywright(status, json) {
  const report = readJson(json);
  if (report?.stats) {
    totals.passed += report.stats.expected;
    totals.failed += report.stats.unexpected + (report.stats.flaky ?? 0);
    totals.skipped += report.stats.skipped;
  }
  if (status !== 0) {
    failedSteps.push("playwright");
    if (!report?.stats || report.stats.unexpected === 0) totals.failed++;
  }
}

// Vitest's projects but the cluster, which runs last and alone (see vitest.config.ts): with the browser
// suite beside it, a node stalled past a three-node test's 6 s lease would lose a session it pairs.
const vitestProjects = ["unit", "emulator", "whatsapp", "api"].flatMap((name) => ["--project", name]);
const vitestArgs = (json) => ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`];
const vitestJson = path.join(reports, "vitest.json");
const clusterJson = path.join(reports, "vitest-cluster.json");
const pwJson = path.join(reports, "playwright.json");
const pwArgs = ["playwright", "test", "--reporter=list,json"];

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const haveChromium = existsSync(chromium);
if (!haveChromium) {
  console.error(`\nChromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  failedSteps.push("playwright (no Chromium)");
  totals.failed++;
}

// The two longest suites. They share nothing but the production build, which both only read: each starts
// its own gateway on its own fresh database (the API suite on free ports, the browser suite on E2E_PORT),
// so they can run side by side, with WAGATE_TEST_SUITES_TOGETHER=1. Not by default: on the 2-core CI
// machine, from a clean clone on the same day, side by side took longer than one after the other (Vitest
// 1,972 s and Playwright 1,825 s under a load of 8–10, against 825 s and 844 s): both keep a core busy
// on their own. Whether more cores change that was not measured.
const together = process.env.WAGATE_TEST_SUITES_TOGETHER === "1";
const [vitestStatus, pwStatus] = await runTogether(
  [
    ["vitest", "npx", [...vitestArgs(vitestJson), ...vitestProjects]],
    haveChromium ? ["playwright", "npx", pwArgs, { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson }] : null,
  ],
  serial || !together,
);
countVitest("vitest", vitestStatus, vitestJson);
if (pwStatus !== null) countPlaywright(pwStatus, pwJson);
countVitest("vitest cluster", run("vitest cluster", "npx", [...vitestArgs(clusterJson), "--project", "cluster"]), clusterJson);

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
