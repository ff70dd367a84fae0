import "server-only";
import { AUDIT_PAGE_SIZE, type AuditQuery } from "@/lib/audit/audit.schema";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";

/** The audit log, newest first: every tenant's for a SUPERADMIN, the caller's tenant's for an OWNER. */
export async function listAuditLog(caller: Caller, query: AuditQuery) {
  const where: Prisma.AuditLogWhereInput = {
    ...(caller.role === "SUPERADMIN" ? {} : { ownerId: caller.tenantId }),
    ...(query.action ? { action: query.action } : {}),
    ...(query.q ? { OR: [{ actorName: { contains: query.q, mode: "insensitive" } }, { targetName: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const skip = (query.page - 1) * AUDIT_PAGE_SIZE;
  const [entries, total] = await Promise.all([
    db().auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        actorId: true,
        actorName: true,
        targetType: true,
        targetId: true,
        targetName: true,
        details: true,
        ip: true,
        createdAt: true,
        ownerId: true,
      },
    }),
    db().auditLog.count({ where }),
  ]);
  return { entries, page: query.page, pageSize: AUDIT_PAGE_SIZE, total, hasMore: skip + entries.length < total };
}
