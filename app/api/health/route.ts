// GET /api/health – liveness with the database reachable (503 when it is not)
import { db } from "@/lib/server/runtime";
import { withAuth } from "@/lib/api/with-auth";

export const dynamic = "force-dynamic";

export const GET = withAuth({ permission: null }, async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: "ok" };
  } catch {
    return Response.json({ status: "error", error: "Database unreachable" }, { status: 503 });
  }
});
