import "server-only";
// The SQL of session leases (issue 16): which node may hold a session's WhatsApp connection. One
// statement per operation, each safe against every other node running the same statement at the
// same moment: a lease changes hands only inside `INSERT … ON CONFLICT DO UPDATE … WHERE <free>`,
// which PostgreSQL evaluates on the row's latest committed version under its row lock, so two
// nodes can never both win one session. Every change of hands increments the fencing token.
//
// Times are the database's clock (UTC, like claim-with-lease.ts), so nodes whose clocks disagree
// still agree on when a lease expired. Nodes measure their own safety margin locally
// (lib/cluster/cluster-coordinator.ts) from the moment they sent a renewal.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-prisma-client";

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const inMs = (ms: number) => Prisma.sql`${NOW} + make_interval(secs => ${Math.max(0, ms) / 1000}::double precision)`;

export interface HeldLease {
  sessionId: string;
  token: number;
}

/** Sessions the cluster should keep connected: paired (credentials stored) and not logged out. */
const WANTED = Prisma.sql`s."autoConnect" AND EXISTS (SELECT 1 FROM "wa_auth_entries" a WHERE a."sessionId" = s.id AND a.category = 'creds')`;
/** A lease nobody holds: never taken, released, or expired. */
const FREE = (l: string) => Prisma.raw(`(${l}."nodeId" IS NULL OR ${l}."expiresAt" <= (now() AT TIME ZONE 'UTC'))`);

/**
 * A write's fence, as an SQL condition: `lease` (this node's holder id and fencing token) still
 * holds the session. Status and credential writes carry it in their WHERE, so a node that lost the
 * session changes nothing its new holder wrote. FOR SHARE: a node taking the lease over waits for
 * a write in flight, and a write waiting on a take-over sees the new token. No lease: never true.
 */
export function holdsLeaseSql(sessionId: string, lease: { nodeId: string; token: number } | null): Prisma.Sql {
  if (!lease) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "session_leases" l
    WHERE l."sessionId" = ${sessionId} AND l."nodeId" = ${lease.nodeId} AND l.token = ${lease.token} FOR SHARE)`;
}

/** This node is alive: its heartbeat, stamped with the database's clock. */
export async function beat(db: Db, nodeId: string, address: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "cluster_nodes" (id, address, "startedAt", "heartbeatAt") VALUES (${nodeId}, ${address}, ${NOW}, ${NOW})
    ON CONFLICT (id) DO UPDATE SET "heartbeatAt" = ${NOW}, "stoppedAt" = NULL`;
}

/**
 * Extends every unexpired lease this node holds and returns them all: the caller compares with
 * what it runs (a lease missing here was lost; one it does not run was assigned to it by another
 * node for a new session).
 */
export async function renewLeases(db: Db, nodeId: string, leaseMs: number): Promise<HeldLease[]> {
  return db.$queryRaw<HeldLease[]>`
    UPDATE "session_leases" SET "expiresAt" = ${inMs(leaseMs)}, "updatedAt" = ${NOW}
    WHERE "nodeId" = ${nodeId} AND "expiresAt" > ${NOW}
    RETURNING "sessionId", token`;
}

/** Takes up to `limit` wanted sessions whose lease is free (never taken, released or expired). */
export async function claimFreeSessions(db: Db, nodeId: string, leaseMs: number, limit: number): Promise<HeldLease[]> {
  if (limit <= 0) return [];
  return db.$queryRaw<HeldLease[]>`
    INSERT INTO "session_leases" ("sessionId", "nodeId", "expiresAt", token, "updatedAt")
    SELECT s.id, ${nodeId}, ${inMs(leaseMs)}, 1, ${NOW}
    FROM "whatsapp_sessions" s LEFT JOIN "session_leases" l ON l."sessionId" = s.id
    WHERE ${WANTED} AND (l."sessionId" IS NULL OR ${FREE("l")})
    ORDER BY random()
    LIMIT ${Math.floor(limit)}::int
    ON CONFLICT ("sessionId") DO UPDATE
      SET "nodeId" = EXCLUDED."nodeId", "expiresAt" = EXCLUDED."expiresAt", token = "session_leases".token + 1, "updatedAt" = EXCLUDED."updatedAt"
      WHERE ${FREE("session_leases")}
    RETURNING "sessionId", token`;
}

