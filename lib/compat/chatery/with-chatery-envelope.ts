import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { withAuth } from "@/lib/api/with-auth";
import type { Permission } from "@/lib/auth/permissions";

/** A handler's answer with its own message (e.g. "Session created" rather than the route's default). */
export class ChateryReply {
  constructor(
    readonly message: string,
    readonly data: unknown,
  ) {}
}

/**
 * Chatery's envelope for its compatibility routes under /api/whatsapp, on top of the one
 * route wrapper: success is `{ success: true, message, data }`; an error is Chatery's
 * `{ success: false, message }` with our global `error` field (same text) and the usual status.
 */
export function withChateryEnvelope<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(options: { permission: Permission; params?: P; query?: Q; body?: B }, message: string, handler: Parameters<typeof withAuth<P, Q, B, Permission>>[1]) {
  const route = withAuth<P, Q, B, Permission>(options, async (ctx) => {
    const result = await handler(ctx);
    if (result instanceof Response) return result;
    if (result instanceof ChateryReply) return { success: true, message: result.message, data: result.data ?? null };
    return { success: true, message, data: result ?? null };
  });
  return async (req: NextRequest, context: Parameters<typeof route>[1]): Promise<Response> => {
    const res = await route(req, context);
    if (res.ok) return res;
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    const text = body?.error ?? "Request failed";
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    headers.delete("content-type");
    // Chatery answers a key that does not match with 403 (a missing one stays 401).
    const status = res.status === 401 && text === "Invalid API key" ? 403 : res.status;
    return Response.json({ success: false, message: text, error: text }, { status, headers });
  };
}
