import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/**
 * The session a webhook is bound to, looked up by public sessionId (or id) within the caller's
 * reach. With `ownerId`, a session of another tenant is not found either: a webhook never points
 * across tenants, not even when a superadmin edits it.
 */
export async function resolveWebhookSession(caller: Caller, sessionId: string, ownerId?: string) {
  const session = await getSessionOrThrow(caller, sessionId, { ownerId });
  if (ownerId !== undefined && session.ownerId !== ownerId) throw notFound("Session");
  return session;
}
