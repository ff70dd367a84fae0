// Which rows a caller reaches. Every query and every write of a tenant-owned table goes through
// one of these, so that another tenant's row is simply not found (404).
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * sessionScope as an SQL condition over `whatsapp_sessions` aliased `s`, for the hot path's raw
 * look-up of a session (lib/sessions/get-session-or-throw.ts: every send). The same rules as
 * above, case for case; tests/whatsapp/session-scope-sql.test.ts checks both reach the same rows.
 */
export function sessionScopeSql(caller: Caller): Prisma.Sql {
  const byRole = roleSessionScopeSql(caller);
  const keySessions = caller.key?.sessionIds;
  return keySessions ? Prisma.sql`(${byRole} AND s.id = ANY(${keySessions}::text[]))` : byRole;
}

function roleSessionScopeSql(caller: Caller): Prisma.Sql {
  switch (caller.role) {
    case "SUPERADMIN":
      return Prisma.sql`TRUE`;
    case "OWNER":
      return Prisma.sql`s."ownerId" = ${caller.id}`;
    case "STAFF":
      return Prisma.sql`(s."ownerId" = ${caller.tenantId} AND EXISTS (SELECT 1 FROM session_assignments a WHERE a."sessionId" = s.id AND a."userId" = ${caller.id}))`;
    default:
      return Prisma.sql`FALSE`;
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
