"use client";
// One webhook's delivery log: every delivery with its status, attempts, last status code and
// latency, the attempts behind it, and replay (one, all dead, or every failed one right now).
import { useCallback, useEffect, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { useWebhookAttempts } from "@/components/webhooks/webhook-live";
import { STATUS_TONE, type DeliveryView } from "@/components/webhooks/webhook-types";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { useLocale, useT } from "@/components/shell/i18n";

const FILTERS = ["", "PENDING", "DELIVERED", "FAILED", "DEAD"] as const;

export function DeliveryLog({ webhookId, onChanged }: { webhookId: string; onChanged?: () => void }) {
  const [status, setStatus] = useState<(typeof FILTERS)[number]>("");
  const [rows, setRows] = useState<DeliveryView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const t = useT();
  const number = new Intl.NumberFormat(useLocale());
  const statusLabel = (s: Exclude<(typeof FILTERS)[number], "">) => t(`webhooks.status.${s}`);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const query = new URLSearchParams({ limit: "25", ...(status ? { status } : {}), ...(after ? { cursor: after } : {}) });
        const page = await requestJson<{ deliveries: DeliveryView[]; nextCursor: string | null }>("GET", `/api/webhooks/${webhookId}/deliveries?${query}`);
        setRows((current) => (after ? [...current, ...page.deliveries] : page.deliveries));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [status, webhookId],
  );

  useEffect(() => {
    void load(null);
  }, [load]);
  // Live: each recorded attempt of this webhook re-reads the first page (no Refresh button).
  useWebhookAttempts(webhookId, () => void load(null));

  async function act(key: string, method: "POST", url: string, body?: unknown) {
    setBusy(key);
    setError(null);
    try {
      await requestJson(method, url, body);
      await load(null);
      onChanged?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-3" data-testid="delivery-log">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm text-slate-600">
          {t("webhooks.status")}{" "}
          <select
            className="ml-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
            data-testid="delivery-filter"
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f ? statusLabel(f) : t("webhooks.all")}
              </option>
            ))}
          </select>
        </label>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => act("bulk-dead", "POST", `/api/webhooks/${webhookId}/replay`, { status: "DEAD" })}
          pending={busy === "bulk-dead"}
          data-testid="replay-dead"
        >
          {t("webhooks.replayDead")}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => act("bulk-failed", "POST", `/api/webhooks/${webhookId}/replay`, { status: "FAILED" })}
          pending={busy === "bulk-failed"}
        >
          {t("webhooks.retryFailed")}
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
      {rows.length === 0 && !loading ? (
        <p className="text-sm text-slate-500">{status ? t("webhooks.noDeliveriesWith", { status: statusLabel(status) }) : t("webhooks.noDeliveries")}</p>
      ) : (
        <div
          className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600"
          tabIndex={0}
          role="region"
          aria-label={t("webhooks.deliveries")}
        >
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">{t("webhooks.time")}</th>
                <th className="py-2 pr-3 font-medium">{t("webhooks.event")}</th>
                <th className="py-2 pr-3 font-medium">{t("webhooks.status")}</th>
                <th className="py-2 pr-3 font-medium">{t("webhooks.attempts")}</th>
                <th className="py-2 pr-3 font-medium">{t("webhooks.code")}</th>
                <th className="py-2 pr-3 font-medium">{t("webhooks.latency")}</th>
                <th className="py-2 pr-3 font-medium">{t("webhooks.lastError")}</th>
                <th className="py-2 font-medium" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((d) => {
                const last = d.attemptLog[0];
                return (
                  <Row key={d.id} expanded={open === d.id}>
                    <tr data-testid="delivery-row" className="align-top">
                      <td className="py-2 pr-3 whitespace-nowrap text-slate-600">
                        <LocalTime value={d.createdAt} seconds />
                      </td>
                      <td className="py-2 pr-3">
                        <code className="text-xs">{d.event}</code>
                      </td>
                      <td className="py-2 pr-3">
                        <Badge tone={STATUS_TONE[d.status]} dot>
                          {statusLabel(d.status)}
                        </Badge>
                        {d.status === "FAILED" && d.nextAttemptAt && (
                          <div className="mt-0.5 text-xs text-slate-500">
                            {t("webhooks.next")} <LocalTime value={d.nextAttemptAt} seconds />
                          </div>
                        )}
                      </td>
                      <td className="py-2 pr-3 tabular-nums">{number.format(d.attempts)}</td>
                      <td className="py-2 pr-3 tabular-nums">{d.lastStatusCode ?? "—"}</td>
                      <td className="py-2 pr-3 tabular-nums">{last ? `${number.format(last.latencyMs)} ms` : "—"}</td>
                      <td className="max-w-56 truncate py-2 pr-3 text-slate-600" title={d.lastError ?? undefined}>
                        {d.lastError ?? ""}
                      </td>
                      <td className="py-2 whitespace-nowrap">
                        <Button size="sm" variant="ghost" onClick={() => setOpen(open === d.id ? null : d.id)} aria-expanded={open === d.id}>
                          {t("webhooks.attempts")}
                        </Button>
                        {d.status !== "PENDING" && (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => act(d.id, "POST", `/api/webhooks/${webhookId}/deliveries/${d.id}/replay`)}
                            pending={busy === d.id}
                            data-testid="replay-one"
                          >
                            {t("webhooks.replay")}
                          </Button>
                        )}
                      </td>
                    </tr>
                    <tr>
                      <td colSpan={8} className="bg-slate-50 px-3 py-2">
                        {d.attemptLog.length === 0 ? (
                          <p className="text-xs text-slate-500">{t("webhooks.notAttempted")}</p>
                        ) : (
                          <ul className="space-y-1 text-xs text-slate-700">
                            {d.attemptLog.map((a) => (
                              <li key={a.id} className="flex flex-wrap gap-x-3">
                                <span className="text-slate-500">
                                  <LocalTime value={a.createdAt} seconds />
                                </span>
                                <span className="tabular-nums">{a.statusCode ?? t("webhooks.noAnswer")}</span>
                                <span className="tabular-nums">{number.format(a.latencyMs)} ms</span>
                                {a.error && <span className="text-red-700">{a.error}</span>}
                                {a.responseSnippet && <code className="max-w-full truncate text-slate-500">{a.responseSnippet}</code>}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  </Row>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <Button size="sm" variant="secondary" onClick={() => load(cursor)} pending={loading}>
          {t("webhooks.loadMore")}
        </Button>
      )}
    </div>
  );
}

/** A delivery's row, and its attempts underneath when expanded. */
function Row({ expanded, children }: { expanded: boolean; children: [React.ReactNode, React.ReactNode] }) {
  return (
    <>
      {children[0]}
      {expanded && children[1]}
    </>
  );
}
