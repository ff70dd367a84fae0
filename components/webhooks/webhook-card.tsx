"use client";
// One webhook: where it goes, what it gets, how its deliveries stand, and what can be done with it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { WebhookFormDialog } from "@/components/webhooks/webhook-form-dialog";
import { WebhookSecretDialog } from "@/components/webhooks/webhook-secret-dialog";
import { STATUS_TONE, type SessionOption, type WebhookView } from "@/components/webhooks/webhook-types";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useLocale, useT } from "@/components/shell/i18n";
import type { MessageKey } from "@/lib/i18n/messages";

// Where the webhook was set up is named by the client system, never by an internal document number
// ("webhooks.origin.<origin>" in lib/i18n/areas/webhooks.ts).

interface TestResult {
  status: string;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttempt: { latencyMs: number; responseBytes: number | null } | null;
}

export function WebhookCard({ webhook, sessions }: { webhook: WebhookView; sessions: SessionOption[] }) {
  const router = useRouter();
  const t = useT();
  const number = new Intl.NumberFormat(useLocale());
  const [dialog, setDialog] = useState<"edit" | "secret" | "delete" | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [busy, setBusy] = useState<"toggle" | "test" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [test, setTest] = useState<TestResult | null>(null);

  async function run<T>(kind: "toggle" | "test" | "delete", call: () => Promise<T>): Promise<T | undefined> {
    setBusy(kind);
    setError(null);
    try {
      return await call();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const toggle = () =>
    run("toggle", async () => {
      await requestJson("PATCH", `/api/webhooks/${webhook.id}`, { isActive: !webhook.isActive });
      router.refresh();
    });
  const sendTest = () =>
    run("test", async () => {
      setTest(await requestJson<TestResult>("POST", `/api/webhooks/${webhook.id}/test`));
      router.refresh();
    });
  const remove = () =>
    run("delete", async () => {
      await requestJson("DELETE", `/api/webhooks/${webhook.id}`);
      setDialog(null);
      router.refresh();
    });

  const counts = webhook.deliveries;
  return (
    <Card data-testid="webhook-card" className="p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-slate-900">{webhook.name}</h2>
            <Badge tone={webhook.isActive ? "green" : "slate"} dot>
              {webhook.isActive ? t("webhooks.active") : t("webhooks.disabled")}
            </Badge>
            {webhook.replyEnabled && <Badge tone="violet">{t("webhooks.replies")}</Badge>}
            {webhook.hasSecret ? <Badge tone="blue">{t("webhooks.signed")}</Badge> : <Badge tone="amber">{t("webhooks.unsigned")}</Badge>}
            <Badge>{t(`webhooks.origin.${webhook.origin}`)}</Badge>
          </div>
          <p className="mt-1 truncate font-mono text-xs text-slate-600" title={webhook.url}>
            {webhook.url}
          </p>
          <p className="mt-1 text-sm text-slate-500">
            {webhook.sessionId ? t("webhooks.sessionNamed", { name: webhook.sessionName ?? "", id: webhook.sessionId }) : t("webhooks.allSessions")} ·{" "}
            {webhook.events.map((e) => (
              <code key={e} className="mr-1 text-xs">
                {e}
              </code>
            ))}
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5" aria-label={t("webhooks.countsLabel")} data-testid="delivery-counts">
            {(Object.keys(counts) as Array<keyof typeof counts>).map((s) => (
              <Badge key={s} tone={counts[s] > 0 ? STATUS_TONE[s] : "slate"}>
                {t(`webhooks.count.${s}`)} {number.format(counts[s])}
              </Badge>
            ))}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={sendTest} pending={busy === "test"} data-testid="test-webhook">
            {t("webhooks.sendTest")}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setDialog("edit")}>
            {t("common.edit")}
          </Button>
          <Button size="sm" variant="secondary" onClick={toggle} pending={busy === "toggle"}>
            {webhook.isActive ? t("webhooks.disable") : t("webhooks.enable")}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setDialog("secret")}>
            {t("webhooks.secretButton")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setShowLog(!showLog)} aria-expanded={showLog} data-testid="show-deliveries">
            {showLog ? t("webhooks.hideDeliveries") : t("webhooks.deliveries")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setDialog("delete")}>
            {t("common.delete")}
          </Button>
        </div>
      </div>
      {error && (
        <div className="mt-3">
          <Alert>{error}</Alert>
        </div>
      )}
      {test && (
        <div className="mt-3">
          <Alert tone={test.status === "DELIVERED" ? "success" : test.status === "PENDING" ? "info" : "error"} data-testid="test-result">
            {testSummary(test, t)}
          </Alert>
        </div>
      )}
      {showLog && (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <DeliveryLog webhookId={webhook.id} onChanged={() => router.refresh()} />
        </div>
      )}
      {dialog === "edit" && <WebhookFormDialog open onClose={() => setDialog(null)} sessions={sessions} webhook={webhook} />}
      <WebhookSecretDialog webhookId={webhook.id} open={dialog === "secret"} onClose={() => setDialog(null)} />
      <ConfirmDialog
        open={dialog === "delete"}
        onCancel={() => setDialog(null)}
        onConfirm={remove}
        title={t("webhooks.deleteTitle")}
        description={t("webhooks.deleteDescription", { name: webhook.name })}
        confirmLabel={t("webhooks.deleteConfirm")}
        pending={busy === "delete"}
        error={error}
      />
    </Card>
  );
}

/** One line, each fact once: "Test delivered · HTTP 202 · 35 ms", "Test failed · HTTP 500 · 12 ms". */
function testSummary(test: TestResult, t: (key: MessageKey) => string): string {
  const outcome = test.status === "DELIVERED" ? t("webhooks.testDelivered") : test.status === "PENDING" ? t("webhooks.testQueued") : t("webhooks.testFailed");
  const parts = [outcome];
  if (test.lastStatusCode !== null) parts.push(`HTTP ${test.lastStatusCode}`);
  if (test.lastAttempt) parts.push(`${test.lastAttempt.latencyMs} ms`);
  // The worker's error for a bad status is "HTTP 500" again: only a different text adds anything.
  if (test.lastError && test.lastError !== `HTTP ${test.lastStatusCode}`) parts.push(test.lastError);
  return parts.join(" · ");
}
