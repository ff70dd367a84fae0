"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { useT } from "@/components/shell/i18n";
import { useLiveRefresh } from "@/components/overview/use-live-refresh";
import { VolumeChart, type VolumeSeries } from "@/components/overview/volume-chart";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

/** GET /api/overview's answer (lib/overview/get-overview.ts), as JSON. */
interface Overview {
  timeZone: string;
  sessions: { online: number; total: number };
  messagesToday: { in: number; out: number };
  failedSends24h: number;
  failedWebhookDeliveries24h: number | null;
  volume: {
    days: string[];
    hours: string[];
    byDay: { id: string; sessionId: string; bucket: string; direction: "in" | "out"; count: number }[];
    byHour: { id: string; sessionId: string; bucket: string; direction: "in" | "out"; count: number }[];
  };
  health: {
    /** The session's internal id: sessionIds are unique per owner only. */
    id: string;
    sessionId: string;
    name: string;
    status: string;
    phoneNumber: string | null;
    statusChangedAt: string;
    lastMessageAt: string | null;
    reconnects24h: number;
  }[];
}

function viewerTimeZone(): string {
  try {
    // The account's saved zone (the shell puts it on <html>), else the browser's.
    return document.documentElement.dataset.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function OverviewPanel({ sessionIds }: { sessionIds: string[] }) {
  const t = useT();
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState<"days" | "hours">("days");

  const load = useCallback(async () => {
    try {
      setData(await requestJson<Overview>("GET", `/api/overview?${new URLSearchParams({ tz: viewerTimeZone() })}`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(sessionIds, load);

  const chart = useMemo(() => (data ? chartOf(data, range) : null), [data, range]);
  const number = (n: number) => new Intl.NumberFormat(typeof document === "undefined" ? undefined : document.documentElement.lang || undefined).format(n);

  if (error && !data) return <Alert>{error}</Alert>;
  if (!data) {
    return (
      <p className="text-sm text-slate-600" role="status">
        {t("overview.loading")}
      </p>
    );
  }
  return (
    <div className="space-y-6" data-testid="overview">
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat
          label={t("overview.sessionsOnline")}
          value={`${number(data.sessions.online)} / ${number(data.sessions.total)}`}
          href="/sessions?status=CONNECTED"
          testId="stat-sessions"
        />
        <Stat
          label={t("overview.inToday")}
          value={number(data.messagesToday.in)}
          href={`/logs?direction=in&period=today&tz=${encodeURIComponent(data.timeZone)}`}
          testId="stat-in"
        />
        <Stat
          label={t("overview.outToday")}
          value={number(data.messagesToday.out)}
          href={`/logs?direction=out&period=today&tz=${encodeURIComponent(data.timeZone)}`}
          testId="stat-out"
        />
        <Stat
          label={t("overview.failedSends")}
          value={number(data.failedSends24h)}
          href="/logs?direction=out&status=FAILED&period=24h"
          testId="stat-failed-sends"
          alert={data.failedSends24h > 0}
        />
        {data.failedWebhookDeliveries24h !== null && (
          <Stat
            label={t("overview.failedDeliveries")}
            value={number(data.failedWebhookDeliveries24h)}
            href="/webhooks?status=FAILED"
            testId="stat-failed-deliveries"
            alert={data.failedWebhookDeliveries24h > 0}
          />
        )}
      </ul>

      <Card>
        <CardHeader
          title={t("overview.volume")}
          actions={
            <div role="group" aria-label={t("overview.period")} className="inline-flex rounded-lg ring-1 ring-slate-300 ring-inset">
              {(["days", "hours"] as const).map((r) => (
                <button
                  key={r}
                  type="button"
                  aria-pressed={range === r}
                  onClick={() => setRange(r)}
                  className="px-3 py-1 text-sm font-medium text-slate-700 first:rounded-l-lg last:rounded-r-lg hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:bg-blue-600 aria-pressed:text-white"
                  data-testid={`volume-${r}`}
                >
                  {r === "days" ? t("overview.days") : t("overview.hours")}
                </button>
              ))}
            </div>
          }
        />
        <div className="p-4 sm:px-5">
          {chart && chart.series.length > 0 ? (
            <VolumeChart
              labels={chart.labels}
              series={chart.series}
              caption={range === "days" ? "Messages per day over the last 7 days, by session" : "Messages per hour over the last 24 hours, by session"}
            />
          ) : (
            <p className="py-8 text-center text-sm text-slate-600">{t("overview.noMessages")}</p>
          )}
        </div>
      </Card>

      <section aria-labelledby="health-heading">
        <h2 id="health-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t("overview.health")}
        </h2>
        {data.health.length === 0 ? (
          <EmptyState
            title="No sessions yet"
            description="Create a session and link a phone to see it here."
            action={
              <Link href="/sessions" className="text-sm font-medium text-blue-700 hover:underline">
                Go to sessions
              </Link>
            }
          />
        ) : (
          <div
            className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm focus-visible:outline-2 focus-visible:outline-blue-600"
            tabIndex={0}
            role="region"
            aria-label="Session health"
          >
            <table className="min-w-full text-sm" data-testid="health-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    {t("overview.session")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("overview.status")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("overview.since")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("overview.lastMessage")}
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    {t("overview.reconnects")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.health.map((s) => (
                  <tr key={s.id} data-testid="health-row">
                    <td className="px-4 py-2">
                      <Link href={`/sessions/${s.sessionId}`} className="font-medium text-blue-700 hover:underline">
                        {s.name}
                      </Link>
                      <div className="text-xs text-slate-600">{s.phoneNumber ?? s.sessionId}</div>
                    </td>
                    <td className="px-4 py-2">
                      <SessionStatusBadge status={s.status} />
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                      <LocalTime value={s.statusChangedAt} />
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                      <LocalTime value={s.lastMessageAt} fallback={t("overview.noneYet")} />
                    </td>
                    <td className="px-4 py-2 text-right text-slate-700 tabular-nums">{number(s.reconnects24h)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, href, testId, alert = false }: { label: string; value: string; href: string; testId: string; alert?: boolean }) {
  return (
    <li>
      <Link
        href={href}
        className="block h-full rounded-xl border border-slate-200 bg-surface p-4 shadow-sm hover:border-blue-300 focus-visible:outline-2 focus-visible:outline-blue-600"
        data-testid={testId}
      >
        <span className="block text-sm text-slate-600">{label}</span>
        <span className={`mt-1 block text-2xl font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-900"}`} data-testid="stat-value">
          {value}
        </span>
      </Link>
    </li>
  );
}

/** Sums in and out per session and bucket, in the order of the x axis (empty buckets are 0). */
function chartOf(data: Overview, range: "days" | "hours"): { labels: string[]; series: VolumeSeries[] } {
  const buckets = range === "days" ? data.volume.days : data.volume.hours;
  const rows = range === "days" ? data.volume.byDay : data.volume.byHour;
  const index = new Map(buckets.map((b, i) => [b, i]));
  // Keyed by the internal id: a superadmin sees every tenant's sessions, and two tenants may both
  // have a "shop". A name several sessions share is told apart by the phone number.
  const named = new Map<string, number>();
  for (const s of data.health) named.set(s.name, (named.get(s.name) ?? 0) + 1);
  const names = new Map(data.health.map((s) => [s.id, (named.get(s.name) ?? 0) > 1 ? `${s.name} (${s.phoneNumber ?? s.sessionId})` : s.name]));
  const bySession = new Map<string, number[]>();
  for (const row of rows) {
    const at = index.get(row.bucket);
    if (at === undefined) continue;
    const counts = bySession.get(row.id) ?? new Array<number>(buckets.length).fill(0);
    counts[at] += row.count;
    bySession.set(row.id, counts);
  }
  const locale = document.documentElement.lang || undefined;
  const label = (bucket: string) => {
    const [day, time] = bucket.split("T");
    const date = new Date(`${day}T12:00:00Z`);
    return range === "days" ? new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", timeZone: "UTC" }).format(date) : time;
  };
  return {
    labels: buckets.map(label),
    series: [...bySession].map(([id, counts]) => ({ label: names.get(id) ?? id, counts })),
  };
}
