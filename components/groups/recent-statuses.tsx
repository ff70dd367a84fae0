"use client";

import { useCallback, useState } from "react";
import { requestJson } from "@/components/api/request-json";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { useT } from "@/components/shell/i18n";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

interface StatusView {
  id: string;
  fromMe: boolean;
  from: string | null;
  pushName: string | null;
  type: string;
  content: string | null;
  timestamp: string;
}

/** Statuses the session's contacts posted (and its own), newest first, live as they arrive. */
export function RecentStatuses({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [statuses, setStatuses] = useState<StatusView[] | null>(null);
  const reload = useCallback(async () => {
    try {
      setStatuses(await requestJson<StatusView[]>("GET", `/api/status?sessionId=${encodeURIComponent(sessionId)}&limit=20`));
    } catch {
      // Kept as it was; the next event reloads.
    }
  }, [sessionId]);
  useSessionSocket(sessionId, { "status.update": reload }, reload);
  return (
    <Card data-testid="recent-statuses">
      <CardHeader title={t("groups.recentStatuses")} description={t("groups.recentHint")} />
      <ul className="divide-y divide-slate-100 px-4">
        {statuses === null && <li className="py-3 text-sm text-slate-500">{t("common.loading")}</li>}
        {statuses?.length === 0 && <li className="py-3 text-sm text-slate-500">{t("groups.noStatuses")}</li>}
        {statuses?.map((s) => (
          <li key={s.id} className="py-3 text-sm" data-testid="status-item">
            <span className="font-medium text-slate-900">
              {s.fromMe ? t("groups.you") : (s.pushName ?? (s.from ? `+${s.from.split("@")[0]}` : t("groups.someone")))}
            </span>
            <span className="ml-2 text-xs text-slate-500">
              <LocalTime value={s.timestamp} />
            </span>
            <p className="mt-0.5 break-words text-slate-700">{s.content ?? `(${s.type.toLowerCase()})`}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
