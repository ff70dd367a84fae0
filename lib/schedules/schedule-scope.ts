// Which schedules a caller reaches: all (SUPERADMIN), their own (OWNER), those of sessions
// assigned to them (STAFF).
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";

export function scheduleScope(caller: Caller): Prisma.ScheduleWhereInput {
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
