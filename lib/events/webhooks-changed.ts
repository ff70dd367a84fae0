import "server-only";
// Called after every write to a tenant's webhooks (create, update, delete, session webhook URLs):
// the outbox's cache of who wants which events (lib/events/webhook-cache.ts) forgets the owner, on
// this node at once and on the other nodes of a cluster through NOTIFY (server.ts subscribes).
import { getRuntime } from "@/lib/server/runtime";

export const WEBHOOKS_TOPIC = "webhooks";

/** `ownerId` omitted: the owner is not known (a superadmin deleted a webhook by id), forget all. */
export function webhooksChanged(ownerId?: string): void {
  const runtime = getRuntime();
  runtime.outbox.webhooks.invalidate(ownerId);
  runtime.cluster?.broadcast(WEBHOOKS_TOPIC, ownerId ?? null);
}
