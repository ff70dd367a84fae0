// Which campaigns a caller reaches: SUPERADMIN all, an OWNER their own, STAFF those on sessions
// assigned to them. Everything else is a 404, as if it did not exist.
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

export function campaignScope(caller: Caller): Prisma.CampaignWhereInput {
  if (caller.role === "SUPERADMIN") return {};
  return { ownerId: caller.tenantId, session: sessionScope(caller) };
}
