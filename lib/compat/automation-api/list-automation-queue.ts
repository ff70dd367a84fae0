import "server-only";
// The Automation API's GET /api/messages/queue: the default session's outgoing messages, newest
// first, in its shape ({ messages: [{ id, to, message, status, scheduledFor, sentAt }], pagination }).
import type { Caller } from "@/lib/auth/caller";
import type { AutomationQueueQuery } from "@/lib/compat/automation-api/automation-api.schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";
import { getDefaultSession } from "@/lib/sessions/get-default-session";

function recipient(jid: string): string {
  return jid.endsWith("@s.whatsapp.net") ? `+${jid.split("@")[0]}` : jid;
}

export async function listAutomationQueue(caller: Caller, query: AutomationQueueQuery) {
  const session = await getDefaultSession(caller);
  const page = query.page ?? 1;
  const limit = query.limit ?? 10;
  const where: Prisma.MessageWhereInput = { sessionId: session.id, fromMe: true, payload: { not: Prisma.DbNull } };
  const [total, rows] = await Promise.all([
    db().message.count({ where }),
    db().message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * limit,
      take: limit,
      select: { keyId: true, remoteJid: true, content: true, status: true, payload: true, sentAt: true, failureReason: true },
    }),
  ]);
  return {
    messages: rows.map((m) => ({
      id: m.keyId,
      to: recipient(m.remoteJid),
      message: m.content,
      status: m.status.toLowerCase(),
      scheduledFor: ((m.payload as { scheduledAt?: string } | null)?.scheduledAt ?? null) as string | null,
      sentAt: m.sentAt?.toISOString() ?? null,
      ...(m.status === "FAILED" && m.failureReason ? { error: m.failureReason } : {}),
    })),
    pagination: { page, limit, total, pages: Math.ceil(total / limit) },
  };
}
