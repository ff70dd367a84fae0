import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { withAuth } from "@/lib/api/with-auth";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The Campaign API's error shape on top of the one route wrapper: `{ status: "error", message }`
 * (with our global `error` field, same text) and the usual status codes. Successful answers are
 * the handler's own. Authentication: our API key or cookie for now; the Campaign API's per-session
 * tokens come with the rest of /api/v1 (another issue).
 */
export function withCampaignApi<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(options: { permission: Permission; params?: P; query?: Q; body?: B; form?: true }, handler: Parameters<typeof withAuth<P, Q, B, Permission>>[1]) {
  const route = withAuth<P, Q, B, Permission>(options, handler);
  return async (req: NextRequest, context: Parameters<typeof route>[1]): Promise<Response> => {
    const res = await route(req, context);
    if (res.ok) return res;
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    const text = body?.error ?? "Request failed";
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    headers.delete("content-type");
    return Response.json({ status: "error", message: text, error: text }, { status: res.status, headers });
  };
}
