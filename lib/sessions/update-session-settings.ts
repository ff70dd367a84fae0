import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { assertUrlAllowed } from "@/lib/net/assert-url-allowed";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { toPublicSession } from "@/lib/sessions/public-session";
import type { SessionConfig } from "@/lib/sessions/sessions.schema";

/** Merges the given toggles into the session's config; keys not given keep their value. */
export async function updateSessionSettings(caller: Caller, idOrSessionId: string, config: SessionConfig) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  // The fallback picture is fetched by the server later: refuse an internal target now, like a webhook URL.
  if (config.ppGuardFallbackUrl) await assertUrlAllowed(config.ppGuardFallbackUrl, "config.ppGuardFallbackUrl", { unresolvable: "accept" });
  const merged = { ...(session.config as object), ...config };
  const { count } = await db().whatsappSession.updateMany({
    where: { id: session.id, ...sessionScope(caller) },
    data: { config: merged },
  });
  if (count === 0) throw notFound("Session");
  // The toggles take effect on the live connection at once (presence, profile-picture guard).
  await getRuntime().sessions.applyConfig(session, merged);
  const updated = await toPublicSession({ ...session, config: merged });
  return { id: updated.id, sessionId: updated.sessionId, name: updated.name, config: updated.config };
}
