import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateUserButton } from "@/components/users/create-user-button";
import { UserList } from "@/components/users/user-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { hasPermission } from "@/lib/auth/permissions";
import { listSessions } from "@/lib/sessions/list-sessions";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users · Wagate" };

export default async function UsersPage() {
  const caller = await requirePageCaller();
  if (!hasPermission(caller.role, "users.read")) notFound();
  const [users, sessions] = await Promise.all([listUsers(caller), listSessions(caller)]);
  const canWrite = hasPermission(caller.role, "users.write");
  // A superadmin's list is everyone, so the owners for the staff picker come from it.
  const superadminView = caller.role === "SUPERADMIN";
  const owners = users.filter((u) => u.role === "OWNER").map((u) => ({ id: u.id, name: u.name, username: u.username }));
  const assignable = sessions.map((s) => ({ sessionId: s.sessionId, name: s.name, userId: s.userId }));
  const createButton = canWrite ? <CreateUserButton mode={superadminView ? "superadmin" : "owner"} owners={owners} /> : undefined;

  return (
    <>
      <PageHeader
        title={superadminView ? "Users" : "Staff"}
        description={superadminView ? "Everyone on this gateway." : "People who work on your sessions. Each sees only the sessions you assign."}
        actions={users.length > 0 ? createButton : undefined}
      />
      {users.length === 0 ? (
        <EmptyState
          data-testid="users-empty"
          title="No staff yet"
          description="Add staff members to let them work on the sessions you choose, without access to anything else."
          action={createButton}
        />
      ) : (
        <UserList users={users} sessions={assignable} viewerId={caller.id} canWrite={canWrite} superadminView={superadminView} />
      )}
    </>
  );
}
