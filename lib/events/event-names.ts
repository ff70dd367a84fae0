// Event names. Internally (Socket.io, the outbox) events carry seed 003's names; webhook filters
// accept those, seed 001's and seed 003's webhook aliases, `*`/`all`, and `prefix.*` wildcards.

/** Seed 001's names for our internal events, where they differ. */
const SEED_001_NAME: Record<string, string> = {
  message: "message.received",
  "message.update": "message.status",
  "group.upsert": "group.update",
  "group.participants": "group.update",
  "status.update": "status.update",
};

/** Names in filters that mean an internal event (seed 001 and seed 003's webhook names). */
const ALIASES: Record<string, string[]> = {
  "message.received": ["message"],
  "message.status": ["message.update"],
  message_ack: ["message.update"],
  "group.update": ["group.update", "group.upsert", "group.participants"],
  "group-participants.update": ["group.participants"],
  "messages.upsert": ["message", "message.sent"],
  "connection.update": ["connection.update", "qr", "logged.out"],
};

/** The name a seed 001-style consumer sees for an internal event. */
export function seed001Name(internal: string): string {
  return SEED_001_NAME[internal] ?? internal;
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
  // bulk sending (lib/campaigns)
  "campaign.started",
  "campaign.progress",
  "campaign.paused",
  "campaign.resumed",
  "campaign.completed",
  "campaign.cancelled",
] as const;
