"use client";

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
} from "chart.js";
import { useEffect, useRef, type ReactNode } from "react";

// The one Chart.js wrapper of the dashboard: the Overview's stacked bars and a campaign's lines.
// Only the pieces those two chart types need are registered, so the bundle carries no others.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export type ChartKind = "bar" | "line";

export interface ChartCanvasProps<K extends ChartKind> {
  kind: K;
  labels: string[];
  datasets: ChartDataset<K, number[]>[];
  /** Bars stacked per label (one colour per dataset). */
  stacked?: boolean;
  /** Fewer x labels than points on a long series. */
  maxXTicks?: number;
  /** What the canvas shows, for screen readers (a canvas is otherwise invisible to them). */
  ariaLabel: string;
  /** Tailwind height of the chart box, e.g. "h-64". */
  heightClass: string;
  /** The same numbers as text for screen readers (visually hidden): a table or a caption. */
  children?: ReactNode;
}

/**
 * A responsive Chart.js chart in the dashboard's colours (light or dark, read once at mount). The
 * chart is created once and updated in place when labels or datasets change, so a polling page
 * does not re-create it on every answer.
 */
export function ChartCanvas<K extends ChartKind>({
  kind,
  labels,
  datasets,
  stacked = false,
  maxXTicks,
  ariaLabel,
  heightClass,
  children,
}: ChartCanvasProps<K>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<ChartKind, number[]> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const dark = document.documentElement.classList.contains("dark");
    const text = dark ? "#cbd5e1" : "#475569";
    const grid = dark ? "rgba(148,163,184,0.15)" : "rgba(100,116,139,0.15)";
    chart.current = new Chart<ChartKind, number[]>(canvas.current, {
      type: kind,
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked, ticks: { color: text, ...(maxXTicks ? { maxTicksLimit: maxXTicks } : {}) }, grid: { display: false } },
          y: { stacked, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
        },
        plugins: { legend: { position: "bottom", labels: { color: text, boxWidth: 12 } } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [kind, stacked, maxXTicks]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets = datasets as ChartDataset<ChartKind, number[]>[];
    c.update();
  }, [labels, datasets]);

  return (
    <figure>
      <div className={`relative ${heightClass}`}>
        <canvas ref={canvas} role="img" aria-label={ariaLabel} />
      </div>
      {children}
    </figure>
  );
}
