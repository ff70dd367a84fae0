import "server-only";
// Chatery's session paths over our own session and webhook operations, in its shapes: lowercase
// statuses, `qrCode`, `name`, and each session's `webhooks` as `{ url, events }`.
import type { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import type { chateryConfigSchema, chateryConnectSchema } from "@/lib/compat/chatery/chatery.schema";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, getRuntime } from "@/lib/server/runtime";
import { connectSession } from "@/lib/sessions/connect-session";
import { createSession } from "@/lib/sessions/create-session";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createSessionSchema, CHATERY_STATUS } from "@/lib/sessions/sessions.schema";
import { listSessionWebhooks } from "@/lib/webhooks/list-session-webhooks";
import { replaceSessionWebhooks } from "@/lib/webhooks/replace-session-webhooks";

async function webhooksOf(caller: Caller, sessionId: string) {
  // Webhook URLs are configuration: shown only to those who may manage them.
  if (!callerCan(caller, "webhooks.manage")) return [];
  const { webhooks } = await listSessionWebhooks(caller, sessionId);
  return webhooks.map((w) => ({ url: w.url, events: w.events.length ? w.events : ["all"] }));
}

export async function chateryListSessions(caller: Caller) {
  const sessions = await listSessions(caller);
  return Promise.all(
    sessions.map(async (s) => ({
      sessionId: s.sessionId,
      status: s.state,
      isConnected: s.isConnected,
      phoneNumber: s.phoneNumber,
      name: s.profileName,
      webhooks: await webhooksOf(caller, s.id),
      metadata: s.metadata ?? {},
    })),
  );
}

/** POST /sessions/:sessionId/connect: creates the session when the caller has none of that id, then connects it. */
export async function chateryConnectSession(caller: Caller, sessionId: string, input: z.output<typeof chateryConnectSchema>) {
  let created = false;
  let session = await getSessionOrThrow(caller, sessionId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!session) {
    if (!callerCan(caller, "sessions.create")) throw new AppError("NOT_FOUND", "Session not found");
    await createSession(caller, createSessionSchema.parse({ name: sessionId, sessionId }));
    session = await getSessionOrThrow(caller, sessionId);
    created = true;
  }
  if (input.webhooks && !callerCan(caller, "webhooks.manage")) throw new AppError("FORBIDDEN", "webhooks: you are not allowed to manage webhooks");
  const connected = await connectSession(caller, session.id, input);
  return {
    message: created ? "Session created" : "Session connecting",
    data: {
      sessionId: connected.sessionId,
      status: connected.state,
      qrCode: connected.qr,
      metadata: connected.metadata ?? {},
      webhooks: await webhooksOf(caller, connected.id),
    },
  };
}

/** PATCH /sessions/:sessionId/config: merges metadata, replaces the webhook list. */
export async function chateryUpdateConfig(caller: Caller, sessionId: string, input: z.output<typeof chateryConfigSchema>) {
  const session = await getSessionOrThrow(caller, sessionId);
  if (input.webhooks) {
    if (!callerCan(caller, "webhooks.manage")) throw new AppError("FORBIDDEN", "webhooks: you are not allowed to manage webhooks");
    await replaceSessionWebhooks(session, input.webhooks);
  }
  let metadata = session.metadata;
  if (input.metadata) {
    metadata = { ...(session.metadata as object), ...input.metadata } as Prisma.JsonValue;
    // Owner in the write's where (the session's, as resolved within the caller's scope).
    await db().whatsappSession.updateMany({ where: { id: session.id, ownerId: session.ownerId }, data: { metadata: metadata as Prisma.InputJsonValue } });
  }
  return { sessionId: session.sessionId, metadata: metadata ?? {}, webhooks: await webhooksOf(caller, session.id) };
}

/** GET /sessions/:sessionId/status in Chatery's shape. */
export async function chaterySessionStatus(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const live = getRuntime().sessions.live(session);
  return {
    sessionId: session.sessionId,
    status: CHATERY_STATUS[live.status],
    isConnected: live.status === "CONNECTED",
    phoneNumber: session.phoneNumber,
    name: session.profileName,
  };
}
