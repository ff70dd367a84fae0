import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecipientListsPanel, type ListView } from "@/components/campaigns/recipient-lists-panel";
import { buttonClasses } from "@/components/ui/button-classes";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listRecipientLists } from "@/lib/recipient-lists/list-recipient-lists";
import { listRecipientListsQuery } from "@/lib/recipient-lists/recipient-lists.schema";

export const metadata: Metadata = { title: "Recipient lists · Wagate" };

export default async function RecipientListsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.send")) notFound();
  const parsed = listRecipientListsQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const [found, t] = await Promise.all([listRecipientLists(caller, query), pageTranslator(caller.id)]);
  const lists = JSON.parse(JSON.stringify(found)) as ListView[];
  return (
    <>
      <PageHeader title={t("lists.title")} description={t("lists.description")} />
      <form className="mb-4 flex flex-wrap gap-2" role="search">
        <label className="sr-only" htmlFor="list-search">
          {t("lists.search")}
        </label>
        <input
          id="list-search"
          name="search"
          defaultValue={query.search ?? ""}
          placeholder={t("lists.searchPlaceholder")}
          className="h-10 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
        />
        <label className="sr-only" htmlFor="list-tag">
          {t("lists.tag")}
        </label>
        <input
          id="list-tag"
          name="tag"
          defaultValue={query.tag ?? ""}
          placeholder={t("lists.tag")}
          className="h-10 w-32 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          {t("common.search")}
        </button>
      </form>
      <RecipientListsPanel lists={lists} filtered={Boolean(query.search || query.tag)} />
    </>
  );
}
