// Events that change nothing stored — presence and calls — are announced without a transaction
// (EventOutbox.announce: written only when a webhook wants them, issue 10 and 18).
import type { BaileysEventMap } from "@whiskeysockets/baileys";
import type { PendingEvent } from "@/lib/events/event-outbox";

export const ANNOUNCED_ONLY = ["presence.update", "call"] as const;

export function announcedEvents(events: Partial<BaileysEventMap>): PendingEvent[] {
  const out: PendingEvent[] = [];
  const presence = events["presence.update"];
  if (presence) out.push({ event: "presence.update", data: { jid: presence.id, presences: presence.presences } });
  for (const call of events.call ?? []) {
    out.push({ event: "call", data: { id: call.id, from: call.from, status: call.status, isVideo: call.isVideo ?? false, isGroup: call.isGroup ?? false } });
  }
  return out;
}
