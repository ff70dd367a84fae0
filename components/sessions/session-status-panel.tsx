import { formatPhone, sentence, type LiveSession } from "@/components/sessions/live-session";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import type { SocketState } from "@/components/sessions/use-session-events";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

/** Where the session stands now, as the gateway last said over the socket. */
export function SessionStatusPanel({ session, createdAt, socketState }: { session: LiveSession; createdAt: Date | string; socketState: SocketState }) {
  const none = <span className="text-slate-500">—</span>;
  const rows: Array<[string, React.ReactNode, string]> = [
    ["Status", <SessionStatusBadge key="status" status={session.status} data-testid="status-badge" />, "status"],
    ["Since", <LocalTime key="since" value={session.since} seconds />, "since"],
    ["Reason", session.reason ? sentence(session.reason) : none, "reason"],
    ["Last error", session.lastError ? sentence(session.lastError) : none, "last-error"],
    ["Reconnect attempts", String(session.reconnectAttempts), "reconnect-attempts"],
    ["Phone number", formatPhone(session.phoneNumber) ?? none, "phone"],
    ["WhatsApp name", session.profileName ?? none, "profile-name"],
    ["Paired at", session.pairedAt ? <LocalTime key="paired" value={session.pairedAt} seconds /> : "Never", "paired-at"],
    [
      "Session ID",
      <code key="id" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-800" data-testid="session-id">
        {session.sessionId}
      </code>,
      "session-id-row",
    ],
    ["Created", <LocalTime key="created" value={createdAt} />, "created"],
  ];
  return (
    <Card data-testid="status-panel">
      <CardHeader title="Status" actions={<SocketBadge state={socketState} />} />
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
  const live = state === "live";
  return (
    <span
      className={`inline-flex items-center gap-1.5 text-xs font-medium ${live ? "text-emerald-700" : "text-slate-500"}`}
      title={live ? "Status changes appear here as they happen" : "Not receiving live updates; reconnecting"}
      data-testid="socket-state"
      data-state={state}
    >
      <span aria-hidden className={`size-2 rounded-full ${live ? "bg-emerald-500" : "bg-slate-400"}`} />
      {live ? "Live" : state === "connecting" ? "Connecting…" : "Offline"}
    </span>
  );
}
