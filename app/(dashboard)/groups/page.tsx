import type { Metadata } from "next";
import { GroupsView } from "@/components/groups/groups-view";
import { RecentStatuses } from "@/components/groups/recent-statuses";
import { SessionPicker } from "@/components/groups/session-picker";
import { StatusComposer } from "@/components/groups/status-composer";
import type { GroupView } from "@/components/groups/group-types";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listGroups } from "@/lib/groups/list-groups";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "Groups · Wagate" };

export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  const caller = await requirePageCaller();
  const [sessions, t] = await Promise.all([listSessions(caller), pageTranslator(caller.id)]);
  const { session: wanted } = await searchParams;
  // The session in the URL when the caller may see it, else their first one.
  const session = sessions.find((s) => s.sessionId === wanted) ?? sessions[0];
  if (!session) {
    return (
      <>
        <PageHeader title={t("groups.title")} />
        <EmptyState title={t("groups.noSessions")} description={t("groups.noSessionsHint")} />
      </>
    );
  }
  const groups = JSON.parse(JSON.stringify(await listGroups(caller, { sessionId: session.sessionId }))) as GroupView[];
  const canManage = hasPermission(caller.role, "groups.manage");
  const canSend = hasPermission(caller.role, "sessions.send");
  return (
    <>
      <PageHeader
        title={t("groups.title")}
        description={t("groups.description")}
        actions={<SessionPicker sessions={sessions.map((s) => ({ sessionId: s.sessionId, name: s.name }))} current={session.sessionId} />}
      />
      <div className="space-y-6">
        <GroupsView key={session.sessionId} sessionId={session.sessionId} initialGroups={groups} canManage={canManage} />
        {canSend && <StatusComposer sessionId={session.sessionId} />}
        {canSend && <RecentStatuses key={`statuses-${session.sessionId}`} sessionId={session.sessionId} />}
      </div>
    </>
  );
}
