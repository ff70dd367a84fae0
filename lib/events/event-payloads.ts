// What each event carries: the `data` the server records in the outbox (and webhooks receive), and
// the payload Socket.io clients get, which is that data plus the envelope the outbox adds. Defined
// once here for the server code that emits events and the dashboard that listens to them, so this
// file imports types only and nothing server-only.
import type { INTERNAL_EVENTS } from "@/lib/events/event-names";
import type { MessageStatus, MessageType, SessionStatus } from "@/lib/generated/prisma/enums";

/** What lib/events/event-outbox.ts adds to every event it pushes over Socket.io. */
export interface EventEnvelope {
  /** The event's own id (the events table's row). */
  eventId: string;
  /** The session's public sessionId. */
  sessionId: string;
  /** When the event was recorded, ISO 8601. */
  timestamp: string;
}

/** The WhatsApp message an event is about. `id` repeats `messageId` for consumers that read `id`. */
interface AboutMessage {
  /** The WhatsApp message id (Message.keyId). */
  messageId: string;
  id: string;
  remoteJid: string | null;
  fromMe: boolean;
}

/** `message` (received), `message.sent` (sent from this session, here or on the phone), `status.update`. */
export interface MessageEventData extends AboutMessage {
  /** The sender: null for our own messages. */
  from: string | null;
  participant: string | null;
  pushName: string | null;
  type: MessageType;
  text: string | null;
  /** The id of the message this one quotes. */
  quoteId: string | null;
  /** `message.sent` of a campaign's send: the campaign (lib/campaigns). */
  campaignId?: string;
  /** Baileys' message content, as JSON. */
  message: unknown;
  // The recorded data also has the message's `timestamp` in seconds; on Socket.io the envelope's
  // ISO `timestamp` replaces it.
}

/** `message.update`: a status change (receipts, the send queue), or an edit by its sender. */
export interface MessageUpdateEventData extends AboutMessage {
  /** Absent on an edit. */
  status?: MessageStatus;
  /** Why a send FAILED. */
  reason?: string;
  /** Who read or received it, in a group. */
  participant?: string | null;
  edited?: boolean;
  /** The new text of an edited message. */
  text?: string | null;
  /** A campaign's send: its campaign, on every status (SENT, DELIVERED, READ, FAILED). */
  campaignId?: string;
}

/** `message.revoke`: deleted for everyone; with antiDelete on, `kept` and the content. */
export interface MessageRevokeEventData extends AboutMessage {
  kept: boolean;
  type?: MessageType | null;
  content?: string | null;
}

/** `message.reaction`: an emoji on a message (empty: the reaction was removed). */
export interface MessageReactionEventData {
  targetId: string | null | undefined;
  remoteJid: string | null | undefined;
  reaction: string | null;
  from: string | null;
}

export interface ChatUpsertEventData {
  jid: string;
  name: string | null;
}

export interface ChatUpdateEventData {
  jid: string;
  name?: string | null;
  unreadCount?: number | null;
}

export interface ChatDeleteEventData {
  jid: string;
}

export interface ContactUpdateEventData {
  jid: string;
  name: string | null;
  notify: string | null;
  imgUrl: string | null;
}

export interface PresenceEventData {
  jid: string;
  /** Per participant (the contact itself in a one-to-one chat). */
  presences: Record<string, { lastKnownPresence?: string; lastSeen?: number }>;
}

export interface ConnectionEventData {
  status: SessionStatus;
  reason: string | null;
  hasQr: boolean;
}

export interface QrEventData {
  qr: string;
}

export interface LoggedOutEventData {
  reason: string | null;
}

export interface HistorySyncEventData {
  chats: number;
  contacts: number;
  messages: number;
}

export interface CallEventData {
  id: string;
  from: string;
  status: string;
  isVideo: boolean;
  isGroup: boolean;
}

export interface ProfilePictureRestoredEventData {
  url: string;
}

/** A campaign's life (lib/campaigns): its id and name, and what changed (status, statistics, total…). */
export type CampaignEventData = { campaignId: string; name: string } & Record<string, unknown>;

/** Every event with a payload of its own; group events keep Baileys' shapes (`jid` plus its fields). */
export interface EventData {
  message: MessageEventData;
  "message.sent": MessageEventData;
  "status.update": MessageEventData;
  "message.update": MessageUpdateEventData;
  "message.revoke": MessageRevokeEventData;
  "message.reaction": MessageReactionEventData;
  "chat.upsert": ChatUpsertEventData;
  "chat.update": ChatUpdateEventData;
  "chat.delete": ChatDeleteEventData;
  "contact.update": ContactUpdateEventData;
  "presence.update": PresenceEventData;
  "connection.update": ConnectionEventData;
  qr: QrEventData;
  "logged.out": LoggedOutEventData;
  "history.sync": HistorySyncEventData;
  call: CallEventData;
  "profile.picture.restored": ProfilePictureRestoredEventData;
  "group.upsert": { jid: string; subject?: string | null };
  "group.update": { jid: string } & Record<string, unknown>;
  "group.participants": { jid: string; action: string; participants: unknown[]; author?: string | null };
  "autoreply.hit": { ruleId: string; hitCount: number; lastHitAt: string; incomingId: string; replyId: string; remoteJid: string };
  "campaign.started": CampaignEventData;
  "campaign.progress": CampaignEventData;
  "campaign.paused": CampaignEventData;
  "campaign.resumed": CampaignEventData;
  "campaign.completed": CampaignEventData;
  "campaign.cancelled": CampaignEventData;
  "schedule.update": {
    id: string;
    status: string;
    created?: boolean;
    firedAt?: string;
    messageId?: string | null;
    nextFireAt?: string | null;
    error?: string | null;
  };
}

export type EventName = keyof EventData;

/** What a Socket.io client receives for event `E`. */
export type SocketEventPayload<E extends EventName> = EventData[E] & EventEnvelope;

/** Fails to compile when INTERNAL_EVENTS and EventData name different events: add the payload here. */
type SameKeys<A extends PropertyKey, B extends PropertyKey> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type EveryInternalEventHasAPayload = Assert<SameKeys<EventName, (typeof INTERNAL_EVENTS)[number]>>;
