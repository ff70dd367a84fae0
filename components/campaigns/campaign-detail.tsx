"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { CampaignChart, type TimelinePoint } from "@/components/campaigns/campaign-chart";
import { CampaignStatusBadge, ProgressBar } from "@/components/campaigns/campaign-status-badge";
import type { CampaignStatsView, CampaignView, RecipientView } from "@/components/campaigns/campaign-types";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { buttonClasses } from "@/components/ui/button-classes";

const RECIPIENT_STATUSES = ["pending", "queued", "sent", "delivered", "read", "failed", "skipped"];
const PAGE = 50;

const ACTIONS: Record<string, Array<{ action: string; label: string; variant: "primary" | "secondary" | "danger" }>> = {
  draft: [
    { action: "start", label: "Start now", variant: "primary" },
    { action: "cancel", label: "Cancel", variant: "danger" },
  ],
  scheduled: [
    { action: "start", label: "Start now", variant: "primary" },
    { action: "pause", label: "Pause", variant: "secondary" },
    { action: "cancel", label: "Cancel", variant: "danger" },
  ],
  running: [
    { action: "pause", label: "Pause", variant: "secondary" },
    { action: "cancel", label: "Cancel", variant: "danger" },
  ],
  paused: [
    { action: "resume", label: "Resume", variant: "primary" },
    { action: "cancel", label: "Cancel", variant: "danger" },
  ],
  completed: [],
  failed: [],
  cancelled: [],
};

