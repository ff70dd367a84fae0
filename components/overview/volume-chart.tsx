"use client";

import { useMemo } from "react";
import { ChartCanvas } from "@/components/ui/chart-canvas";

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
  const datasets = useMemo(
    () => series.map((s, i) => ({ label: s.label, data: s.counts, backgroundColor: PALETTE[i % PALETTE.length], borderRadius: 3 })),
    [series],
  );

  return (
    <ChartCanvas kind="bar" labels={labels} datasets={datasets} stacked ariaLabel={caption} heightClass="h-64">
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
    </ChartCanvas>
  );
}
