"use client";

import Link from "next/link";
import { liveSession, sentence } from "@/components/sessions/live-session";
import { SandboxTools } from "@/components/sessions/sandbox-tools";
import { SessionActions } from "@/components/sessions/session-actions";
import { SessionEventLog } from "@/components/sessions/session-event-log";
import { SessionSettingsForm } from "@/components/sessions/session-settings-form";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { SessionStatusHistory } from "@/components/sessions/session-status-history";
import { SessionStatusPanel } from "@/components/sessions/session-status-panel";
import { SessionTokenPanel } from "@/components/sessions/session-token-panel";
import type { DashboardSession, SessionStatusDetails } from "@/components/sessions/session-types";
import { useSessionEvents } from "@/components/sessions/use-session-events";
import { useT } from "@/components/shell/i18n";

interface SessionViewProps {
  session: DashboardSession;
  details: SessionStatusDetails;
  canManage: boolean;
  canSend: boolean;
  sandbox: boolean;
}

/** One session's page: everything on it follows the session's room on one socket. */
export function SessionView({ session, details, canManage, canSend, sandbox }: SessionViewProps) {
  const t = useT();
  const live = useSessionEvents([session.sessionId]);
  const view = liveSession(session, details, live.sessions[session.sessionId]);
  const connected = view.status === "CONNECTED";

  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href="/sessions" className="text-sm font-medium text-blue-700 hover:underline">
            {t("sessions.allSessions")}
          </Link>
          <Link
            href={`/sessions/${session.sessionId}/chats`}
            className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 dark:hover:bg-[oklch(48.8%_0.243_264.376)]"
            data-testid="open-chats"
          >
            {t("sessions.openChats")}
          </Link>
        </div>
        <div className="mt-3 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
          <div className="min-w-0">
            <div className="flex min-w-0 flex-wrap items-center gap-3">
              <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900" data-testid="session-name">
                {view.name}
              </h1>
              <SessionStatusBadge status={view.status} />
            </div>
            {!connected && view.reason && (
              <p className="mt-1 text-sm text-slate-500" data-testid="session-reason">
                {sentence(view.reason)}
              </p>
            )}
          </div>
          {canManage && <SessionActions session={view} sandbox={sandbox} layout="page" afterDelete="list" onChanged={() => live.resync(session.sessionId)} />}
        </div>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <SessionStatusPanel session={view} createdAt={session.createdAt} socketState={live.socketState} />
          {sandbox && canSend && <SandboxTools sessionId={session.sessionId} connected={connected} canManage={canManage} />}
          <SessionStatusHistory history={view.history} />
          <SessionTokenPanel sessionId={session.sessionId} />
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-3">
          <SessionEventLog
            sessionId={session.sessionId}
            subscribe={live.subscribe}
            joinCount={live.joins[session.sessionId] ?? 0}
            socketState={live.socketState}
          />
          <SessionSettingsForm sessionId={session.sessionId} config={session.config} canManage={canManage} />
        </div>
      </div>
    </div>
  );
}
