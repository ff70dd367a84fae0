// Browser tests of the dashboard: real Chromium (Debian's, since Playwright cannot download its own
// here) against one production gateway on a fresh database, started by tests/e2e/global-setup.ts.
import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL } from "./tests/e2e/e2e-server";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // One gateway, and specs that follow a user through several pages: serial is simpler and fast enough.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A test's budget: tests that take 2–5 s on an idle 2-core machine took 30–60 s on a day it ran
  // twice as slow with axe-core scans (CI 8): a timeout there says nothing about the page.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  outputDir: "test-results",
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // CHROMIUM_PATH overrides the default, as the README says (scripts/test.mjs checks the same path).
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
