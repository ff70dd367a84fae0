import "server-only";
// Tells every gateway process that some users' authority changed (API key revoked or rotated, staff
// unassigned, user deleted or suspended, session version bumped), so each can re-check the open
// Socket.io connections of those users at once instead of trusting what was checked at connect.
//
// On this node the change is delivered in-process, synchronously after the write committed (the fast
// path). It is also published with PostgreSQL NOTIFY on one channel, and every process LISTENs on a
// dedicated connection, so the same call reaches sockets held by other nodes sharing the database;
// a process ignores its own notifications (it already acted). The payload carries only user ids.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-prisma-client";

export const CALLER_CHANGE_CHANNEL = "wagate_caller_changed";

export type CallerChangeListener = (userIds: string[]) => void;

export interface CallerChangeBus {
  /** After commit: the given users (or tenants: an owner's id covers its staff) changed. */
  publish(userIds: string[]): Promise<void>;
  subscribe(listener: CallerChangeListener): () => void;
  stop(): Promise<void>;
}

export interface CallerChangeBusOptions {
  db: Db;
  /** Where to LISTEN; null on the embedded single-process database (no other node can exist). */
  listenUrl: string | null;
  logger: Logger;
}

export async function startCallerChangeBus({ db, listenUrl, logger }: CallerChangeBusOptions): Promise<CallerChangeBus> {
  const node = randomUUID();
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const deliver = (userIds: string[]) => {
    try {
      local.emit("change", userIds);
    } catch (error) {
      logger.error({ err: error }, "caller change listener failed");
    }
  };

  async function listen(): Promise<void> {
    if (!listenUrl || stopped) return;
    const c = new pg.Client({ connectionString: listenUrl });
    const reconnect = (error?: unknown) => {
      if (stopped || client !== c) return;
      client = null;
      if (error) logger.warn({ err: error }, "caller change LISTEN connection lost; reconnecting");
      c.end().catch(() => {});
      retry = setTimeout(() => void listen(), 1000);
      retry.unref();
    };
    c.on("error", reconnect);
    c.on("end", () => reconnect());
    c.on("notification", (message) => {
      if (message.channel !== CALLER_CHANGE_CHANNEL || !message.payload) return;
      try {
        const parsed = JSON.parse(message.payload) as { node?: string; userIds?: unknown };
        if (parsed.node === node || !Array.isArray(parsed.userIds)) return;
        deliver(parsed.userIds.filter((id): id is string => typeof id === "string"));
      } catch {
        logger.warn("malformed caller change notification ignored");
      }
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${CALLER_CHANGE_CHANNEL}`);
    } catch (error) {
      reconnect(error);
    }
  }
  await listen();

  return {
    async publish(userIds) {
      const ids = [...new Set(userIds.filter(Boolean))];
      if (ids.length === 0) return;
      deliver(ids);
      try {
        await db.$executeRaw`SELECT pg_notify(${CALLER_CHANGE_CHANNEL}, ${JSON.stringify({ node, userIds: ids })})`;
      } catch (error) {
        // Other nodes miss this one change; this node has already acted on it.
        logger.error({ err: error }, "caller change could not be published to other nodes");
      }
    },
    subscribe(listener) {
      local.on("change", listener);
      return () => local.off("change", listener);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
