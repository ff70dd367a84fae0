"use client";

import { formatPhone, sentence, type LiveSession } from "@/components/sessions/live-session";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import type { SocketState } from "@/components/sessions/use-session-events";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { useLocale, useT } from "@/components/shell/i18n";

/** Where the session stands now, as the gateway last said over the socket. */
export function SessionStatusPanel({ session, createdAt, socketState }: { session: LiveSession; createdAt: Date | string; socketState: SocketState }) {
  const t = useT();
  const none = <span className="text-slate-500">—</span>;
  const rows: Array<[string, React.ReactNode, string]> = [
    [t("sessions.status"), <SessionStatusBadge key="status" status={session.status} data-testid="status-badge" />, "status"],
    [t("sessions.since"), <LocalTime key="since" value={session.since} seconds />, "since"],
    [t("sessions.reason"), session.reason ? sentence(session.reason) : none, "reason"],
    [t("sessions.lastError"), session.lastError ? sentence(session.lastError) : none, "last-error"],
    [t("sessions.reconnectAttempts"), new Intl.NumberFormat(useLocale()).format(session.reconnectAttempts), "reconnect-attempts"],
    [t("sessions.phoneNumber"), formatPhone(session.phoneNumber) ?? none, "phone"],
    [t("sessions.whatsappName"), session.profileName ?? none, "profile-name"],
    [t("sessions.pairedAt"), session.pairedAt ? <LocalTime key="paired" value={session.pairedAt} seconds /> : t("sessions.never"), "paired-at"],
    [
      t("sessions.sessionId"),
      <code key="id" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-800" data-testid="session-id">
        {session.sessionId}
      </code>,
      "session-id-row",
    ],
    [t("sessions.created"), <LocalTime key="created" value={createdAt} />, "created"],
  ];
  return (
    <Card data-testid="status-panel">
      <CardHeader title={t("sessions.status")} actions={<SocketBadge state={socketState} />} />
      <dl className="divide-y divide-slate-100 px-5">
        {rows.map(([label, value, id]) => (
          <div key={label} className="grid grid-cols-[8.5rem_minmax(0,1fr)] items-baseline gap-3 py-2.5 sm:grid-cols-[10rem_minmax(0,1fr)]">
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="min-w-0 text-sm break-words text-slate-900" data-testid={`status-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function SocketBadge({ state }: { state: SocketState }) {
  const t = useT();
  const live = state === "live";
  return (
    <span
      className={`inline-flex items-center gap-1.5 text-xs font-medium ${live ? "text-emerald-700" : "text-slate-500"}`}
      title={live ? t("sessions.socketLiveTitle") : t("sessions.socketOfflineTitle")}
      data-testid="socket-state"
      data-state={state}
    >
      <span aria-hidden className={`size-2 rounded-full ${live ? "bg-emerald-500" : "bg-slate-400"}`} />
      {live ? t("sessions.live") : state === "connecting" ? t("sessions.connecting") : t("sessions.offline")}
    </span>
  );
}
