// The process-wide objects, created once by server.ts and reached from route handlers, server
// components and workers through this one getter. They live on globalThis because Next's bundles
// load their own copies of every module: a module-level singleton would exist three times.
import type { Server as SocketIOServer } from "socket.io";
import type { ClusterCoordinator } from "@/lib/cluster/cluster-coordinator";
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import type { CallerChangeBus } from "@/lib/realtime/caller-change-bus";
import type { Sandbox } from "@/lib/sandbox/start-sandbox";
import type { SessionManager } from "@/lib/whatsapp/session-manager";

export interface Worker {
  name: string;
  /**
   * Something changed that the worker may want to act on now rather than at its next poll;
   * `sessionId` (internal id), when given, says whose work it is (the send queue wakes only that lane).
   */
  wake(sessionId?: string): void;
  stop(): Promise<void>;
}

export interface Runtime {
  db: Db;
  io: SocketIOServer | null;
  sessions: SessionManager;
  outbox: EventOutbox;
  /** Background workers (send queue, webhook delivery, …): started after listen, stopped on shutdown. */
  workers: Worker[];
  /** The emulated WhatsApp network in sandbox mode; null when connected to WhatsApp. */
  sandbox: Sandbox | null;
  /** The database URL in use (the embedded one when DATABASE_URL is unset). */
  databaseUrl: string;
  embeddedDatabase: boolean;
  startedAt: Date;
  /** Revocations for open sockets (issue 9): in-process and over PostgreSQL NOTIFY. */
  callerChanges?: CallerChangeBus;
  /** This node's part in a cluster of gateways (issue 16); null on a single node. */
  cluster?: ClusterCoordinator | null;
  /** What carries Socket.io between the nodes (lib/realtime/attach-cluster-adapter.ts); null on a single node. */
  clusterAdapter?: "postgres" | "redis" | null;
}

const holder = globalThis as unknown as { __wagateRuntime?: Runtime };

export function setRuntime(runtime: Runtime): void {
  holder.__wagateRuntime = runtime;
}

export function getRuntime(): Runtime {
  const runtime = holder.__wagateRuntime;
  if (!runtime) throw new Error("Wagate runtime is not initialised: start the gateway with server.ts");
  return runtime;
}

export function db(): Db {
  return getRuntime().db;
}
