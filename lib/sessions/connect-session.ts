import "server-only";
import type { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, getRuntime } from "@/lib/server/runtime";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { toPublicSession } from "@/lib/sessions/public-session";
import type { connectSessionSchema } from "@/lib/sessions/sessions.schema";
import { replaceSessionWebhooks } from "@/lib/webhooks/replace-session-webhooks";

/**
 * Starts the session's WhatsApp connection (or leaves a connected one alone) and answers with its
 * status and, while it waits to be scanned, the QR code. Metadata given here is merged into the
 * session's and travels with its events (Chatery); `webhooks` given here become the session's
 * Chatery-style webhook list.
 */
export async function connectSession(caller: Caller, idOrSessionId: string, input: z.infer<typeof connectSessionSchema>) {
  let session = await getSessionOrThrow(caller, idOrSessionId);
  if (input.webhooks) await replaceSessionWebhooks(session, input.webhooks);
  if (input.metadata) {
    const metadata = { ...(session.metadata as object), ...input.metadata } as Prisma.InputJsonValue;
    await db().whatsappSession.updateMany({ where: { id: session.id, ...sessionScope(caller) }, data: { metadata } });
    session = { ...session, metadata: metadata as Prisma.JsonValue };
  }
  // Several nodes: connected on another node, its QR code comes from there.
  const live = await getLiveState(session, await getRuntime().sessions.connect(session));
  return toPublicSession(session, live, { includeQr: true });
}
