import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An owner's opt-out list is theirs (their staff's too); SUPERADMIN reaches all. */
export function optOutScope(caller: Caller): Prisma.OptOutWhereInput {
  return caller.role === "SUPERADMIN" ? {} : { ownerId: caller.tenantId };
}
