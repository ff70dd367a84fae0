// What every part of the message store works with: the batch's transaction, the session, its
// settings, and the list of events the batch will record (in the order they happened).
import type { WAMessage, WASocket } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import type { SqlRunner } from "@/lib/db/direct-sql";
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { SendsAwaitingEcho, TakenSend } from "@/lib/messages/sends-awaiting-echo";
import type { SessionRef } from "@/lib/sessions/session-ref";
import type { SessionConfig } from "@/lib/sessions/sessions.schema";

export interface StoreContext {
  /** The batch's transaction: raw statements only (lib/db/direct-sql.ts, directTransaction). */
  db: SqlRunner;
  outbox: EventOutbox;
  ref: SessionRef;
  config: SessionConfig;
  sock: WASocket;
  logger: Logger;
  /** Receipts that arrived before the message they acknowledge was stored (keyId → status). */
  earlyStatuses: Map<string, MessageStatus>;
  /** When each incoming stanza reached the socket (ms since epoch), by message id; used once. */
  arrivals?: Map<string, number>;
  /** Push names already stored per contact jid: a contact row is written only when it changes. */
  knownPushNames?: Map<string, string>;
  saveIncomingMedia?: (session: SessionRef, msg: WAMessage, sock: WASocket) => Promise<{ mediaId: string } | null>;
  /** Our sends WhatsApp accepted, waiting for Baileys' echo to write their SENT (issue 10). */
  sendsAwaitingEcho?: SendsAwaitingEcho;
  /** The batch's echoed sends, taken from sendsAwaitingEcho (handed back if the batch fails). */
  echoedSends?: EchoedSend[];
  /** The client outside any transaction (afterCommit work must not use a finished `tx`). */
  rootDb?: Db;
}

/** An echoed send as its echo stored it: `moved` when this batch moved it to SENT. */
export type EchoedSend = TakenSend & { moved: boolean; remoteJid: string };

/** A receipt an echo's statement wrote with it: the status it moved to, or false when it was no step forward. */
export type StatusMove = { status: MessageStatus } | false;

/** Adds an event to the batch's list, in the order things happened. */
export type Publish = (event: string, data: Record<string, unknown>) => void;

/** WhatsApp I/O (read receipts, media downloads) to run once the batch has committed. */
export type AfterCommit = Array<() => Promise<unknown>>;

/** WhatsApp's numeric message statuses → ours. Statuses only move forward. */
export const STATUS_BY_ACK: Record<number, MessageStatus> = { 0: "FAILED", 1: "PENDING", 2: "SENT", 3: "DELIVERED", 4: "READ", 5: "READ" };
export const STATUS_RANK: Record<MessageStatus, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: -1 };

/** STATUS_RANK of a status expression, in SQL. */
export const rankSql = (status: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`CASE ${status} ${Prisma.raw(
    Object.entries(STATUS_RANK)
      .map(([name, rank]) => `WHEN '${name}' THEN ${rank}`)
      .join(" "),
  )} END`;

/** WhatsApp's seconds (a number or a Long) as a Date; now when absent. */
export const toDate = (t: unknown): Date => {
  const n = typeof t === "number" ? t : Number((t as { toString(): string } | null | undefined)?.toString() ?? 0);
  return n > 0 ? new Date(n * 1000) : new Date();
};

/** PostgreSQL's time without zone, as Prisma stores DateTime (UTC): the text, so no session time zone applies. */
export const utc = (d: Date) => d.toISOString().slice(0, -1);

/** The current time as the store writes it (UTC, without zone), for `updatedAt` and the like. */
export const NOW_SQL = Prisma.raw("(now() AT TIME ZONE 'UTC')");
