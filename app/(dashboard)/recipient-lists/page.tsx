import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecipientListsPanel, type ListView } from "@/components/campaigns/recipient-lists-panel";
import { buttonClasses } from "@/components/ui/button-classes";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { listRecipientLists } from "@/lib/recipient-lists/list-recipient-lists";
import { listRecipientListsQuery } from "@/lib/recipient-lists/recipient-lists.schema";

export const metadata: Metadata = { title: "Recipient lists · Wagate" };

export default async function RecipientListsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.send")) notFound();
  const parsed = listRecipientListsQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const lists = JSON.parse(JSON.stringify(await listRecipientLists(caller, query))) as ListView[];
  return (
    <>
      <PageHeader title="Recipient lists" description="Reusable lists of recipients with their fields, for campaigns. Import and export CSV." />
      <form className="mb-4 flex flex-wrap gap-2" role="search">
        <label className="sr-only" htmlFor="list-search">
          Search lists
        </label>
        <input
          id="list-search"
          name="search"
          defaultValue={query.search ?? ""}
          placeholder="Search name or description"
          className="h-10 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
        />
        <label className="sr-only" htmlFor="list-tag">
          Tag
        </label>
        <input
          id="list-tag"
          name="tag"
          defaultValue={query.tag ?? ""}
          placeholder="Tag"
          className="h-10 w-32 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </form>
      <RecipientListsPanel lists={lists} />
    </>
  );
}
