import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import type { DashboardSession } from "@/components/sessions/session-types";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format-date";

export function SessionDetails({ session }: { session: DashboardSession }) {
  const rows: Array<[string, React.ReactNode]> = [
    ["Session ID", <code key="id" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-800" data-testid="session-id">{session.sessionId}</code>],
    ["Status", <SessionStatusBadge key="status" status={session.status} />],
    ...(session.statusReason ? ([["Reason", session.statusReason]] as Array<[string, React.ReactNode]>) : []),
    ...(session.phoneNumber ? ([["Phone number", session.phoneNumber]] as Array<[string, React.ReactNode]>) : []),
    ...(session.profileName ? ([["WhatsApp name", session.profileName]] as Array<[string, React.ReactNode]>) : []),
    ["Status since", formatDateTime(session.statusChangedAt)],
    ["Created", formatDateTime(session.createdAt)],
  ];
  return (
    <Card>
      <CardHeader title="Details" />
      <dl className="divide-y divide-slate-100 px-5">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:gap-4">
            <dt className="w-32 shrink-0 text-sm text-slate-500">{label}</dt>
            <dd className="min-w-0 text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
