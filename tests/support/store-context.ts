// The message store's context as a session gives it (lib/store/store-context.ts), for tests that
// play Baileys' events through handleStoreEvents against a real database without a socket: no
// WhatsApp I/O, a silent logger, empty caches unless the test hands its own in.
import type { WASocket } from "@whiskeysockets/baileys";
import pino from "pino";
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import type { SessionRef } from "@/lib/sessions/session-ref";
import type { StoreContext } from "@/lib/store/handle-store-events";

export function storeContext(db: Db, outbox: EventOutbox, ref: SessionRef, parts: Partial<Omit<StoreContext, "db" | "outbox" | "ref">> = {}) {
  return { db, outbox, ref, config: {}, sock: {} as WASocket, logger: pino({ level: "silent" }), earlyStatuses: new Map(), ...parts };
}
