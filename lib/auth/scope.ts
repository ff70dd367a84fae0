// Which rows a caller reaches. Every query and every write of a tenant-owned table goes through
// one of these, so that another tenant's row is simply not found (404).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/caller";

/**
 * Sessions the caller may see: all (SUPERADMIN), their own (OWNER), assigned ones (STAFF) — and,
 * for an API key restricted to some sessions, only those of them.
 */
export function sessionScope(caller: Caller): Prisma.WhatsappSessionWhereInput {
  const byRole = roleSessionScope(caller);
  const keySessions = caller.key?.sessionIds;
  return keySessions ? { AND: [byRole, { id: { in: keySessions } }] } : byRole;
}

function roleSessionScope(caller: Caller): Prisma.WhatsappSessionWhereInput {
  switch (caller.role) {
    case "SUPERADMIN":
      return {};
    case "OWNER":
      return { ownerId: caller.id };
    case "STAFF":
      return { ownerId: caller.tenantId, assignments: { some: { userId: caller.id } } };
    default:
      return { id: "__none__" };
  }
}

/** Users the caller may manage: everyone (SUPERADMIN) or their own staff (OWNER). */
export function userScope(caller: Caller): Prisma.UserWhereInput {
  switch (caller.role) {
    case "SUPERADMIN":
      return {};
    case "OWNER":
      return { ownerId: caller.id, role: "STAFF" };
    default:
      return { id: "__none__" };
  }
}
