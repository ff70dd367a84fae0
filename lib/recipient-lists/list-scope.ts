// Recipient lists belong to a tenant: an owner's staff use their owner's lists; SUPERADMIN reaches all.
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";

export function listScope(caller: Caller): Prisma.RecipientListWhereInput {
  return caller.role === "SUPERADMIN" ? {} : { ownerId: caller.tenantId };
}
