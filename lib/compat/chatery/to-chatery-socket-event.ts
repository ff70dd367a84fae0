// Our internal event as Chatery's Socket.io catalogue shapes it: the event's own data nested under
// its documented key (`message`, `update`, `chats`, …), lowercase connection statuses with
// `phoneNumber` and `name`, and the QR as a data URL in `qrCode`. Pure except for drawing the QR.
import { CHATERY_STATUS } from "@/lib/sessions/sessions.schema";
import { qrDataUrl } from "@/lib/sessions/qr-data-url";

/** Where Chatery nests each event's data. Events not listed keep their fields at the top level. */
const NESTED_UNDER: Record<string, string> = {
  message: "message",
  "message.sent": "message",
  "message.update": "update",
  "message.reaction": "reactions",
  "chat.update": "chats",
  "chat.upsert": "chats",
  "contact.update": "contacts",
  "presence.update": "presence",
  "group.participants": "update",
  "group.update": "update",
  "group.upsert": "update",
  call: "call",
  labels: "labels",
};

export interface ChaterySessionInfo {
  phoneNumber: string | null;
  name: string | null;
}

export async function toChaterySocketEvent(
  event: string,
  data: Record<string, unknown>,
  meta: { sessionId: string; timestamp: string },
  session: ChaterySessionInfo | null,
): Promise<Record<string, unknown>> {
  const base = { sessionId: meta.sessionId, timestamp: meta.timestamp };
  if (event === "qr") return { ...base, qrCode: await qrDataUrl(typeof data.qr === "string" ? data.qr : null) };
  if (event === "connection.update") {
    const status = typeof data.status === "string" ? (CHATERY_STATUS[data.status] ?? data.status.toLowerCase()) : "disconnected";
    return { ...base, status, ...(session?.phoneNumber ? { phoneNumber: session.phoneNumber } : {}), ...(session?.name ? { name: session.name } : {}) };
  }
  if (event === "logged.out") return { ...base, message: typeof data.reason === "string" ? data.reason : "Logged out" };
  const key = NESTED_UNDER[event];
  if (!key) return { ...data, ...base };
  // A message event's data is the message (its own `message` field is WhatsApp's content); other
  // data that already carries its list under the key (e.g. { chats: [...] }) is not nested twice.
  const value = key !== "message" && key in data ? data[key] : data;
  return { ...base, [key]: value };
}
