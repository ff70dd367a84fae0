"use client";

import { useMemo } from "react";
import { useLocale, useT } from "@/components/shell/i18n";
import { ChartCanvas } from "@/components/ui/chart-canvas";
import type { MessageKey } from "@/lib/i18n/messages";

export interface TimelinePoint {
  at: string;
  sent: number;
  delivered: number;
  read: number;
}

const LINES: ReadonlyArray<{ key: "sent" | "delivered" | "read"; label: MessageKey; color: string }> = [
  { key: "sent", label: "campaigns.figureSent", color: "#2563eb" },
  { key: "delivered", label: "campaigns.figureDelivered", color: "#059669" },
  { key: "read", label: "campaigns.figureRead", color: "#7c3aed" },
];

/** Sent, delivered and read over time (cumulative). The numbers are in a hidden table for screen readers. */
export function CampaignChart({ series }: { series: TimelinePoint[] }) {
  const t = useT();
  const locale = useLocale();
  // The viewer's language and saved zone (set on <html> by the shell), as LocalTime does. The labels
  // only reach the canvas, which draws in the browser; the server render has no <html> to read.
  const labels = useMemo(() => {
    const timeZone = typeof document === "undefined" ? undefined : document.documentElement.dataset.timeZone || undefined;
    const time = new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone });
    return series.map((p) => time.format(new Date(p.at)));
  }, [series, locale]);
  const datasets = useMemo(
    () =>
      LINES.map((l) => ({
        label: t(l.label),
        data: series.map((p) => p[l.key]),
        borderColor: l.color,
        backgroundColor: l.color,
        pointRadius: 0,
        tension: 0.2,
      })),
    [series, t],
  );

  const last = series.at(-1);
  return (
    <ChartCanvas kind="line" labels={labels} datasets={datasets} maxXTicks={8} ariaLabel={t("campaigns.overTime")} heightClass="h-56">
      <figcaption className="sr-only">
        {last
          ? t("campaigns.soFar", {
              sent: last.sent.toLocaleString(locale),
              delivered: last.delivered.toLocaleString(locale),
              read: last.read.toLocaleString(locale),
            })
          : t("campaigns.nothingSent")}
      </figcaption>
    </ChartCanvas>
  );
}
