"use client";

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";

// Only the pieces a stacked bar chart needs, so the bundle carries no other chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE = ["#2563eb", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#dc2626"];

export interface VolumeSeries {
  label: string;
  counts: number[];
}

/**
 * Messages per bucket, one stacked colour per session. A canvas is invisible to screen readers, so
 * the same numbers are also in the table under it (visually hidden).
 */
export function VolumeChart({ labels, series, caption }: { labels: string[]; series: VolumeSeries[]; caption: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"bar"> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const dark = document.documentElement.classList.contains("dark");
    const text = dark ? "#cbd5e1" : "#475569";
    const grid = dark ? "rgba(148,163,184,0.15)" : "rgba(100,116,139,0.15)";
    chart.current = new Chart(canvas.current, {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, ticks: { color: text }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
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
    c.data.labels = labels;
    c.data.datasets = series.map((s, i) => ({ label: s.label, data: s.counts, backgroundColor: PALETTE[i % PALETTE.length], borderRadius: 3 }));
    c.update();
  }, [labels, series]);

  return (
    <figure>
      <div className="relative h-64">
        <canvas ref={canvas} role="img" aria-label={caption} />
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              {s.counts.map((n, i) => (
                <td key={labels[i]}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
