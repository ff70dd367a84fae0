// A gateway whose port is taken ends at once and says why. Next's handler for uncaught errors used
// to keep such a process running without listening: a service manager saw it "up", and the test
// harness waited 90 s for a health check that never came (what a CI run met when another process
// took a test gateway's port). The harness now starts another gateway on another port instead
// (scripts/serve-test.mjs); this test runs server.ts itself, on a port held by this process.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { createTestDatabase } from "../../scripts/serve-test.mjs";

it("exits with status 1 and names the port when it cannot listen", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as { port: number }).port;
  const dataDir = mkdtempSync(path.join(tmpdir(), "wagate-port-"));
  const database = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    if (database) env.DATABASE_URL = database.url;
    else delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/hooks/register.mjs", "server.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 90_000);
      child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toContain(`port ${port} is already in use`);
  } finally {
    blocker.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
