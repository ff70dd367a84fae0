import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { sessionScope } from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OverviewQuery } from "@/lib/overview/overview.schema";
import { db } from "@/lib/server/runtime";
import { listSessions } from "@/lib/sessions/list-sessions";

const DAY_MS = 24 * 60 * 60 * 1000;

interface VolumeRow {
  session_id: string;
  bucket: string;
  from_me: boolean;
  count: bigint;
}

/**
 * The home page's numbers, scoped like every other read: all sessions for a SUPERADMIN, the
 * tenant's for an OWNER, the assigned ones for STAFF. "Today" and the chart's buckets are in the
 * viewer's time zone (`tz`); the 24-hour figures are a rolling window. Webhook figures are for
 * those who manage webhooks (null for STAFF).
 */
export async function getOverview(caller: Caller, query: OverviewQuery) {
  const tz = query.tz ?? "UTC";
  const sessions = await listSessions(caller);
  const rows = await db().whatsappSession.findMany({ where: sessionScope(caller), select: { id: true, sessionId: true } });
  const internalIds = rows.map((r) => r.id);
  const publicIdOf = new Map(rows.map((r) => [r.id, r.sessionId]));
  const now = new Date();
  const since24h = new Date(now.getTime() - DAY_MS);

  // Midnight today in the viewer's zone, computed by PostgreSQL so DST is its problem, not ours.
  const [{ start_of_today: startOfToday, start_of_week: startOfWeek }] = await db().$queryRaw<{ start_of_today: Date; start_of_week: Date }[]>`
    SELECT (date_trunc('day', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS start_of_today,
           ((date_trunc('day', now() AT TIME ZONE ${tz}) - interval '6 days') AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS start_of_week`;

  const inScope = { sessionId: { in: internalIds } };
  const [inToday, outToday, failedSends, lastActivity, reconnects, volume7d, volume24h, failedDeliveries] = await Promise.all([
    db().message.count({ where: { ...inScope, fromMe: false, createdAt: { gte: startOfToday } } }),
    db().message.count({ where: { ...inScope, fromMe: true, createdAt: { gte: startOfToday } } }),
    db().message.count({ where: { ...inScope, fromMe: true, status: "FAILED", updatedAt: { gte: since24h } } }),
    db().message.groupBy({ by: ["sessionId"], where: inScope, _max: { createdAt: true } }),
    reconnectCounts(since24h),
    volume("day", startOfWeek),
    volume("hour", new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 23 * 3_600_000)),
    hasPermission(caller.role, "sessions.manage")
      ? db().webhookDelivery.count({
          where: { status: { in: ["FAILED", "DEAD"] }, updatedAt: { gte: since24h }, ...(caller.role === "SUPERADMIN" ? {} : { ownerId: caller.tenantId }) },
        })
      : Promise.resolve(null),
  ]);

  // A reconnect is a session going back to CONNECTING after it had been up (CONNECTED, or ZOMBIE
  // when the watchdog gave up on it) — the first connect of the day is not one. The previous status
  // may be older than the window, hence the longer look-back for `lag`.
  async function reconnectCounts(since: Date) {
    if (internalIds.length === 0) return [];
    return db().$queryRaw<{ session_id: string; count: bigint }[]>`
      SELECT session_id, count(*) AS count FROM (
        SELECT "sessionId" AS session_id, status, "createdAt",
               lag(status) OVER (PARTITION BY "sessionId" ORDER BY "createdAt", id) AS previous
        FROM session_status_events
        WHERE "sessionId" IN (${Prisma.join(internalIds)}) AND "createdAt" >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC') - interval '7 days'
      ) t
      WHERE status = 'CONNECTING' AND previous IN ('CONNECTED', 'ZOMBIE') AND "createdAt" >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      GROUP BY session_id`;
  }

  async function volume(unit: "day" | "hour", since: Date) {
    if (internalIds.length === 0) return [];
    const rows = await db().$queryRaw<VolumeRow[]>`
      SELECT "sessionId" AS session_id,
             to_char(date_trunc(${unit}, ("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}), 'YYYY-MM-DD"T"HH24:00') AS bucket,
             "fromMe" AS from_me, count(*) AS count
      FROM messages
      WHERE "sessionId" IN (${Prisma.join(internalIds)}) AND "createdAt" >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      GROUP BY 1, 2, 3`;
    return rows.map((r) => ({
      // `id` tells sessions apart: a superadmin may see two tenants' sessions of the same sessionId.
      id: r.session_id,
      sessionId: publicIdOf.get(r.session_id) ?? r.session_id,
      bucket: r.bucket,
      direction: r.from_me ? ("out" as const) : ("in" as const),
      count: Number(r.count),
    }));
  }

  // By internal id: a superadmin sees several tenants' "shop", each with figures of its own.
  const lastActivityOf = new Map(lastActivity.map((r) => [r.sessionId, r._max.createdAt]));
  const reconnectsOf = new Map(reconnects.map((r) => [r.session_id, Number(r.count)]));

  return {
    timeZone: tz,
    generatedAt: now.toISOString(),
    sessions: { online: sessions.filter((s) => s.status === "CONNECTED").length, total: sessions.length },
    messagesToday: { in: inToday, out: outToday },
    failedSends24h: failedSends,
    failedWebhookDeliveries24h: failedDeliveries,
    volume: { days: bucketsOf("day", startOfWeek, 7, tz), hours: bucketsOf("hour", null, 24, tz), byDay: volume7d, byHour: volume24h },
    health: sessions.map((s) => ({
      id: s.id,
      sessionId: s.sessionId,
      name: s.name,
      status: s.status,
      phoneNumber: s.phoneNumber,
      statusChangedAt: s.statusChangedAt,
      lastMessageAt: lastActivityOf.get(s.id) ?? null,
      reconnects24h: reconnectsOf.get(s.id) ?? 0,
    })),
  };
}

/** The chart's x axis, with empty buckets included, labelled like the SQL's `bucket`. */
function bucketsOf(unit: "day" | "hour", startOfWeek: Date | null, count: number, tz: string): string[] {
  const parts = (date: Date) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
        .formatToParts(date)
        .map((x) => [x.type, x.value]),
    );
    return `${p.year}-${p.month}-${p.day}T${unit === "day" ? "00" : p.hour}:00`;
  };
  const out: string[] = [];
  if (unit === "day") {
    // Noon of each day avoids landing on the wrong date around a DST change.
    for (let i = 0; i < count; i++) out.push(parts(new Date(startOfWeek!.getTime() + i * DAY_MS + 12 * 3_600_000)));
  } else {
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    for (let i = count - 1; i >= 0; i--) out.push(parts(new Date(hourStart - i * 3_600_000)));
  }
  return [...new Set(out)];
}
