// What a reply-enabled webhook's answer asks us to send back (Clevio): a plain-text body, a JSON
// `{ "text" }`, or a JSON `{ "media": "<base64>", "mimetype", "caption", "filename" }`. Anything
// else — an empty body, HTML, JSON without either field (n8n's "Workflow was started") — is no
// reply. Pure.

export const MAX_REPLY_TEXT_CHARS = 65_536;

export type WebhookReply =
  | { kind: "text"; text: string }
  | { kind: "media"; bytes: Buffer; mimetype: string; caption?: string; fileName?: string }
  | { kind: "none" }
  | { kind: "invalid"; reason: string };

function isPlainText(contentType: string): boolean {
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type === "" || type === "text/plain";
}

function fromJson(value: unknown, maxMediaBytes: number): WebhookReply {
  if (typeof value === "string") return textReply(value);
  if (!value || typeof value !== "object" || Array.isArray(value)) return { kind: "none" };
  const v = value as Record<string, unknown>;
  if (typeof v.media === "string" && v.media.length > 0) {
    const encoded = v.media.replace(/^data:[^;,]*;base64,/, "").replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(encoded)) return { kind: "invalid", reason: "media is not base64" };
    if (Math.floor((encoded.length * 3) / 4) > maxMediaBytes + 3) return { kind: "invalid", reason: `media is larger than ${maxMediaBytes} bytes` };
    const bytes = Buffer.from(encoded, "base64");
    if (bytes.length === 0) return { kind: "invalid", reason: "media is empty" };
    if (bytes.length > maxMediaBytes) return { kind: "invalid", reason: `media is larger than ${maxMediaBytes} bytes` };
    const mimetype = typeof v.mimetype === "string" && /^[\w.+-]+\/[\w.+-]+$/.test(v.mimetype.trim()) ? v.mimetype.trim().toLowerCase() : null;
    if (!mimetype) return { kind: "invalid", reason: "media needs a mimetype such as image/png" };
    const caption = typeof v.caption === "string" && v.caption.trim() ? v.caption.slice(0, 4096) : undefined;
    const rawName = typeof v.filename === "string" ? v.filename : typeof v.fileName === "string" ? v.fileName : undefined;
    const fileName = rawName?.trim() ? rawName.trim().replace(/[/\\]/g, "_").slice(0, 200) : undefined;
    return { kind: "media", bytes, mimetype, caption, fileName };
  }
  if (typeof v.text === "string") return textReply(v.text);
  return { kind: "none" };
}

function textReply(text: string): WebhookReply {
  if (!text.trim()) return { kind: "none" };
  if (text.length > MAX_REPLY_TEXT_CHARS) return { kind: "invalid", reason: `text is longer than ${MAX_REPLY_TEXT_CHARS} characters` };
  return { kind: "text", text };
}

export function parseWebhookReply(body: Buffer, contentType: string, maxMediaBytes: number): WebhookReply {
  const raw = body.toString("utf8");
  if (!raw.trim()) return { kind: "none" };
  const type = contentType.split(";")[0].trim().toLowerCase();
  const looksJson = type === "application/json" || type.endsWith("+json") || (isPlainText(contentType) && /^\s*[{"]/.test(raw));
  if (looksJson) {
    try {
      return fromJson(JSON.parse(raw), maxMediaBytes);
    } catch {
      if (type === "application/json" || type.endsWith("+json")) return { kind: "invalid", reason: "the answer is not valid JSON" };
    }
  }
  if (!isPlainText(contentType)) return { kind: "none" };
  return textReply(raw.trim());
}

/** Which send-queue message kind carries media of this type. */
export function mediaKindOf(mimetype: string): "image" | "video" | "audio" | "document" {
  if (mimetype.startsWith("image/") && mimetype !== "image/svg+xml") return "image";
  if (mimetype.startsWith("video/")) return "video";
  if (mimetype.startsWith("audio/")) return "audio";
  return "document";
}

/**
 * The chat a reply goes to: the sender of an incoming 1:1 message. Null for anything else — our own
 * messages (never answer ourselves), groups, broadcasts, status updates, newsletters.
 */
export function replyTargetOf(event: string, data: unknown): string | null {
  if (event !== "message" || !data || typeof data !== "object") return null;
  const d = data as { fromMe?: unknown; remoteJid?: unknown };
  if (d.fromMe !== false || typeof d.remoteJid !== "string") return null;
  return /^[^@\s]+@(s\.whatsapp\.net|lid)$/.test(d.remoteJid) ? d.remoteJid : null;
}
