import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon } from "@/components/chat/chat-icons";
import type { MessageStatus as Status } from "@/components/chat/chat-types";
import { useT } from "@/components/shell/i18n";

/** WhatsApp's ticks for one of our messages: clock, ✓, grey ✓✓, blue ✓✓, or a red failure mark. */
export function MessageStatus({ status, reason, className = "" }: { status: Status; reason?: string | null; className?: string }) {
  const t = useT();
  const label = status === "FAILED" && reason ? t("chat.notSentBecause", { reason }) : t(`chat.status.${status}`);
  const tone = status === "READ" ? "text-sky-500" : status === "FAILED" ? "text-red-700" : "text-slate-500";
  return (
    <span className={`inline-flex items-center ${tone} ${className}`} title={label} data-testid="message-status" data-status={status}>
      {status === "PENDING" && <ClockIcon />}
      {status === "SENT" && <CheckIcon />}
      {(status === "DELIVERED" || status === "READ") && <DoubleCheckIcon />}
      {status === "FAILED" && <AlertIcon />}
      <span className="sr-only">{label}</span>
    </span>
  );
}
