import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";

export const AUDIT_PAGE_SIZE = 50;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** GET /api/audit and the Audit log page's URL. */
export const auditQuerySchema = z.strictObject({
  action: z.preprocess(emptyAsUndefined, z.enum(AUDIT_ACTIONS).optional()),
  /** Words in the actor's or the target's name. */
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(100).optional()),
  page: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
