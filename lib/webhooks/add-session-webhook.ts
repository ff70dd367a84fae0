import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { assertUrlAllowed } from "@/lib/net/assert-url-allowed";
import { listSessionWebhooks } from "@/lib/webhooks/list-session-webhooks";
import { upsertSessionWebhook } from "@/lib/webhooks/replace-session-webhooks";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";
import type { SessionWebhookInput } from "@/lib/webhooks/webhooks.schema";

/** POST /api/sessions/[id]/webhooks (Chatery): adds a URL, or changes the events of one already there. */
export async function addSessionWebhook(caller: Caller, sessionId: string, input: SessionWebhookInput) {
  const session = await resolveWebhookSession(caller, sessionId);
  await assertUrlAllowed(input.url);
  await db().$transaction((tx) => upsertSessionWebhook(tx, session, input));
  webhooksChanged(session.ownerId);
  return listSessionWebhooks(caller, session.sessionId);
}
