"use client";

import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import { useLocale, useT } from "@/components/shell/i18n";
import type { MessageKey } from "@/lib/i18n/messages";

// Only what a line chart needs (chart.js pinned at the version the Overview uses).
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

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
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"line"> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const dark = document.documentElement.classList.contains("dark");
    const text = dark ? "#cbd5e1" : "#475569";
    const grid = dark ? "rgba(148,163,184,0.15)" : "rgba(100,116,139,0.15)";
    chart.current = new Chart(canvas.current, {
      type: "line",
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { ticks: { color: text, maxTicksLimit: 8 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
        },
        plugins: { legend: { position: "bottom", labels: { color: text, boxWidth: 12 } } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    // The viewer's language and saved zone (set on <html> by the shell), as LocalTime does.
    const time = new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone: document.documentElement.dataset.timeZone || undefined });
    c.data.labels = series.map((p) => time.format(new Date(p.at)));
    c.data.datasets = LINES.map((l) => ({
      label: t(l.label),
      data: series.map((p) => p[l.key]),
      borderColor: l.color,
      backgroundColor: l.color,
      pointRadius: 0,
      tension: 0.2,
    }));
    c.update();
    // t changes identity each render; the language it reads is `locale`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, locale]);

  const last = series.at(-1);
  return (
    <figure>
      <div className="relative h-56">
        <canvas ref={canvas} role="img" aria-label={t("campaigns.overTime")} />
      </div>
      <figcaption className="sr-only">
        {last
          ? t("campaigns.soFar", {
              sent: last.sent.toLocaleString(locale),
              delivered: last.delivered.toLocaleString(locale),
              read: last.read.toLocaleString(locale),
            })
          : t("campaigns.nothingSent")}
      </figcaption>
    </figure>
  );
}
