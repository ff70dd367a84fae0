// What one claim of the webhook worker costs while a receiver is down and its deliveries pile up
// (issue 10: "an event is delivered to its webhook even if the receiver was down for hours").
//   DATABASE_URL=… npx tsx --import ./scripts/hooks/register.mjs scripts/bench/webhook-backlog.ts [backlogs=0,10000,100000] [webhooks=20] [claims=100]
// On a fresh database: `webhooks` active webhooks of one owner, each with a delivered history as
// long as the backlog; for each backlog size, the first webhook gets that many undelivered
// deliveries waiting for their retry (its receiver is down), and every other webhook one due
// delivery. Then the real claim (claimDueDeliveries) runs `claims` times, each claim given back at
// once, and the wall time per claim is printed, median and p95, with the database's own share
// (pg_stat_statements, when loaded). The worker claims at every event recorded and at its poll,
// for all webhooks of all tenants at once. Prints figures, asserts nothing. Needs PostgreSQL.
import { loadavg } from "node:os";
import { claimDueDeliveries } from "../../lib/webhooks/delivery-queue";
import { scratchDatabase } from "./scratch-database";

const [backlogArg = "0,10000,100000", webhookArg = "20", claimArg = "100"] = process.argv.slice(2);
const backlogs = backlogArg.split(",").map(Number);
const webhookCount = Number(webhookArg);
const claims = Number(claimArg);
const database = await scratchDatabase();
const { db, owner, session } = database;
try {
  const hooks: string[] = [];
  for (let i = 0; i < webhookCount; i++) {
    const hook = await db.webhook.create({ data: { ownerId: owner.id, name: `hook ${i}`, url: `https://receiver-${i}.test/hook` } });
    hooks.push(hook.id);
  }
  // The tree before the delivery's copy of its event's place (eventSeq) had no such column.
  const [{ n: hasEventSeq }] = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'webhook_deliveries' AND column_name = 'eventSeq'`;
  const seqColumn = hasEventSeq > 0n ? `, "eventSeq"` : "";
  const seqValue = hasEventSeq > 0n ? `, e.seq` : "";
  /** `count` new events, each with a delivery to `hook` in `status`, due `dueInSeconds` from now. */
  const addDeliveries = async (hook: string, count: number, status: string, dueInSeconds: number) => {
    await db.$executeRawUnsafe(
      `WITH e AS (
         INSERT INTO events (id, "ownerId", "sessionId", event, payload)
         SELECT 'e' || md5(random()::text || g), $1, $2, 'message.received', '{}'::jsonb FROM generate_series(1, $3::int) g
         RETURNING id, seq)
       INSERT INTO webhook_deliveries (id, "ownerId", "webhookId", "eventId"${seqColumn}, status, "nextAttemptAt", "updatedAt")
       SELECT 'd' || md5(random()::text || e.id), $1, $4, e.id${seqValue}, $5::"DeliveryStatus",
              (now() AT TIME ZONE 'UTC') + make_interval(secs => $6::double precision), now()
       FROM e`,
      owner.id,
      session.id,
      count,
      hook,
      status,
      dueInSeconds,
    );
  };
  /** Gives claimed deliveries back, due now, as if their attempts had not begun. */
  const releaseAll = async (ids: string[]) => {
    if (ids.length) await db.$executeRaw`UPDATE webhook_deliveries SET "nextAttemptAt" = (now() AT TIME ZONE 'UTC') WHERE id = ANY(${ids})`;
  };
  const statementStats = async () => {
    const rows = await db
      .$queryRawUnsafe<Array<{ ms: number; calls: bigint }>>(
        `SELECT coalesce(sum(total_exec_time + total_plan_time), 0)::float8 AS ms, coalesce(sum(calls), 0)::int8 AS calls
         FROM pg_stat_statements WHERE query LIKE '%WITH heads AS%'`,
      )
      .catch(() => null);
    return rows ? rows[0] : null;
  };

  console.log(
    `${webhookCount} active webhooks, ${claims} claims per backlog, PostgreSQL, ${hasEventSeq > 0n ? "eventSeq + partial index" : "join to events"}; load average (1 min) at start: ${loadavg()[0].toFixed(1)}`,
  );
  console.log("| backlog of one webhook | delivered history per webhook | claim, wall ms p50 / p95 | database ms per claim |");
  console.log("| --- | --- | --- | --- |");
  let history = 0;
  for (const backlog of backlogs) {
    // Grow every webhook's history to the backlog's size and the first webhook's backlog to it.
    for (const hook of hooks) await addDeliveries(hook, backlog - history, "DELIVERED", 0);
    await db.$executeRawUnsafe(`DELETE FROM webhook_deliveries WHERE status IN ('PENDING', 'FAILED')`);
    await addDeliveries(hooks[0], backlog, "FAILED", 3600);
    for (const hook of hooks.slice(1)) await addDeliveries(hook, 1, "PENDING", 0);
    history = backlog;
    await db.$executeRawUnsafe("ANALYZE");

    const times: number[] = [];
    for (let i = 0; i < 5; i++) await claimDueDeliveries(db, 64, [], 30_000).then((c) => releaseAll(c.map((d) => d.id)));
    const before = await statementStats();
    for (let i = 0; i < claims; i++) {
      const started = performance.now();
      const claimed = await claimDueDeliveries(db, 64, [], 30_000);
      times.push(performance.now() - started);
      if (claimed.length !== webhookCount - 1) throw new Error(`claimed ${claimed.length}, expected ${webhookCount - 1}`);
      await releaseAll(claimed.map((d) => d.id));
    }
    const after = await statementStats();
    times.sort((a, b) => a - b);
    const dbMs = before && after ? ((after.ms - before.ms) / Number(after.calls - before.calls)).toFixed(2) : "—";
    console.log(
      `| ${backlog.toLocaleString("en")} | ${backlog.toLocaleString("en")} | ${times[Math.floor(claims / 2)].toFixed(2)} / ${times[Math.floor(claims * 0.95)].toFixed(2)} | ${dbMs} |`,
    );
  }
} finally {
  await database.drop();
}
