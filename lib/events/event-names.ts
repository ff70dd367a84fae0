// Event names. Internally (Socket.io, the outbox) events carry Chatery's names; webhook filters
// accept those, Ultimate WhatsApp Gateway's and Chatery's webhook aliases, `*`/`all`, and `prefix.*` wildcards.

/** Ultimate WhatsApp Gateway's names for our internal events, where they differ. */
const API_EVENT_NAME: Record<string, string> = {
  message: "message.received",
  "message.update": "message.status",
  "group.upsert": "group.update",
  "group.participants": "group.update",
  "status.update": "status.update",
};

/** Names in filters that mean an internal event (Ultimate WhatsApp Gateway and Chatery's webhook names). */
const ALIASES: Record<string, string[]> = {
  "message.received": ["message"],
  "message.status": ["message.update"],
  message_ack: ["message.update"],
  "group.update": ["group.update", "group.upsert", "group.participants"],
  "group-participants.update": ["group.participants"],
  "messages.upsert": ["message", "message.sent"],
  "connection.update": ["connection.update", "qr", "logged.out"],
};

/** The name an Ultimate WhatsApp Gateway-style consumer sees for an internal event. */
export function apiEventName(internal: string): string {
  return API_EVENT_NAME[internal] ?? internal;
}

/** Whether a webhook with these filters wants this internal event. An empty list wants nothing. */
export function eventMatches(filters: readonly string[], internal: string): boolean {
  for (const raw of filters) {
    const filter = raw.trim();
    if (filter === "*" || filter === "all") return true;
    if (filter === internal) return true;
    if (ALIASES[filter]?.includes(internal)) return true;
    if (filter.endsWith(".*") && internal.startsWith(filter.slice(0, -1))) return true;
  }
  return false;
}

/** Every internal event the gateway emits (documented in the README and the dashboard picker). */
export const INTERNAL_EVENTS = [
  "qr",
  "connection.update",
  "logged.out",
  "message",
  "message.sent",
  "message.update",
  "message.reaction",
  "message.revoke",
  "status.update",
  "chat.upsert",
  "chat.update",
  "chat.delete",
  "contact.update",
  "presence.update",
  "group.upsert",
  "group.update",
  "group.participants",
  "call",
  "history.sync",
  "profile.picture.restored",
  // automation (lib/autoreplies, lib/schedules)
  "autoreply.hit",
  "schedule.update",
  // bulk sending (lib/campaigns)
  "campaign.started",
  "campaign.progress",
  "campaign.paused",
  "campaign.resumed",
  "campaign.completed",
  "campaign.cancelled",
] as const;

/** Every name a webhook filter may use: internal names, their Ultimate WhatsApp Gateway and Chatery aliases, `*`, `all`. */
export function knownEventFilters(): string[] {
  return [...new Set(["*", "all", ...INTERNAL_EVENTS, ...Object.values(API_EVENT_NAME), ...Object.keys(ALIASES)])];
}

/** Whether a filter can ever match: a known name, or `prefix.*` where some internal event has the prefix. */
export function isKnownEventFilter(raw: string): boolean {
  const filter = raw.trim();
  if (filter.endsWith(".*")) return INTERNAL_EVENTS.some((name) => name.startsWith(filter.slice(0, -1)));
  return knownEventFilters().includes(filter);
}
