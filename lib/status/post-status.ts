import "server-only";
// Posts a status (story) through the durable send queue: WhatsApp needs the list of who may see it
// (statusJidList), by default every stored contact of the session.
import { generateMessageIDV2 } from "@whiskeysockets/baileys";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveMediaForSend } from "@/lib/media/resolve-media-for-send";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import type { StoredSend } from "@/lib/messages/stored-send";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import type { PostStatusInput } from "@/lib/status/status.schema";

export const STATUS_JID = "status@broadcast";

async function recipientsOf(session: { id: string; ownerId: string }, given: string[] | undefined): Promise<string[]> {
  if (given) {
    return [
      ...new Set(
        given.map((r, i) => {
          const jid = normalizeRecipient(r, { field: `recipients[${i}]` });
          if (!jid.endsWith("@s.whatsapp.net") && !jid.endsWith("@lid")) throw new AppError("BAD_REQUEST", `recipients[${i}]: '${r}' is not a person`);
          return jid;
        }),
      ),
    ];
  }
  const contacts = await db().contact.findMany({
    where: { sessionId: session.id, ownerId: session.ownerId, jid: { endsWith: "@s.whatsapp.net" } },
    select: { jid: true },
    take: 5000,
  });
  return contacts.map((c) => c.jid);
}

export async function postStatus(caller: Caller, input: PostStatusInput) {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const statusJidList = await recipientsOf(session, input.recipients);
  if (statusJidList.length === 0) throw new AppError("BAD_REQUEST", "recipients: the session has no stored contacts yet; give recipients[]");

  let content: Record<string, unknown>;
  let mediaField: StoredSend["mediaField"];
  let mediaId: string | null = null;
  if (input.type === "TEXT") {
    content = { text: input.content };
  } else {
    const kind = input.type === "IMAGE" ? "image" : "video";
    const media = await resolveMediaForSend(caller, input.mediaId ? { mediaId: input.mediaId } : { url: input.mediaUrl! }, kind);
    mediaId = media.mediaId;
    mediaField = kind;
    content = { [kind]: { mediaId: media.mediaId }, mimetype: media.mimetype, ...(input.content ? { caption: input.content } : {}) };
  }
  const payload: StoredSend = {
    v: 1,
    op: "send",
    content,
    ...(mediaField ? { mediaField } : {}),
    sendOptions: {
      statusJidList,
      broadcast: true,
      ...(input.type === "TEXT" && input.backgroundColor ? { backgroundColor: input.backgroundColor } : {}),
      ...(input.type === "TEXT" && input.font !== undefined ? { font: input.font } : {}),
    },
  };
  const me = session.phoneNumber ? `${session.phoneNumber}@s.whatsapp.net` : undefined;
  const keyId = generateMessageIDV2(me);
  const now = new Date();
  await db().message.create({
    data: {
      sessionId: session.id,
      ownerId: session.ownerId,
      remoteJid: STATUS_JID,
      keyId,
      fromMe: true,
      type: input.type,
      content: input.content ?? null,
      status: "PENDING",
      timestamp: now,
      mediaId,
      payload: payload as unknown as Prisma.InputJsonObject,
      sendAfter: now,
    },
  });
  getRuntime()
    .workers.find((w) => w.name === "send-queue")
    ?.wake();
  return { success: true, messageId: keyId, status: "PENDING" as const, recipients: statusJidList.length };
}
