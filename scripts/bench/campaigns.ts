// Benchmark: campaigns. (1) Creating a 10,000-recipient campaign in one POST /api/campaigns — the
// time to answer and the gateway's memory; (2) running a 1,000-recipient campaign with pacing off
// and no delay — recipients per second end to end (start until the campaign is completed: every
// recipient checked on WhatsApp, rendered, queued, sent through Baileys and acked by the emulated
// server) and the gateway's resident memory before, during (peak of 1 s samples) and after.
//   npx tsx scripts/bench/campaigns.ts [recipientsToRun] [recipientsToCreate]   (default 1000 10000)
// Runs a sandbox gateway (production build, WA_MODE=sandbox) on loopback; the emulated network runs
// inside the gateway's process, so its CPU and memory are part of the figures. Uses DATABASE_URL
// when set (a fresh database is created and dropped), else the embedded PostgreSQL. Prints figures,
// asserts nothing.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { benchApi, pairSandboxSessions, registerBenchUser, startBenchGateway } from "./bench-client";

const [toRun = 1000, toCreate = 10_000] = process.argv.slice(2).map(Number).filter(Boolean);

const port = 3900 + Math.floor(Math.random() * 500);
// CPU_PROFILE_DIR: the gateway runs with the inspector on port + 1, and a CPU profile of the
// campaign's run is written there (campaign-run.cpuprofile; read it with cpuprofile-top.ts).
const PROFILE_DIR = process.env.CPU_PROFILE_DIR || null;
const { gateway, profiler } = await startBenchGateway({ port, profile: Boolean(PROFILE_DIR) });
const base = gateway.baseUrl;
// Interrupted: the gateway and its database go too.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void gateway.stop().finally(() => process.exit(130)));

const api = benchApi(base);

/** The gateway process: the one listening on our port. */
const pid = Number(execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).match(/pid=(\d+)/)?.[1]);
const rssMb = () => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)![1]) / 1024;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
/** CPU seconds the gateway process has used (user + system): what a recipient costs whatever the machine's load. */
const cpuSeconds = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

try {
  const { auth } = await registerBenchUser(api);
  const [sessionId] = await pairSandboxSessions(api, auth, 1);
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}, gateway pid ${pid}, load average ${load()}`,
  );

  // (1) Creation: three drafts of `toCreate` recipients each (numbers need not exist: nothing is sent).
  console.log(
    `\ncreate a ${toCreate}-recipient campaign (one POST, body ${Math.round(JSON.stringify({ r: Array.from({ length: toCreate }, (_, i) => ({ number: `1666${String(i).padStart(7, "0")}`, name: `Name ${i}`, company: "Acme" })) }).length / 1024)} KB)`,
  );
  console.log("run\tanswer in ms\tRSS before MB\tRSS after MB");
  for (let run = 1; run <= 3; run++) {
    const recipients = Array.from({ length: toCreate }, (_, i) => ({ number: `1666${run}${String(i).padStart(6, "0")}`, name: `Name ${i}`, company: "Acme" }));
    const before = rssMb();
    const t = performance.now();
    const { body } = await api(
      "POST",
      "/api/campaigns",
      { name: `big ${run}`, sessionId, message: { text: "Hi {{Name}} from {{Company}}" }, recipients },
      auth,
    );
    const ms = performance.now() - t;
    console.log([run, ms.toFixed(0), before.toFixed(1), rssMb().toFixed(1)].join("\t"));
    if (body.statistics.total !== toCreate) throw new Error(`expected ${toCreate} recipients, got ${body.statistics.total}`);
    await api("DELETE", `/api/campaigns/${body.id}`, undefined, auth);
  }

  // (2) Running: `toRun` emulated contacts, one campaign, pacing off and no delay.
  for (let i = 0; i < toRun; i += 4) {
    await Promise.all(
      [0, 1, 2, 3]
        .filter((k) => i + k < toRun)
        .map((k) => api("POST", "/api/sandbox/contacts", { phone: `1777${String(i + k).padStart(6, "0")}`, name: `C${i + k}` }, auth)),
    );
  }
  await new Promise((r) => setTimeout(r, 3000));
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 1000);
  const cpuBefore = cpuSeconds();
  await profiler?.start("campaign run");
  const t = performance.now();
  const { body: created } = await api(
    "POST",
    "/api/campaigns",
    {
      name: "run",
      sessionId,
      message: { text: "Hello {{Name}}" },
      recipients: Array.from({ length: toRun }, (_, i) => ({ number: `1777${String(i).padStart(6, "0")}`, name: `C${i}` })),
      start: true,
    },
    auth,
  );
  let stats = created.statistics;
  for (;;) {
    const { body } = await api("GET", `/api/campaigns/${created.id}`, undefined, auth);
    stats = body.statistics;
    if (body.status === "completed" || body.status === "failed") break;
    if (performance.now() - t > 30 * 60_000) throw new Error("campaign did not complete in 30 minutes");
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (performance.now() - t) / 1000;
  const cpu = cpuSeconds() - cpuBefore;
  if (profiler && PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    await profiler.stop(path.join(PROFILE_DIR, "campaign-run.cpuprofile"));
    profiler.close();
  }
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 5000));
  console.log(`\nrun a ${toRun}-recipient campaign, pacing off, no delay (up to 10 recipients in the send queue at a time)`);
  console.log(
    "recipients\tsent\tfailed\tskipped\tseconds\trecipients/s\tgateway CPU s\tCPU ms/recipient\tRSS before MB\tRSS peak MB\tRSS after MB\tload average",
  );
  console.log(
    [
      toRun,
      stats.sent,
      stats.failed,
      stats.skipped,
      seconds.toFixed(1),
      (stats.sent / seconds).toFixed(1),
      cpu.toFixed(1),
      ((cpu * 1000) / toRun).toFixed(0),
      before.toFixed(1),
      peak.toFixed(1),
      rssMb().toFixed(1),
      load(),
    ].join("\t"),
  );
} finally {
  await gateway.stop();
}
process.exit(0);
