"use client";

import { sentence } from "@/components/sessions/live-session";
import type { StatusHistoryEntry } from "@/components/sessions/session-types";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { useT } from "@/components/shell/i18n";

/** The latest status changes (the gateway answers the last 20), newest first. */
export function SessionStatusHistory({ history }: { history: StatusHistoryEntry[] }) {
  const t = useT();
  return (
    <Card data-testid="status-history">
      <CardHeader title={t("sessions.history")} description={t("sessions.historyDescription")} />
      {history.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">{t("sessions.historyEmpty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {history.map((entry, index) => (
            <li
              key={`${String(entry.createdAt)}-${index}`}
              className="flex flex-col gap-1 px-5 py-2.5 sm:flex-row sm:items-start sm:gap-3"
              data-testid="history-row"
            >
              <div className="shrink-0 sm:w-40">
                <SessionStatusBadge status={entry.status} data-testid="history-status" />
              </div>
              <div className="min-w-0 flex-1">
                <p className="text-sm text-slate-700">{entry.reason ? sentence(entry.reason) : "—"}</p>
                <p className="text-xs text-slate-500">
                  <LocalTime value={entry.createdAt} seconds />
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
