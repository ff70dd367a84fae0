import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { db } from "@/lib/server/runtime";
import type { AuditAction } from "@/lib/audit/audit-actions";

export interface AuditEntry {
  /** Who did it (null: the system). */
  actor: Pick<Caller, "id" | "name"> | null;
  /** The tenant the action belongs to: who may read the entry besides superadmins. */
  ownerId: string | null;
  action: AuditAction;
  target?: { type: "session" | "webhook" | "user" | "api_key"; id: string; name?: string | null };
  /** Secret-free details: names of changed fields, never their values when they are secrets. */
  details?: Prisma.InputJsonObject;
  ip?: string | null;
}

/**
 * The one writer of the audit log. Called after the operation succeeded; a failure to record is
 * logged and swallowed, so the audit trail can never make a user's action fail.
 */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  try {
    await db().auditLog.create({
      data: {
        ownerId: entry.ownerId,
        actorId: entry.actor?.id ?? null,
        actorName: entry.actor?.name ?? null,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        targetName: entry.target?.name ?? null,
        details: entry.details ?? {},
        ip: entry.ip ?? null,
      },
    });
  } catch (error) {
    logger.error({ err: error, action: entry.action }, "audit entry not recorded");
  }
}

/** A sign-in, filed under the user's tenant (their own id, or their owner's for STAFF). */
export async function recordSignIn(userId: string, ip: string | null): Promise<void> {
  const user = await db()
    .user.findUnique({ where: { id: userId }, select: { id: true, name: true, ownerId: true } })
    .catch(() => null);
  if (!user) return;
  await recordAudit({ actor: user, ownerId: user.ownerId ?? user.id, action: "signed_in", ip });
}
