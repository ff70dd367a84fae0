import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListSearchForm, filledSearchParams } from "@/components/campaigns/list-search-form";
import { RecipientListsPanel, type ListView } from "@/components/campaigns/recipient-lists-panel";
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
  const parsed = listRecipientListsQuery.safeParse(filledSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : {};
  const [found, t] = await Promise.all([listRecipientLists(caller, query), pageTranslator(caller.id)]);
  const lists = JSON.parse(JSON.stringify(found)) as ListView[];
  return (
    <>
      <PageHeader title={t("lists.title")} description={t("lists.description")} />
      <ListSearchForm
        submitLabel={t("common.search")}
        fields={[
          { kind: "text", id: "list-search", name: "search", label: t("lists.search"), placeholder: t("lists.searchPlaceholder"), defaultValue: query.search },
          { kind: "text", id: "list-tag", name: "tag", label: t("lists.tag"), placeholder: t("lists.tag"), defaultValue: query.tag, className: "w-32" },
        ]}
      />
      <RecipientListsPanel lists={lists} filtered={Boolean(query.search || query.tag)} />
    </>
  );
}
