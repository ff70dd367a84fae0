import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoReplyManager } from "@/components/automation/autoreply-manager";
import { AutomationTabs } from "@/components/automation/automation-tabs";
import type { AutoReplyView, SessionOption } from "@/components/automation/automation-types";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listAutoReplies } from "@/lib/autoreplies/list-autoreplies";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "Automation · Wagate" };

export default async function AutomationPage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "automation.manage")) notFound();
  const [sessions, rules, t] = await Promise.all([listSessions(caller), listAutoReplies(caller), pageTranslator(caller.id)]);
  const options: SessionOption[] = sessions.map((s) => ({
    sessionId: s.sessionId,
    name: s.name,
    autoReplyEnabled: Boolean((s.config as { autoReplyEnabled?: boolean }).autoReplyEnabled),
  }));
  return (
    <>
      <PageHeader title={t("automation.title")} description={t("automation.description")} />
      <AutomationTabs current="/automation" />
      <AutoReplyManager
        sessions={options}
        initialRules={JSON.parse(JSON.stringify(rules)) as AutoReplyView[]}
        canToggle={hasPermission(caller.role, "sessions.manage")}
        canMakeOwnerWide={caller.role !== "STAFF"}
      />
    </>
  );
}
