import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { gatewayMetrics } from "@/lib/metrics/gateway-metrics";
import { bearerHeader } from "@/lib/metrics/metrics.schema";

/** Whether the request carries METRICS_TOKEN as a bearer token (compared in constant time). */
export function hasMetricsToken(authorization: string | null): boolean {
  const expected = env.METRICS_TOKEN;
  if (!expected || !authorization) return false;
  const parsed = bearerHeader.safeParse(authorization);
  if (!parsed.success) return false;
  const a = Buffer.from(parsed.data);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Prometheus text exposition of this process's metrics. */
export async function renderMetrics(): Promise<Response> {
  const metrics = gatewayMetrics();
  if (!metrics) throw new AppError("UNAVAILABLE", "metrics are not started in this process");
  return new Response(await metrics.registry.metrics(), { headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" } });
}
