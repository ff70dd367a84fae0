"use client";

import { CAMPAIGN_STATUS_LABEL } from "@/components/campaigns/campaign-status-labels";
import { useLocale, useT } from "@/components/shell/i18n";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  draft: "slate",
  scheduled: "violet",
  running: "blue",
  paused: "amber",
  completed: "green",
  cancelled: "slate",
  failed: "red",
};

export function CampaignStatusBadge({ status }: { status: string }) {
  const t = useT();
  const label = CAMPAIGN_STATUS_LABEL[status];
  return (
    <Badge tone={TONE[status] ?? "slate"} dot={status === "running"} data-testid="campaign-status" data-status={status}>
      {label ? t(label) : status}
    </Badge>
  );
}

/** Done recipients out of all, as a bar with its number for screen readers. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const locale = useLocale();
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-2 w-full min-w-16 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-blue-600 transition-[width]" style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      </div>
      <span className="w-10 shrink-0 text-right text-xs tabular-nums text-slate-600">
        {new Intl.NumberFormat(locale, { style: "percent" }).format(value / 100)}
      </span>
    </div>
  );
}
