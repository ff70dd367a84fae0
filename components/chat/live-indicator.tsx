"use client";

import type { SocketState } from "@/components/chat/use-session-socket";
import { useT } from "@/components/shell/i18n";

/** Whether the page is receiving the session's events right now. */
export function LiveIndicator({ state }: { state: SocketState }) {
  const t = useT();
  const [dot, label] =
    state === "live"
      ? ["bg-emerald-500", t("chat.live")]
      : state === "connecting"
        ? ["bg-amber-400", t("chat.connecting")]
        : ["bg-red-500", t("chat.reconnecting")];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-slate-500"
      data-testid="live-indicator"
      data-state={state}
      title={state === "live" ? t("chat.liveHint") : t("chat.pausedHint")}
    >
      <span aria-hidden className={`size-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
