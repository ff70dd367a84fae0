// `npm test`: the whole suite — type check, lint, format check, build, then Vitest (unit, emulator, API against a
// real running gateway and PostgreSQL) side by side with Playwright in Chromium, then the cluster suite alone —
// and one closing line with the totals. DATABASE_URL (a PostgreSQL server) is used when set; otherwise the
// embedded PostgreSQL. WAGATE_TEST_SERIAL=1 runs Vitest and Playwright one after the other (each one's output
// unprefixed), as before the two were run together.
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

// Vitest's projects but the cluster, whose files run alone (see vitest.config.ts): on two cores, with the
// browser suite beside it, a node stalled past a three-node test's 6 s lease would lose a session it pairs.
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

if (process.env.WAGATE_TEST_SERIAL === "1") {
  countVitest("vitest", run("vitest", "npx", [...vitestArgs(vitestJson), ...vitestProjects]), vitestJson);
  if (haveChromium) countPlaywright(run("playwright", "npx", pwArgs, { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson }), pwJson);
} else {
  // The two longest suites, side by side: each runs one file (one browser test) at a time and waits on its
  // gateway, its database and the emulator much of the time, so together they keep two cores busier than
  // either does alone. They share nothing but the production build, which both only read: each starts its
  // own gateway on its own fresh database (the API suite on free ports, the browser suite on E2E_PORT).
  const [vitestStatus, pwStatus] = await Promise.all([
    runPrefixed("vitest", "npx", [...vitestArgs(vitestJson), ...vitestProjects]),
    haveChromium ? runPrefixed("playwright", "npx", pwArgs, { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson }) : Promise.resolve(null),
  ]);
  countVitest("vitest", vitestStatus, vitestJson);
  if (pwStatus !== null) countPlaywright(pwStatus, pwJson);
}
countVitest("vitest cluster", run("vitest cluster", "npx", [...vitestArgs(clusterJson), "--project", "cluster"]), clusterJson);

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