/**
 * Gives a free session's lease to `nodeId` (a connect request picked it); returns the holder
 * afterwards, which is another node when the lease was not free.
 */
export async function assignLease(db: Db, sessionId: string, nodeId: string, leaseMs: number): Promise<{ nodeId: string; token: number } | null> {
  await db.$executeRaw`
    INSERT INTO "session_leases" ("sessionId", "nodeId", "expiresAt", token, "updatedAt")
    VALUES (${sessionId}, ${nodeId}, ${inMs(leaseMs)}, 1, ${NOW})
    ON CONFLICT ("sessionId") DO UPDATE
      SET "nodeId" = EXCLUDED."nodeId", "expiresAt" = EXCLUDED."expiresAt", token = "session_leases".token + 1, "updatedAt" = EXCLUDED."updatedAt"
      WHERE ${FREE("session_leases")}`;
  return leaseHolder(db, sessionId);
}

/** Who holds the session's lease now (null when nobody does). */
export async function leaseHolder(db: Db, sessionId: string): Promise<{ nodeId: string; token: number } | null> {
  const rows = await db.$queryRaw<{ nodeId: string; token: number }[]>`
    SELECT "nodeId", token FROM "session_leases" WHERE "sessionId" = ${sessionId} AND "nodeId" IS NOT NULL AND "expiresAt" > ${NOW}`;
  return rows[0] ?? null;
}

/** Gives leases back (after their sockets were closed), so other nodes may take them at once. */
export async function releaseLeases(db: Db, nodeId: string, sessionIds: string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "session_leases" SET "nodeId" = NULL, "expiresAt" = ${NOW}, "updatedAt" = ${NOW}
    WHERE "nodeId" = ${nodeId} AND "sessionId" IN (${Prisma.join(sessionIds)})`;
}

export async function markNodeStopped(db: Db, nodeId: string): Promise<void> {
  await db.$executeRaw`UPDATE "cluster_nodes" SET "stoppedAt" = ${NOW} WHERE id = ${nodeId}`;
}

export interface ClusterLoad {
  /** Live nodes (recent heartbeat, not stopped) and how many unexpired leases each holds. */
  nodes: { id: string; sessions: number }[];
  /** Wanted sessions with a free lease. */
  free: number;
  /** Sessions with an unexpired lease, on any node. */
  held: number;
}

/** The figures a node needs to decide how many sessions to take or give away this round. */
export async function clusterLoad(db: Db, liveWithinMs: number): Promise<ClusterLoad> {
  const nodes = await db.$queryRaw<{ id: string; sessions: number }[]>`
    SELECT n.id, (SELECT count(*)::int FROM "session_leases" l WHERE l."nodeId" = n.id AND l."expiresAt" > ${NOW}) AS sessions
    FROM "cluster_nodes" n
    WHERE n."stoppedAt" IS NULL AND n."heartbeatAt" > ${NOW} - make_interval(secs => ${liveWithinMs / 1000}::double precision)
    ORDER BY n.id`;
  const [counts] = await db.$queryRaw<{ free: number; held: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "whatsapp_sessions" s LEFT JOIN "session_leases" l ON l."sessionId" = s.id
        WHERE ${WANTED} AND (l."sessionId" IS NULL OR ${FREE("l")})) AS free,
      (SELECT count(*)::int FROM "session_leases" WHERE "nodeId" IS NOT NULL AND "expiresAt" > ${NOW}) AS held`;
  return { nodes, free: counts.free, held: counts.held };
}

export interface ClusterNodeReport {
  id: string;
  address: string;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  sessions: number;
}

/** Every node seen in the last day, newest first, with the sessions it holds now (the health report). */
export async function listClusterNodes(db: Db): Promise<ClusterNodeReport[]> {
  return db.$queryRaw<ClusterNodeReport[]>`
    SELECT n.id, n.address, n."startedAt", n."heartbeatAt", n."stoppedAt",
      (SELECT count(*)::int FROM "session_leases" l WHERE l."nodeId" = n.id AND l."expiresAt" > ${NOW}) AS sessions
    FROM "cluster_nodes" n
    WHERE n."heartbeatAt" > ${NOW} - interval '1 day'
    ORDER BY n."startedAt" DESC`;
}
