"use client";

import { formatDateTime } from "@/components/ui/format-date";
import { useHydrated } from "@/components/ui/use-hydrated";
import { viewerLocale, viewerTimeZone } from "@/components/ui/viewer-locale";

/**
 * The dashboard's one date rule (components/README.md, "Dates"): a time is shown in the viewer's
 * time zone and language, with the exact instant (seconds and zone) on hover. The server cannot
 * know the viewer's zone, so its HTML carries the UTC text and the browser rewrites it after
 * hydration — `useHydrated` keeps that from being a hydration mismatch.
 */
export function LocalTime({ value, seconds = false, fallback = "—" }: { value: Date | string | null | undefined; seconds?: boolean; fallback?: string }) {
  const hydrated = useHydrated();
  if (!value) return <>{fallback}</>;
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <>{fallback}</>;
  return (
    <time dateTime={date.toISOString()} title={hydrated ? formatExact(date) : undefined} data-testid="local-time">
      {hydrated ? formatLocal(date, seconds) : formatDateTime(date, { seconds })}
    </time>
  );
}

export function formatLocal(date: Date, seconds = false): string {
  return new Intl.DateTimeFormat(viewerLocale(), { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", timeZone: viewerTimeZone() }).format(date);
}

/** "Sunday, 29 November 2026 at 21:29:15.123 Central European Standard Time". */
export function formatExact(date: Date): string {
  return new Intl.DateTimeFormat(viewerLocale(), {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    timeZoneName: "long",
    timeZone: viewerTimeZone(),
  }).format(date);
}
