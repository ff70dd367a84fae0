"use client";

import Link from "next/link";
import { LiveIndicator } from "@/components/chat/live-indicator";
import type { SocketState } from "@/components/chat/use-session-socket";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { useT } from "@/components/shell/i18n";

interface ChatPageHeaderProps {
  sessionId: string;
  name: string;
  status: string;
  live?: SocketState;
  /** Controls at the end of the line (the notifications switch). */
  actions?: React.ReactNode;
}

/** The chat page's heading: back to the session, the session's status as it is now, and whether updates are live. */
export function ChatPageHeader({ sessionId, name, status, live, actions }: ChatPageHeaderProps) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <Link href={`/sessions/${sessionId}`} className="max-w-full truncate text-sm font-medium text-blue-700 hover:underline" data-testid="back-to-session">
        ← {name}
      </Link>
      <div className="flex min-w-0 items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("chat.title")}</h1>
        <SessionStatusBadge status={status} />
      </div>
      {(live || actions) && (
        <div className="ml-auto flex items-center gap-3">
          {actions}
          {live && <LiveIndicator state={live} />}
        </div>
      )}
    </div>
  );
}
