import type { Metadata } from "next";
import { CreateSessionButton } from "@/components/sessions/create-session-button";
import { SessionGrid } from "@/components/sessions/session-grid";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { listSessions } from "@/lib/sessions/list-sessions";
import { db, getRuntime } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Sessions · Wagate" };

export default async function SessionsPage() {
  const caller = await requirePageCaller();
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
        title="Sessions"
        description={caller.role === "STAFF" ? "The WhatsApp sessions you have been given access to." : "Your WhatsApp numbers connected to the gateway."}
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
