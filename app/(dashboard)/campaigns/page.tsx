import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignStatusBadge, ProgressBar } from "@/components/campaigns/campaign-status-badge";
import { CAMPAIGN_STATUS_LABEL } from "@/components/campaigns/campaign-status-labels";
import { ListSearchForm, filledSearchParams } from "@/components/campaigns/list-search-form";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { listCampaignsQuery } from "@/lib/campaigns/campaigns.schema";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { translate } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Campaigns · Wagate" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.send")) notFound();
  const parsed = listCampaignsQuery.safeParse(filledSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : listCampaignsQuery.parse({});
  const [{ campaigns, total }, locale] = await Promise.all([listCampaigns(caller, query), pageLocale(caller.id)]);
  const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate(locale, key, vars);
  const count = (n: number) => n.toLocaleString(locale);
  const create = (
    <Link href="/campaigns/new" className={buttonClasses("primary")}>
      {t("campaigns.new")}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("campaigns.title")}
        description={t("campaigns.description")}
        actions={
          <>
            <Link href="/recipient-lists" className={buttonClasses("secondary")}>
              {t("campaigns.recipientLists")}
            </Link>
            {campaigns.length > 0 && create}
          </>
        }
      />
      {total === 0 && !query.status && !query.search ? (
        <EmptyState data-testid="campaigns-empty" title={t("campaigns.emptyTitle")} description={t("campaigns.emptyHint")} action={create} />
      ) : (
        <>
          <ListSearchForm
            submitLabel={t("campaigns.filter")}
            fields={[
              {
                kind: "text",
                id: "campaign-search",
                name: "search",
                label: t("campaigns.search"),
                placeholder: t("campaigns.searchPlaceholder"),
                defaultValue: query.search,
              },
              {
                kind: "select",
                id: "campaign-status",
                name: "status",
                label: t("campaigns.status"),
                defaultValue: query.status,
                options: [
                  { value: "", label: t("campaigns.anyStatus") },
                  ...Object.entries(CAMPAIGN_STATUS_LABEL).map(([s, label]) => ({ value: s, label: t(label) })),
                ],
              },
            ]}
          />
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface">
            <table className="w-full text-left text-sm" data-testid="campaign-table">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    {t("campaigns.name")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("campaigns.status")}
                  </th>
                  <th scope="col" className="hidden px-4 py-3 sm:table-cell">
                    {t("campaigns.session")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("campaigns.progress")}
                  </th>
                  <th scope="col" className="hidden px-4 py-3 md:table-cell">
                    {t("campaigns.sentDeliveredRead")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3">
                      <Link href={`/campaigns/${c.id}`} className="font-medium text-blue-700 hover:underline">
                        {c.name}
                      </Link>
                      <div className="text-xs text-slate-600">{t("campaigns.recipientCount", { count: count(c.recipientCount) })}</div>
                    </td>
                    <td className="px-4 py-3">
                      <CampaignStatusBadge status={c.status} />
                    </td>
                    <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">{c.sessionName}</td>
                    <td className="min-w-32 px-4 py-3">
                      <ProgressBar value={c.statistics?.progress ?? 0} label={t("campaigns.progressOf", { name: c.name })} />
                    </td>
                    <td className="hidden px-4 py-3 tabular-nums text-slate-700 md:table-cell">
                      {count(c.statistics?.sent ?? 0)} / {count(c.statistics?.delivered ?? 0)} / {count(c.statistics?.read ?? 0)}
                    </td>
                  </tr>
                ))}
                {campaigns.length === 0 && (
                  <tr>
                    <td colSpan={5} className="px-4 py-6 text-center text-slate-600">
                      {t("campaigns.noneMatch")}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
