// GET /api/overview – the home page's figures for the sessions the caller may see
import { withAuth } from "@/lib/api/with-auth";
import { getOverview } from "@/lib/overview/get-overview";
import { overviewQuerySchema } from "@/lib/overview/overview.schema";

export const GET = withAuth({ permission: "sessions.read", query: overviewQuerySchema }, ({ caller, query }) => getOverview(caller, query));
