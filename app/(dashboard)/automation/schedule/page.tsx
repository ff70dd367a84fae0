import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutomationTabs } from "@/components/automation/automation-tabs";
import type { ScheduleView } from "@/components/automation/automation-types";
import { ScheduleManager } from "@/components/automation/schedule-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listSchedules } from "@/lib/schedules/list-schedules";
import { callerTimeZone } from "@/lib/schedules/resolve-caller-time";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "Schedule · Automation · Wagate" };

export default async function SchedulePage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "automation.manage")) notFound();
  const [sessions, schedules, timeZone, t] = await Promise.all([
    listSessions(caller),
    listSchedules(caller, {}),
    callerTimeZone(caller),
    pageTranslator(caller.id),
  ]);
  return (
    <>
      <PageHeader title={t("automation.title")} description={t("automation.description")} />
      <AutomationTabs current="/automation/schedule" />
      <ScheduleManager
        sessions={sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }))}
        initialSchedules={schedules as ScheduleView[]}
        timeZone={timeZone}
      />
    </>
  );
}
