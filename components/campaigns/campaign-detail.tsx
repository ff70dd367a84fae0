"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { CampaignChart, type TimelinePoint } from "@/components/campaigns/campaign-chart";
import { CampaignStatusBadge, ProgressBar } from "@/components/campaigns/campaign-status-badge";
import type { CampaignStatsView, CampaignView, RecipientView } from "@/components/campaigns/campaign-types";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { useLocale, useT } from "@/components/shell/i18n";
import { buttonClasses } from "@/components/ui/button-classes";
import { LocalTime } from "@/components/ui/local-time";
import type { MessageKey } from "@/lib/i18n/messages";

const RECIPIENT_STATUSES: Record<string, MessageKey> = {
  pending: "campaigns.recipientPending",
  queued: "campaigns.recipientQueued",
  sent: "campaigns.recipientSent",
  delivered: "campaigns.recipientDelivered",
  read: "campaigns.recipientRead",
  failed: "campaigns.recipientFailed",
  skipped: "campaigns.recipientSkipped",
};
const PAGE = 50;

const ACTIONS: Record<string, Array<{ action: string; label: MessageKey; variant: "primary" | "secondary" | "danger" }>> = {
  draft: [
    { action: "start", label: "campaigns.startNow", variant: "primary" },
    { action: "cancel", label: "campaigns.cancel", variant: "danger" },
  ],
  scheduled: [
    { action: "start", label: "campaigns.startNow", variant: "primary" },
    { action: "pause", label: "campaigns.pause", variant: "secondary" },
    { action: "cancel", label: "campaigns.cancel", variant: "danger" },
  ],
  running: [
    { action: "pause", label: "campaigns.pause", variant: "secondary" },
    { action: "cancel", label: "campaigns.cancel", variant: "danger" },
  ],
  paused: [
    { action: "resume", label: "campaigns.resume", variant: "primary" },
    { action: "cancel", label: "campaigns.cancel", variant: "danger" },
  ],
  completed: [],
  failed: [],
  cancelled: [],
};

