import "server-only";
// What GET /api/health adds on a cluster node (issue 16): this node's id for everyone (a load
// balancer's health check can tell nodes apart), and for a caller who may read metrics (the
// superadmin) every node seen in the last day with its sessions and last heartbeat, and what carries
// Socket.io between them.
import type { Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { listClusterNodes } from "@/lib/cluster/session-leases";
import { liveWindow } from "@/lib/cluster/cluster-coordinator";
import { getRuntime } from "@/lib/server/runtime";
import { env } from "@/lib/env";

export interface ClusterHealth {
  node: string;
  cluster?: {
    /** What carries Socket.io between the nodes (lib/realtime/attach-cluster-adapter.ts). */
    adapter: "postgres" | "redis";
    nodes: { id: string; address: string; live: boolean; sessions: number; startedAt: Date; heartbeatAt: Date; stoppedAt: Date | null }[];
  };
}

/** Null on a single node: its health answer stays exactly what it always was. */
export async function getClusterHealth(caller: Caller | null): Promise<ClusterHealth | null> {
  const { cluster, db, clusterAdapter } = getRuntime();
  if (!cluster) return null;
  if (!caller || !callerCan(caller, "metrics.read")) return { node: cluster.nodeId };
  const window = liveWindow(env.CLUSTER_HEARTBEAT_MS, env.CLUSTER_LEASE_MS);
  const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT (now() AT TIME ZONE 'UTC') AS now`;
  const nodes = (await listClusterNodes(db)).map((n) => ({
    ...n,
    live: n.stoppedAt === null && now.getTime() - n.heartbeatAt.getTime() < window,
  }));
  return { node: cluster.nodeId, cluster: { adapter: clusterAdapter ?? "postgres", nodes } };
}
