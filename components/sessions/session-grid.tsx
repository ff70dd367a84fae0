"use client";

import { CreateSessionButton } from "@/components/sessions/create-session-button";
import { liveSession } from "@/components/sessions/live-session";
import { SessionCard } from "@/components/sessions/session-card";
import type { DashboardSession } from "@/components/sessions/session-types";
import { useSessionEvents } from "@/components/sessions/use-session-events";
import { EmptyState } from "@/components/ui/empty-state";

interface SessionGridProps {
  sessions: DashboardSession[];
  canCreate: boolean;
  canManage: boolean;
  sandbox: boolean;
}

/** The session cards, their status badges kept live over one socket for the whole list. */
export function SessionGrid({ sessions, canCreate, canManage, sandbox }: SessionGridProps) {
  const live = useSessionEvents(sessions.map((s) => s.sessionId));

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
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="session-list" data-socket={live.socketState}>
      {sessions.map((session) => (
        <li key={session.id}>
          <SessionCard
            session={liveSession(session, undefined, live.sessions[session.sessionId])}
            createdAt={session.createdAt}
            canManage={canManage}
            sandbox={sandbox}
            onChanged={() => live.resync(session.sessionId)}
          />
        </li>
      ))}
    </ul>
  );
}
