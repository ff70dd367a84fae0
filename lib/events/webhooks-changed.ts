import "server-only";
// Called after every write to a tenant's webhooks (create, update, delete, session webhook URLs):
// the outbox's cache of who wants which events (lib/events/webhook-cache.ts) forgets the owner.
import { getRuntime } from "@/lib/server/runtime";

/** `ownerId` omitted: the owner is not known (a superadmin deleted a webhook by id), forget all. */
export function webhooksChanged(ownerId?: string): void {
  getRuntime().outbox.webhooks.invalidate(ownerId);
}
