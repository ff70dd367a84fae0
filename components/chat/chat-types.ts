// What the chat view works with: the API's own answers as they arrive over JSON (dates become
// strings), derived from the server's types so the two cannot drift apart.
import type { listChats } from "@/lib/messages/list-chats";
import type { PublicMessage } from "@/lib/messages/public-message";
import type { UploadedMedia } from "@/lib/media/upload-media";

type Jsonified<T> = T extends Date ? string : T extends Array<infer U> ? Array<Jsonified<U>> : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

/** One row of GET /api/chat/[sessionId]. */
export type ChatSummary = Jsonified<Awaited<ReturnType<typeof listChats>>[number]>;

/** One message of GET /api/chat/[sessionId]/[jid]. */
export type ChatMessage = Jsonified<PublicMessage>;
export type MessageStatus = ChatMessage["status"];
export type MessageType = ChatMessage["type"];

/**
 * A message as the thread shows it: the stored one, or one the user has just sent that the server
 * has not listed yet. `localId` marks the latter; `preview` is a local object URL for an attachment
 * that is still uploading.
 */
export type ThreadMessage = ChatMessage & { localId?: string; preview?: { url: string; mimetype: string; fileName: string } };

export type UploadedFile = Jsonified<UploadedMedia>;

/** The session as the chat page needs it. */
export interface ChatSession {
  sessionId: string;
  name: string;
  status: string;
  phoneNumber: string | null;
}

/** Fields every Socket.io event carries (lib/events/event-outbox.ts): `id` is the event's own id. */
interface EventBase {
  id: string;
  sessionId: string;
  timestamp: string;
}

export interface MessageEvent extends EventBase {
  remoteJid: string | null;
  from: string | null;
  fromMe: boolean;
  pushName: string | null;
  type: MessageType;
  text: string | null;
  quoteId: string | null;
  /** The WhatsApp message id, when the gateway sends it beside the event id. */
  messageId?: string;
  keyId?: string;
}

export interface MessageUpdateEvent extends EventBase {
  remoteJid: string | null;
  status: MessageStatus;
  reason?: string;
  messageId?: string;
  keyId?: string;
}

export interface RemoteJidEvent extends EventBase {
  remoteJid?: string | null;
  jid?: string | null;
}

export interface ChatUpdateEvent extends EventBase {
  jid: string;
  name?: string;
  unreadCount?: number;
}

export interface PresenceEvent extends EventBase {
  jid: string;
  presences: Record<string, { lastKnownPresence?: string }>;
}

export interface ConnectionEvent extends EventBase {
  status?: string;
}
