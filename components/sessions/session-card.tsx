import Link from "next/link";
import { SessionActions } from "@/components/sessions/session-actions";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import type { DashboardSession } from "@/components/sessions/session-types";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format-date";

export function SessionCard({ session, canManage }: { session: DashboardSession; canManage: boolean }) {
  return (
    <Card className="flex flex-col p-5 transition-shadow hover:shadow-md" data-testid="session-card" data-session-id={session.sessionId}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <Link
            href={`/sessions/${session.sessionId}`}
            className="block truncate text-base font-semibold text-slate-900 hover:text-blue-700"
            data-testid="session-link"
          >
            {session.name}
          </Link>
          <p className="mt-0.5 font-mono text-xs text-slate-500" data-testid="session-id">
            {session.sessionId}
          </p>
        </div>
        <SessionStatusBadge status={session.status} />
      </div>
      <p className="mt-4 text-xs text-slate-500">Created {formatDateTime(session.createdAt)}</p>
      <div className="mt-4 flex items-center justify-between gap-2 border-t border-slate-100 pt-4">
        <Link href={`/sessions/${session.sessionId}`} className="text-sm font-medium text-blue-700 hover:underline">
          Open →
        </Link>
        {canManage && <SessionActions session={{ sessionId: session.sessionId, name: session.name }} afterDelete="refresh" />}
      </div>
    </Card>
  );
}