export function CampaignDetail({ initial }: { initial: CampaignView }) {
  const [campaign, setCampaign] = useState(initial);
  const [series, setSeries] = useState<TimelinePoint[]>([]);
  const [recipients, setRecipients] = useState<{ recipients: RecipientView[]; total: number } | null>(null);
  const [filter, setFilter] = useState({ status: "", search: "", page: 1 });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<NodeJS.Timeout | null>(null);

  const loadRecipients = useCallback(async () => {
    const q = new URLSearchParams({
      page: String(filter.page),
      limit: String(PAGE),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.search ? { search: filter.search } : {}),
    });
    setRecipients(await requestJson("GET", `/api/campaigns/${initial.id}/recipients?${q}`));
  }, [filter, initial.id]);

  const load = useCallback(async () => {
    try {
      const [c, stats] = await Promise.all([
        requestJson<CampaignView>("GET", `/api/campaigns/${initial.id}`),
        requestJson<{ statistics: CampaignStatsView; series: TimelinePoint[] }>("GET", `/api/campaigns/${initial.id}/stats`),
      ]);
      setCampaign(c);
      setSeries(stats.series);
      await loadRecipients();
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [initial.id, loadRecipients]);

  // Events come at most once a second per campaign; a burst of them costs one re-read.
  const refreshSoon = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void load();
    }, 300);
  }, [load]);
  const mine = (handler: () => void) => (data: { campaignId?: string }) => data?.campaignId === initial.id && handler();
  const live = useSessionSocket(
    initial.sessionId,
    {
      "campaign.progress": mine(refreshSoon),
      "campaign.started": mine(refreshSoon),
      "campaign.paused": mine(refreshSoon),
      "campaign.resumed": mine(refreshSoon),
      "campaign.completed": mine(refreshSoon),
      "campaign.cancelled": mine(refreshSoon),
    } as never,
    refreshSoon,
  );

  useEffect(() => {
    void loadRecipients().catch((e) => setError(errorMessage(e)));
  }, [loadRecipients]);

  async function act(action: string) {
    setBusy(true);
    setError(null);
    try {
      await requestJson("POST", `/api/campaigns/${initial.id}/${action}`);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const s = campaign.statistics;
  const figures: Array<[string, number | undefined, string?]> = [
    ["Recipients", s?.total],
    ["Pending", s ? s.pending + s.queued : undefined],
    ["Sent", s?.sent],
    ["Delivered", s?.delivered, s ? `${s.deliveryRate}%` : undefined],
    ["Read", s?.read, s ? `${s.readRate}%` : undefined],
    ["Replied", s?.replied, s ? `${s.replyRate}%` : undefined],
    ["Failed", s?.failed],
    ["Skipped", s?.skipped],
  ];
  const pages = Math.max(1, Math.ceil((recipients?.total ?? 0) / PAGE));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <CampaignStatusBadge status={campaign.status} />
        <span className="text-sm text-slate-600">
          Session {campaign.sessionName} ·{" "}
          <span data-testid="live-state">{live === "live" ? "live" : live === "connecting" ? "connecting…" : "offline, reconnecting…"}</span>
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          {(ACTIONS[campaign.status] ?? []).map((a) => (
            <button key={a.action} type="button" disabled={busy} className={buttonClasses(a.variant, "sm")} onClick={() => void act(a.action)}>
              {a.label}
            </button>
          ))}
          {(s?.failed ?? 0) > 0 && campaign.status !== "cancelled" && (
            <button type="button" disabled={busy} className={buttonClasses("secondary", "sm")} onClick={() => void act("retry-failed")}>
              Retry failed
            </button>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <ProgressBar value={s?.progress ?? 0} label="Campaign progress" />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="campaign-figures">
        {figures.map(([label, value, rate]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-surface p-3">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums text-slate-900" data-testid={`figure-${label.toLowerCase()}`}>
              {value ?? "–"}
              {rate && <span className="ml-2 text-xs font-normal text-slate-600">{rate}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <section className="rounded-xl border border-slate-200 bg-surface p-4">
        <h2 className="mb-2 text-sm font-semibold text-slate-900">Sent, delivered and read over time</h2>
        <CampaignChart series={series} />
      </section>
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-900">Recipients</h2>
        <div className="mb-3 flex flex-wrap gap-2">
          <label className="sr-only" htmlFor="recipient-search">
            Search recipients
          </label>
          <input
            id="recipient-search"
            placeholder="Search number or field"
            className="h-9 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
            defaultValue={filter.search}
            onKeyDown={(e) => e.key === "Enter" && setFilter({ ...filter, search: e.currentTarget.value, page: 1 })}
          />
          <label className="sr-only" htmlFor="recipient-status">
            Recipient status
          </label>
          <select
            id="recipient-status"
            className="h-9 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value, page: 1 })}
          >
            <option value="">Any status</option>
            {RECIPIENT_STATUSES.map((st) => (
              <option key={st} value={st}>
                {st}
              </option>
            ))}
          </select>
        </div>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface">
          <table className="w-full text-left text-sm" data-testid="recipient-table">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Number
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Fields
                </th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  Sent
                </th>
              </tr>
            </thead>
            <tbody>
              {(recipients?.recipients ?? []).map((r) => (
                <tr key={r.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-2 tabular-nums">{r.number ?? r.phone}</td>
                  <td className="px-3 py-2">
                    {r.status}
                    {r.reason && <div className="text-xs text-slate-600">{r.reason}</div>}
                  </td>
                  <td className="hidden max-w-xs truncate px-3 py-2 text-slate-700 sm:table-cell">
                    {Object.entries(r.fields ?? {})
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join(", ")}
                  </td>
                  <td className="hidden px-3 py-2 text-slate-700 md:table-cell">{r.sentAt ? new Date(r.sentAt).toLocaleTimeString() : "–"}</td>
                </tr>
              ))}
              {recipients?.recipients.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-3 py-6 text-center text-slate-600">
                    No recipients match.
                  </td>
                </tr>
              )}
              {recipients === null && (
                <tr>
                  <td colSpan={4} className="px-3 py-6 text-center text-slate-600">
                    Loading…
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <nav className="mt-3 flex items-center justify-between text-sm text-slate-700" aria-label="Recipient pages">
          <span>
            {recipients?.total ?? "…"} recipients · page {filter.page} of {pages}
          </span>
          <span className="flex gap-2">
            <button
              type="button"
              className={buttonClasses("secondary", "sm")}
              disabled={filter.page <= 1}
              onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
            >
              Previous
            </button>
            <button
              type="button"
              className={buttonClasses("secondary", "sm")}
              disabled={filter.page >= pages}
              onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
            >
              Next
            </button>
          </span>
        </nav>
      </section>
    </div>
  );
}
