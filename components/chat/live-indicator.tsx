import type { SocketState } from "@/components/chat/use-session-socket";

/** Whether the page is receiving the session's events right now. */
export function LiveIndicator({ state }: { state: SocketState }) {
  const [dot, label] =
    state === "live" ? ["bg-emerald-500", "Live"] : state === "connecting" ? ["bg-amber-400", "Connecting…"] : ["bg-red-500", "Reconnecting…"];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-slate-500"
      data-testid="live-indicator"
      data-state={state}
      title={state === "live" ? "Updates arrive as they happen" : "Live updates are paused"}
    >
      <span aria-hidden className={`size-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
