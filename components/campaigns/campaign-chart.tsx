"use client";

import { useMemo } from "react";
import { ChartCanvas } from "@/components/ui/chart-canvas";

export interface TimelinePoint {
  at: string;
  sent: number;
  delivered: number;
  read: number;
}

const LINES = [
  { key: "sent", label: "Sent", color: "#2563eb" },
  { key: "delivered", label: "Delivered", color: "#059669" },
  { key: "read", label: "Read", color: "#7c3aed" },
] as const;

/** Sent, delivered and read over time (cumulative). The numbers are in a hidden table for screen readers. */
export function CampaignChart({ series }: { series: TimelinePoint[] }) {
  const labels = useMemo(() => series.map((p) => new Date(p.at).toLocaleTimeString()), [series]);
  const datasets = useMemo(
    () =>
      LINES.map((l) => ({
        label: l.label,
        data: series.map((p) => p[l.key]),
        borderColor: l.color,
        backgroundColor: l.color,
        pointRadius: 0,
        tension: 0.2,
      })),
    [series],
  );

  const last = series.at(-1);
  return (
    <ChartCanvas kind="line" labels={labels} datasets={datasets} maxXTicks={8} ariaLabel="Sent, delivered and read over time" heightClass="h-56">
      <figcaption className="sr-only">{last ? `So far: ${last.sent} sent, ${last.delivered} delivered, ${last.read} read.` : "Nothing sent yet."}</figcaption>
    </ChartCanvas>
  );
}
