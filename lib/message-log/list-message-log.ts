import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MESSAGE_LOG_CSV_LIMIT, MESSAGE_LOG_PAGE_SIZE, type MessageLogQuery } from "@/lib/message-log/message-log.schema";
import { db } from "@/lib/server/runtime";

const HOUR_MS = 3_600_000;

/** When the period starts; "today" is midnight in the viewer's zone (PostgreSQL does the DST). */
async function periodStart(query: MessageLogQuery): Promise<Date | null> {
  const now = Date.now();
  switch (query.period) {
    case "all":
      return null;
    case "24h":
      return new Date(now - 24 * HOUR_MS);
    case "7d":
      return new Date(now - 7 * 24 * HOUR_MS);
    case "30d":
      return new Date(now - 30 * 24 * HOUR_MS);
    case "today": {
      const tz = query.tz ?? "UTC";
      const [{ start }] = await db().$queryRaw<{ start: Date }[]>`
        SELECT (date_trunc('day', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS start`;
      return start;
    }
  }
}

/**
 * The message log across the sessions the caller may see (all / tenant / assigned), newest first,
 * filtered in the database and paginated there. `all: true` is the CSV export: one capped batch.
 */
export async function listMessageLog(caller: Caller, query: MessageLogQuery, options: { all?: boolean } = {}) {
  const since = await periodStart(query);
  const where: Prisma.MessageWhereInput = {
    session: { ...sessionScope(caller), ...(query.sessionId ? { sessionId: query.sessionId } : {}) },
    ...(query.direction ? { fromMe: query.direction === "out" } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { content: { contains: query.q, mode: "insensitive" } } : {}),
    ...(query.contact ? { remoteJid: { contains: query.contact.replace(/[^\w@.+-]/g, ""), mode: "insensitive" } } : {}),
    ...(since ? { createdAt: { gte: since } } : {}),
  };
  const take = options.all ? MESSAGE_LOG_CSV_LIMIT : MESSAGE_LOG_PAGE_SIZE;
  const skip = options.all ? 0 : (query.page - 1) * MESSAGE_LOG_PAGE_SIZE;
  const [rows, total] = await Promise.all([
    db().message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take,
      select: {
        id: true,
        keyId: true,
        remoteJid: true,
        fromMe: true,
        pushName: true,
        type: true,
        content: true,
        status: true,
        failureReason: true,
        createdAt: true,
        session: { select: { sessionId: true, name: true } },
      },
    }),
    db().message.count({ where }),
  ]);
  return {
    messages: rows.map(({ session, fromMe, ...m }) => ({
      ...m,
      direction: fromMe ? ("out" as const) : ("in" as const),
      sessionId: session.sessionId,
      sessionName: session.name,
    })),
    page: options.all ? 1 : query.page,
    pageSize: take,
    total,
    hasMore: skip + rows.length < total,
  };
}

export type MessageLogPage = Awaited<ReturnType<typeof listMessageLog>>;
