// GET /api/health – liveness with the database reachable (503 when it is not); on a cluster node also its id, and the cluster for the superadmin
import { db } from "@/lib/server/runtime";
import { withAuth } from "@/lib/api/with-auth";
import { getClusterHealth } from "@/lib/cluster/get-cluster-health";

export const dynamic = "force-dynamic";

export const GET = withAuth({ permission: null }, async ({ caller }) => {
  try {
    await db().$queryRaw`SELECT 1`;
    const cluster = await getClusterHealth(caller);
    return { status: "ok", ...cluster };
  } catch {
    return Response.json({ status: "error", error: "Database unreachable" }, { status: 503 });
  }
});
