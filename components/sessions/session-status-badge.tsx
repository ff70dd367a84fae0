import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  DISCONNECTED: { label: "Disconnected", tone: "slate" },
  CONNECTING: { label: "Connecting", tone: "amber" },
  QR: { label: "Waiting for QR scan", tone: "blue" },
  CONNECTED: { label: "Connected", tone: "green" },
  ZOMBIE: { label: "Unresponsive", tone: "orange" },
  LOGGED_OUT: { label: "Logged out", tone: "red" },
};

export function SessionStatusBadge({ status, "data-testid": testId = "session-status" }: { status: string; "data-testid"?: string }) {
  const known = STATUS[status] ?? { label: status, tone: "slate" as const };
  return (
    <Badge tone={known.tone} dot data-testid={testId} data-status={status}>
      {known.label}
    </Badge>
  );
}
