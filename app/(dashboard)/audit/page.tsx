import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/audit-actions";
import { auditQuerySchema } from "@/lib/audit/audit.schema";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { translate, type MessageKey, type MessageVars } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Audit log · Wagate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "audit.read")) notFound();
  const locale = await pageLocale(caller.id);
  const t = (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars);
  const actionLabel = (action: AuditAction) => t(`audit.action.${action}` as const);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const log = await listAuditLog(caller, query);
  const pageHref = (page: number) =>
    `/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("audit.title")} description={caller.role === "SUPERADMIN" ? t("audit.descriptionAll") : t("audit.descriptionOwner")} />
      <FilterBar
        idPrefix="audit"
        label={t("audit.filterLabel")}
        submitLabel={t("common.apply")}
        fields={[
          { kind: "text", name: "q", label: t("audit.name"), defaultValue: query.q, placeholder: t("audit.namePlaceholder"), wide: true },
          {
            kind: "select",
            name: "action",
            label: t("audit.action"),
            defaultValue: query.action,
            options: [["", t("common.any")], ...AUDIT_ACTIONS.map((a) => [a, actionLabel(a)] as const)],
          },
        ]}
      />
      {log.entries.length === 0 ? (
        <EmptyState data-testid="audit-empty" title={t("audit.emptyTitle")} description={t("audit.emptyDescription")} />
      ) : (
        <>
          <div
            className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm focus-visible:outline-2 focus-visible:outline-blue-600"
            tabIndex={0}
            role="region"
            aria-label={t("audit.title")}
          >
            <table className="min-w-full text-sm" data-testid="audit-table">
              <caption className="sr-only">{t("audit.title")}</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    {t("audit.time")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("audit.who")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("audit.what")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("audit.on")}
                  </th>
                  <th scope="col" className="hidden px-4 py-2 md:table-cell">
                    {t("audit.from")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {log.entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                      <LocalTime value={e.createdAt} seconds />
                    </td>
                    <td className="px-4 py-2 text-slate-900">{e.actorName ?? t("audit.system")}</td>
                    <td className="px-4 py-2 text-slate-900">{isAuditAction(e.action) ? actionLabel(e.action) : e.action}</td>
                    <td className="px-4 py-2 text-slate-700">
                      {e.targetName ?? e.targetId ?? ""}
                      {Array.isArray((e.details as { fields?: unknown }).fields) && (
                        <div className="text-xs text-slate-600">{t("audit.changed", { fields: (e.details as { fields: string[] }).fields.join(", ") })}</div>
                      )}
                    </td>
                    <td className="hidden px-4 py-2 text-slate-700 md:table-cell">{e.ip ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager locale={locale} {...log} shown={log.entries.length} href={pageHref} testIdPrefix="audit" />
        </>
      )}
    </>
  );
}
