// Which auto-reply rules a caller reaches: all (SUPERADMIN), their own (OWNER), or (STAFF) those
// of sessions assigned to them; rules for all of an owner's sessions are the owner's alone.
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";

export function autoReplyScope(caller: Caller): Prisma.AutoReplyWhereInput {
  switch (caller.role) {
    case "SUPERADMIN":
      return {};
    case "OWNER":
      return { ownerId: caller.id };
    case "STAFF":
      return { ownerId: caller.tenantId, session: { assignments: { some: { userId: caller.id } } } };
    default:
      return { id: "__none__" };
  }
}
