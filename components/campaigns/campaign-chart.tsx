"use client";

import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";

// Only what a line chart needs (chart.js pinned at the version the Overview uses).
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

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
    c.data.labels = series.map((p) => new Date(p.at).toLocaleTimeString());
    c.data.datasets = LINES.map((l) => ({
      label: l.label,
      data: series.map((p) => p[l.key]),
      borderColor: l.color,
      backgroundColor: l.color,
      pointRadius: 0,
      tension: 0.2,
    }));
    c.update();
  }, [series]);

  const last = series.at(-1);
  return (
    <figure>
      <div className="relative h-56">
        <canvas ref={canvas} role="img" aria-label="Sent, delivered and read over time" />
      </div>
      <figcaption className="sr-only">{last ? `So far: ${last.sent} sent, ${last.delivered} delivered, ${last.read} read.` : "Nothing sent yet."}</figcaption>
    </figure>
  );
}
