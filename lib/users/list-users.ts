import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { userScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";

/** Everyone for a SUPERADMIN; an OWNER's own staff, with the sessions assigned to each. */
export function listUsers(caller: Caller) {
  return db().user.findMany({
    where: userScope(caller),
    orderBy: { createdAt: "asc" },
    select: { ...PUBLIC_USER_SELECT, assignments: { select: { session: { select: { sessionId: true, name: true } } } } },
  });
}
