import { CreateSessionButton } from "@/components/sessions/create-session-button";
import { SessionCard } from "@/components/sessions/session-card";
import type { DashboardSession } from "@/components/sessions/session-types";
import { EmptyState } from "@/components/ui/empty-state";

export function SessionGrid({ sessions, canCreate, canManage }: { sessions: DashboardSession[]; canCreate: boolean; canManage: boolean }) {
  if (sessions.length === 0) {
    return (
      <EmptyState
        data-testid="sessions-empty"
        title="No sessions yet"
        description={
          canCreate
            ? "Create a session, then link it to a WhatsApp number to start sending and receiving messages."
            : "No sessions have been assigned to you yet. Ask your account owner to give you access."
        }
        action={canCreate ? <CreateSessionButton label="Create your first session" /> : undefined}
      />
    );
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="session-list">
      {sessions.map((session) => (
        <li key={session.id}>
          <SessionCard session={session} canManage={canManage} />
        </li>
      ))}
    </ul>
  );
}
