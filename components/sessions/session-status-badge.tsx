"use client";

import { useT } from "@/components/shell/i18n";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE = { DISCONNECTED: "slate", CONNECTING: "amber", QR: "blue", CONNECTED: "green", ZOMBIE: "orange", LOGGED_OUT: "red" } as const satisfies Record<
  string,
  BadgeTone
>;
type KnownStatus = keyof typeof TONE;
const isKnown = (status: string): status is KnownStatus => status in TONE;

export function SessionStatusBadge({ status, "data-testid": testId = "session-status" }: { status: string; "data-testid"?: string }) {
  const t = useT();
  return (
    <Badge tone={isKnown(status) ? TONE[status] : "slate"} dot data-testid={testId} data-status={status}>
      {isKnown(status) ? t(`sessions.status.${status}`) : status}
    </Badge>
  );
}
