"use client";

import { BellIcon } from "@/components/chat/chat-icons";
import type { MessageNotifications } from "@/components/chat/use-message-notifications";
import { useT } from "@/components/shell/i18n";

/** The switch for browser notifications of new messages; hidden where the browser has none. */
export function NotificationToggle({ notifications }: { notifications: Pick<MessageNotifications, "state" | "toggle"> }) {
  const t = useT();
  const { state, toggle } = notifications;
  if (state === "unsupported") return null;
  const on = state === "on";
  const blocked = state === "blocked";
  const label = on ? t("chat.notify.on") : blocked ? t("chat.notify.blocked") : t("chat.notify.enable");
  const hint = on ? t("chat.notify.onHint") : blocked ? t("chat.notify.blockedHint") : t("chat.notify.enableHint");
  return (
    <button
      type="button"
      onClick={toggle}
      disabled={blocked}
      aria-pressed={on}
      title={hint}
      data-testid="notifications-toggle"
      data-state={state}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed ${
        on ? "bg-blue-50 text-blue-800 ring-blue-200" : "text-slate-600 ring-slate-200 hover:bg-slate-50"
      }`}
    >
      <BellIcon />
      {label}
    </button>
  );
}
