// An incoming message event as Clevio's webhook receives it: flat `from`, `to`, `body`, `type`
// (chat, image, document, …), Unix `timestamp`, `group`, and for media its `filename`, `mimetype`
// and `caption`. Pure: the webhook builder calls it for webhooks whose format is "clevio".

/** WhatsApp Web's c.us form, which Clevio's receivers (and n8n flows written for it) expect. */
const toCUs = (jid: string | null | undefined) => (jid ? jid.replace(/@s\.whatsapp\.net$/, "@c.us") : null);

const CLEVIO_TYPE: Record<string, string> = {
  TEXT: "chat",
  IMAGE: "image",
  VIDEO: "video",
  AUDIO: "audio",
  DOCUMENT: "document",
  STICKER: "sticker",
  LOCATION: "location",
  CONTACT: "vcard",
  POLL: "poll_creation",
};

type Media = { mimetype?: string | null; fileName?: string | null; caption?: string | null };

function mediaOf(message: Record<string, unknown> | null): Media | null {
  if (!message) return null;
  for (const key of ["imageMessage", "videoMessage", "audioMessage", "documentMessage", "stickerMessage", "documentWithCaptionMessage"]) {
    const inner = message[key] as Record<string, unknown> | undefined;
    if (!inner) continue;
    const m =
      (key === "documentWithCaptionMessage" ? ((inner.message as Record<string, unknown> | undefined)?.documentMessage as Record<string, unknown>) : inner) ??
      {};
    return { mimetype: (m.mimetype as string) ?? null, fileName: (m.fileName as string) ?? null, caption: (m.caption as string) ?? null };
  }
  return null;
}

export function toClevioWebhookPayload(
  data: Record<string, unknown>,
  session: { sessionId: string; phoneNumber?: string | null },
  media?: { base64: string } | null,
): Record<string, unknown> {
  const remoteJid = typeof data.remoteJid === "string" ? data.remoteJid : null;
  const group = remoteJid?.endsWith("@g.us") ?? false;
  const found = mediaOf((data.message as Record<string, unknown> | null) ?? null);
  const own = session.phoneNumber ? `${session.phoneNumber.replace(/^\+/, "")}@c.us` : null;
  const fromMe = data.fromMe === true;
  return {
    sessionId: session.sessionId,
    from: fromMe ? own : toCUs(group ? remoteJid : ((data.from as string) ?? remoteJid)),
    to: fromMe ? toCUs(remoteJid) : own,
    body: typeof data.text === "string" ? data.text : "",
    type: CLEVIO_TYPE[String(data.type)] ?? String(data.type ?? "chat").toLowerCase(),
    timestamp: typeof data.timestamp === "number" ? Math.floor(data.timestamp) : Math.floor(Date.now() / 1000),
    group,
    ...(group && typeof data.participant === "string" ? { author: toCUs(data.participant) } : {}),
    ...(found
      ? {
          ...(media ? { media: media.base64 } : {}),
          filename: found.fileName ?? null,
          mimetype: found.mimetype ?? null,
          caption: found.caption ?? null,
        }
      : {}),
  };
}
