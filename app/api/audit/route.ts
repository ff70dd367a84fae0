// GET /api/audit – who did what: the caller's tenant's audit log (every tenant's for a superadmin)
import { withAuth } from "@/lib/api/with-auth";
import { auditQuerySchema } from "@/lib/audit/audit.schema";
import { listAuditLog } from "@/lib/audit/list-audit-log";

export const GET = withAuth({ permission: "audit.read", query: auditQuerySchema }, ({ caller, query }) => listAuditLog(caller, query));
