// GET /metrics – Prometheus metrics; METRICS_TOKEN as a bearer token, or a caller with metrics.read (the superadmin)
import type { NextRequest } from "next/server";
import { withAuth } from "@/lib/api/with-auth";
import { hasMetricsToken, renderMetrics } from "@/lib/metrics/render-metrics";

const withPermission = withAuth({ permission: "metrics.read" }, () => renderMetrics());

export async function GET(req: NextRequest, context: { params: Promise<Record<string, string | string[] | undefined>> }) {
  if (hasMetricsToken(req.headers.get("authorization"))) return renderMetrics();
  return withPermission(req, context);
}
