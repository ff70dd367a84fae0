import type { Metadata } from "next";
import { CreateSessionButton } from "@/components/sessions/create-session-button";
import { SessionGrid } from "@/components/sessions/session-grid";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { pageTranslator } from "@/lib/i18n/page-locale";
import { listSessions } from "@/lib/sessions/list-sessions";
import { db, getRuntime } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Sessions · Wagate" };

export default async function SessionsPage() {
  const caller = await requirePageCaller();
  const t = await pageTranslator(caller.id);
  // The cards never show the QR image (the connect dialog fetches it), so it is not sent along.
  const sessions = (await listSessions(caller)).map((session) => ({ ...session, qr: null }));
  const canCreate = hasPermission(caller.role, "sessions.create");
  // A superadmin sees every tenant's sessions: name their owners (column and filter).
  const owners =
    caller.role === "SUPERADMIN"
      ? Object.fromEntries(
          (await db().user.findMany({ where: { id: { in: [...new Set(sessions.map((s) => s.userId))] } }, select: { id: true, name: true, email: true } })).map(
            (u) => [u.id, `${u.name} (${u.email})`],
          ),
        )
      : null;
  return (
    <>
      <PageHeader
        title={t("sessions.title")}
        description={caller.role === "STAFF" ? t("sessions.descriptionStaff") : t("sessions.descriptionOwner")}
        actions={canCreate && sessions.length > 0 ? <CreateSessionButton /> : undefined}
      />
      <SessionGrid
        sessions={sessions}
        canCreate={canCreate}
        canManage={hasPermission(caller.role, "sessions.manage")}
        sandbox={getRuntime().sandbox !== null}
        owners={owners}
      />
    </>
  );
}
