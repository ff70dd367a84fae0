import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignWizard } from "@/components/campaigns/campaign-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listRecipientLists } from "@/lib/recipient-lists/list-recipient-lists";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "New campaign · Wagate" };

export default async function NewCampaignPage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "sessions.send")) notFound();
  const [sessions, lists, t] = await Promise.all([listSessions(caller), listRecipientLists(caller, {}), pageTranslator(caller.id)]);
  return (
    <>
      <PageHeader title={t("campaigns.new")} description={t("campaigns.newDescription")} />
      <CampaignWizard
        sessions={sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }))}
        lists={lists.map((l) => ({ id: l.id, name: l.name, recipientCount: l.recipientCount }))}
      />
    </>
  );
}
