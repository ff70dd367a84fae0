import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button-classes";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/audit-actions";
import { auditQuerySchema } from "@/lib/audit/audit.schema";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Audit log · Wagate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "audit.read")) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const log = await listAuditLog(caller, query);
  const pageHref = (page: number) =>
    `/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  const label = "block text-xs font-medium text-slate-700";
  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          caller.role === "SUPERADMIN" ? "Who did what, across every account." : "Who did what in your account: sign-ins, keys, sessions, webhooks and users."
        }
      />
      <form
        method="get"
        role="search"
        aria-label="Filter the audit log"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
      >
        <div className="min-w-48 flex-1">
          <label htmlFor="audit-q" className={label}>
            Name
          </label>
          <input
            id="audit-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder="Who, or what it was done to"
            className={`mt-1 ${inputClasses}`}
          />
        </div>
        <div>
          <label htmlFor="audit-action" className={label}>
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""} className={`mt-1 ${inputClasses}`}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABEL[a]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("primary", "sm")}>
          Apply
        </button>
      </form>
      {log.entries.length === 0 ? (
        <EmptyState data-testid="audit-empty" title="Nothing recorded" description="Sign-ins and changes to keys, sessions, webhooks and users appear here." />
      ) : (
        <>
          <div
            className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm focus-visible:outline-2 focus-visible:outline-blue-600"
            tabIndex={0}
            role="region"
            aria-label="Audit log"
          >
            <table className="min-w-full text-sm" data-testid="audit-table">
              <caption className="sr-only">Audit log</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Time
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Who
                  </th>
                  <th scope="col" className="px-4 py-2">
                    What
                  </th>
                  <th scope="col" className="px-4 py-2">
                    On
                  </th>
                  <th scope="col" className="hidden px-4 py-2 md:table-cell">
                    From
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {log.entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                      <LocalTime value={e.createdAt} seconds />
                    </td>
                    <td className="px-4 py-2 text-slate-900">{e.actorName ?? "System"}</td>
                    <td className="px-4 py-2 text-slate-900">{AUDIT_ACTION_LABEL[e.action as AuditAction] ?? e.action}</td>
                    <td className="px-4 py-2 text-slate-700">
                      {e.targetName ?? e.targetId ?? ""}
                      {Array.isArray((e.details as { fields?: unknown }).fields) && (
                        <div className="text-xs text-slate-600">changed: {(e.details as { fields: string[] }).fields.join(", ")}</div>
                      )}
                    </td>
                    <td className="hidden px-4 py-2 text-slate-700 md:table-cell">{e.ip ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-700">
            <span>
              {(log.page - 1) * log.pageSize + 1}–{(log.page - 1) * log.pageSize + log.entries.length} of {log.total}
            </span>
            <span className="flex gap-2">
              {log.page > 1 && (
                <Link href={pageHref(log.page - 1)} className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
                  Previous
                </Link>
              )}
              {log.hasMore && (
                <Link href={pageHref(log.page + 1)} className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
                  Next
                </Link>
              )}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
