import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignStatusBadge, ProgressBar } from "@/components/campaigns/campaign-status-badge";
import { ListSearchForm, filledSearchParams } from "@/components/campaigns/list-search-form";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { CAMPAIGN_STATUSES, listCampaignsQuery } from "@/lib/campaigns/campaigns.schema";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";

export const metadata: Metadata = { title: "Campaigns · Wagate" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.send")) notFound();
  const parsed = listCampaignsQuery.safeParse(filledSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : listCampaignsQuery.parse({});
  const { campaigns, total } = await listCampaigns(caller, query);
  const create = (
    <Link href="/campaigns/new" className={buttonClasses("primary")}>
      New campaign
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="One message to many recipients, with each one's own fields, paced through your session's send queue. Broadcasts, Chatery bulk jobs and Campaign API campaigns show here too."
        actions={
          <>
            <Link href="/recipient-lists" className={buttonClasses("secondary")}>
              Recipient lists
            </Link>
            {campaigns.length > 0 && create}
          </>
        }
      />
      {total === 0 && !query.status && !query.search ? (
        <EmptyState
          data-testid="campaigns-empty"
          title="No campaigns yet"
          description="Create a campaign to send a templated message to a list of recipients."
          action={create}
        />
      ) : (
        <>
          <ListSearchForm
            submitLabel="Filter"
            fields={[
              { kind: "text", id: "campaign-search", name: "search", label: "Search campaigns", placeholder: "Search by name", defaultValue: query.search },
              {
                kind: "select",
                id: "campaign-status",
                name: "status",
                label: "Status",
                defaultValue: query.status,
                options: [{ value: "", label: "Any status" }, ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: s }))],
              },
            ]}
          />
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface">
            <table className="w-full text-left text-sm" data-testid="campaign-table">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Status
                  </th>
                  <th scope="col" className="hidden px-4 py-3 sm:table-cell">
                    Session
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Progress
                  </th>
                  <th scope="col" className="hidden px-4 py-3 md:table-cell">
                    Sent / delivered / read
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
                      <div className="text-xs text-slate-600">{c.recipientCount} recipients</div>
                    </td>
                    <td className="px-4 py-3">
                      <CampaignStatusBadge status={c.status} />
                    </td>
                    <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">{c.sessionName}</td>
                    <td className="min-w-32 px-4 py-3">
                      <ProgressBar value={c.statistics?.progress ?? 0} label={`Progress of ${c.name}`} />
                    </td>
                    <td className="hidden px-4 py-3 tabular-nums text-slate-700 md:table-cell">
                      {c.statistics?.sent ?? 0} / {c.statistics?.delivered ?? 0} / {c.statistics?.read ?? 0}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
