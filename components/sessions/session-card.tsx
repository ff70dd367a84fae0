"use client";

import Link from "next/link";
import { formatPhone, sentence, type LiveSession } from "@/components/sessions/live-session";
import { SessionActions } from "@/components/sessions/session-actions";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { useT } from "@/components/shell/i18n";

interface SessionCardProps {
  session: LiveSession;
  createdAt: Date | string;
  canManage: boolean;
  sandbox: boolean;
  onChanged: () => void;
}

export function SessionCard({ session, createdAt, canManage, sandbox, onChanged }: SessionCardProps) {
  const t = useT();
  return (
    <Card className="flex h-full flex-col p-5 transition-shadow hover:shadow-md" data-testid="session-card" data-session-id={session.sessionId}>
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

      <div className="mt-3 min-h-10 text-sm">
        <SessionSummary session={session} />
      </div>

      <p className="mt-auto pt-3 text-xs text-slate-500">
        {t("sessions.created")} <LocalTime value={createdAt} />
      </p>
      <div className="mt-4 flex items-center justify-between gap-2 border-t border-slate-100 pt-4">
        <div className="flex items-center gap-4">
          <Link href={`/sessions/${session.sessionId}`} className="text-sm font-medium text-blue-700 hover:underline">
            {t("sessions.open")}
          </Link>
          <Link href={`/sessions/${session.sessionId}/chats`} className="text-sm font-medium text-blue-700 hover:underline" data-testid="session-chats-link">
            {t("sessions.chats")}
          </Link>
        </div>
        {canManage && <SessionActions session={session} sandbox={sandbox} layout="card" afterDelete="refresh" onChanged={onChanged} />}
      </div>
    </Card>
  );
}

function PhoneGlyph() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-4 shrink-0 text-emerald-700">
      <path d="M7 1.5A2.5 2.5 0 0 0 4.5 4v12A2.5 2.5 0 0 0 7 18.5h6a2.5 2.5 0 0 0 2.5-2.5V4A2.5 2.5 0 0 0 13 1.5H7ZM6 4a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4Zm3 11a1 1 0 1 0 2 0 1 1 0 0 0-2 0Z" />
    </svg>
  );
}

/** The number it is linked to, or why it is not connected; shared by the card and the table row. */
export function SessionSummary({ session }: { session: LiveSession }) {
  const t = useT();
  const phone = formatPhone(session.phoneNumber);
  return (
    <div data-testid="session-summary">
      {session.status === "CONNECTED" ? (
        <p className="flex min-w-0 items-center gap-2 text-slate-700">
          <PhoneGlyph />
          <span className="truncate">
            <span className="font-medium text-slate-900" data-testid="session-phone">
              {phone ?? t("sessions.unknownNumber")}
            </span>
            {session.profileName && <span className="text-slate-600"> · {session.profileName}</span>}
          </span>
        </p>
      ) : (
        <p className="line-clamp-2 text-slate-600" data-testid="session-reason" title={session.reason ?? undefined}>
          {session.reason ? sentence(session.reason) : session.phoneNumber ? t("sessions.notConnected") : t("sessions.notLinked")}
        </p>
      )}
    </div>
  );
}
