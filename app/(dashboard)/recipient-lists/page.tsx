import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListSearchForm, filledSearchParams } from "@/components/campaigns/list-search-form";
import { RecipientListsPanel, type ListView } from "@/components/campaigns/recipient-lists-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { listRecipientLists } from "@/lib/recipient-lists/list-recipient-lists";
import { listRecipientListsQuery } from "@/lib/recipient-lists/recipient-lists.schema";

export const metadata: Metadata = { title: "Recipient lists · Wagate" };

export default async function RecipientListsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.send")) notFound();
  const parsed = listRecipientListsQuery.safeParse(filledSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : {};
  const lists = JSON.parse(JSON.stringify(await listRecipientLists(caller, query))) as ListView[];
  return (
    <>
      <PageHeader title="Recipient lists" description="Reusable lists of recipients with their fields, for campaigns. Import and export CSV." />
      <ListSearchForm
        submitLabel="Search"
        fields={[
          { kind: "text", id: "list-search", name: "search", label: "Search lists", placeholder: "Search name or description", defaultValue: query.search },
          { kind: "text", id: "list-tag", name: "tag", label: "Tag", placeholder: "Tag", defaultValue: query.tag, className: "w-32" },
        ]}
      />
      <RecipientListsPanel lists={lists} />
    </>
  );
}
