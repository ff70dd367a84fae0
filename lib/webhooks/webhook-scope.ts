// Which webhooks a caller reaches: every one (SUPERADMIN) or their tenant's (OWNER). STAFF cannot
// configure webhooks (no sessions.manage), and an unknown role reaches nothing.
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";

export function webhookScope(caller: Caller): Prisma.WebhookWhereInput {
  const byRole = roleWebhookScope(caller);
  // A key restricted to sessions reaches only those sessions' webhooks, never the tenant-wide ones.
  const keySessions = caller.key?.sessionIds;
  return keySessions ? { AND: [byRole, { sessionId: { in: keySessions } }] } : byRole;
}

function roleWebhookScope(caller: Caller): Prisma.WebhookWhereInput {
  switch (caller.role) {
    case "SUPERADMIN":
      return {};
    case "OWNER":
      return { ownerId: caller.id };
    default:
      return { id: "__none__" };
  }
}
