// What the chat view works with: the API's own answers as they arrive over JSON (dates become
// strings), derived from the server's types so the two cannot drift apart.
import type { SocketEventPayload } from "@/lib/events/event-payloads";
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

// The Socket.io payloads, as the server defines them (lib/events/event-payloads.ts): `eventId` is
// the event's own id; message events name their message by `messageId`.
export type MessageEvent = SocketEventPayload<"message">;
export type MessageUpdateEvent = SocketEventPayload<"message.update">;
export type MessageRevokeEvent = SocketEventPayload<"message.revoke">;
export type MessageReactionEvent = SocketEventPayload<"message.reaction">;
export type ChatUpdateEvent = SocketEventPayload<"chat.update">;
export type PresenceEvent = SocketEventPayload<"presence.update">;
export type ConnectionEvent = SocketEventPayload<"connection.update">;

/** What the chat view forwards to the open thread: the session's message events, typed as sent, and
 * "resync" after the socket was away (events may have been missed). */
export type ThreadEvent =
  | { event: "message" | "message.sent"; data: MessageEvent }
  | { event: "message.update"; data: MessageUpdateEvent }
  | { event: "message.revoke"; data: MessageRevokeEvent }
  | { event: "message.reaction"; data: MessageReactionEvent }
  | { event: "resync" };
export type ThreadListener = (event: ThreadEvent) => void;