export function CampaignDetail({ initial }: { initial: CampaignView }) {
  const t = useT();
  const locale = useLocale();
  const count = (n: number) => n.toLocaleString(locale);
  const percent = (n: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(n / 100);
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
  // [test id, label, value, rate]: the test id stays English whatever the language.
  const figures: Array<[string, MessageKey, number | undefined, string?]> = [
    ["recipients", "campaigns.figureRecipients", s?.total],
    ["pending", "campaigns.figurePending", s ? s.pending + s.queued : undefined],
    ["sent", "campaigns.figureSent", s?.sent],
    ["delivered", "campaigns.figureDelivered", s?.delivered, s ? percent(s.deliveryRate) : undefined],
    ["read", "campaigns.figureRead", s?.read, s ? percent(s.readRate) : undefined],
    ["replied", "campaigns.figureReplied", s?.replied, s ? percent(s.replyRate) : undefined],
    ["failed", "campaigns.figureFailed", s?.failed],
    ["skipped", "campaigns.figureSkipped", s?.skipped],
  ];
  const pages = Math.max(1, Math.ceil((recipients?.total ?? 0) / PAGE));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <CampaignStatusBadge status={campaign.status} />
        <span className="text-sm text-slate-600">
          {t("campaigns.sessionName", { name: campaign.sessionName })} ·{" "}
          <span data-testid="live-state">{t(live === "live" ? "campaigns.live" : live === "connecting" ? "campaigns.connecting" : "campaigns.offline")}</span>
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          {(ACTIONS[campaign.status] ?? []).map((a) => (
            <button key={a.action} type="button" disabled={busy} className={buttonClasses(a.variant, "sm")} onClick={() => void act(a.action)}>
              {t(a.label)}
            </button>
          ))}
          {(s?.failed ?? 0) > 0 && campaign.status !== "cancelled" && (
            <button type="button" disabled={busy} className={buttonClasses("secondary", "sm")} onClick={() => void act("retry-failed")}>
              {t("campaigns.retryFailed")}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <ProgressBar value={s?.progress ?? 0} label={t("campaigns.campaignProgress")} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="campaign-figures">
        {figures.map(([key, label, value, rate]) => (
          <div key={key} className="rounded-xl border border-slate-200 bg-surface p-3">
            <dt className="text-xs text-slate-600">{t(label)}</dt>
            <dd className="text-xl font-semibold tabular-nums text-slate-900" data-testid={`figure-${key}`}>
              {value === undefined ? "–" : count(value)}
              {rate && <span className="ml-2 text-xs font-normal text-slate-600">{rate}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <section className="rounded-xl border border-slate-200 bg-surface p-4">
        <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("campaigns.overTime")}</h2>
        <CampaignChart series={series} />
      </section>
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("campaigns.recipients")}</h2>
        <div className="mb-3 flex flex-wrap gap-2">
          <label className="sr-only" htmlFor="recipient-search">
            {t("campaigns.searchRecipients")}
          </label>
          <input
            id="recipient-search"
            placeholder={t("campaigns.searchRecipientsPlaceholder")}
            className="h-9 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
            defaultValue={filter.search}
            onKeyDown={(e) => e.key === "Enter" && setFilter({ ...filter, search: e.currentTarget.value, page: 1 })}
          />
          <label className="sr-only" htmlFor="recipient-status">
            {t("campaigns.recipientStatus")}
          </label>
          <select
            id="recipient-status"
            className="h-9 rounded-lg bg-surface px-3 text-sm ring-1 ring-slate-300"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value, page: 1 })}
          >
            <option value="">{t("campaigns.anyStatus")}</option>
            {Object.entries(RECIPIENT_STATUSES).map(([st, label]) => (
              <option key={st} value={st}>
                {t(label)}
              </option>
            ))}
          </select>
        </div>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface">
          <table className="w-full text-left text-sm" data-testid="recipient-table">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("campaigns.number")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("campaigns.status")}
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  {t("campaigns.fields")}
                </th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  {t("campaigns.sentAt")}
                </th>
              </tr>
            </thead>
            <tbody>
              {(recipients?.recipients ?? []).map((r) => (
                <tr key={r.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-2 tabular-nums">{r.number ?? r.phone}</td>
                  <td className="px-3 py-2">
                    {RECIPIENT_STATUSES[r.status] ? t(RECIPIENT_STATUSES[r.status]) : r.status}
                    {r.reason && <div className="text-xs text-slate-600">{r.reason}</div>}
                  </td>
                  <td className="hidden max-w-xs truncate px-3 py-2 text-slate-700 sm:table-cell">
                    {Object.entries(r.fields ?? {})
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join(", ")}
                  </td>
                  <td className="hidden px-3 py-2 text-slate-700 md:table-cell">{r.sentAt ? <LocalTime value={r.sentAt} seconds /> : "–"}</td>
                </tr>
              ))}
              {recipients?.recipients.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-3 py-6 text-center text-slate-600">
                    {t("campaigns.noRecipientsMatch")}
                  </td>
                </tr>
              )}
              {recipients === null && (
                <tr>
                  <td colSpan={4} className="px-3 py-6 text-center text-slate-600">
                    {t("common.loading")}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <nav className="mt-3 flex items-center justify-between text-sm text-slate-700" aria-label={t("campaigns.recipientPages")}>
          <span>{t("campaigns.pageOf", { total: recipients ? count(recipients.total) : "…", page: count(filter.page), pages: count(pages) })}</span>
          <span className="flex gap-2">
            <button
              type="button"
              className={buttonClasses("secondary", "sm")}
              disabled={filter.page <= 1}
              onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
            >
              {t("common.previous")}
            </button>
            <button
              type="button"
              className={buttonClasses("secondary", "sm")}
              disabled={filter.page >= pages}
              onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
            >
              {t("common.next")}
            </button>
          </span>
        </nav>
      </section>
    </div>
  );
}
