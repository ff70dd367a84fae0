"use client";
// The signing secret: hidden until asked for, and replaceable (the old one stops verifying at once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/components/shell/i18n";

export function WebhookSecretDialog({ webhookId, open, onClose }: { webhookId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const t = useT();
  const [secret, setSecret] = useState<string | null | undefined>(undefined);
  const [pending, setPending] = useState<"reveal" | "regenerate" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: "reveal" | "regenerate") {
    setPending(kind);
    setError(null);
    try {
      const res = await requestJson<{ secret: string | null }>(kind === "reveal" ? "GET" : "POST", `/api/webhooks/${webhookId}/secret`);
      setSecret(res.secret);
      if (kind === "regenerate") router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(null);
    }
  }

  const close = () => {
    setSecret(undefined);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t("webhooks.signingSecret")}
      description={
        <>
          {/* The header itself is never translated: it is what the receiver checks. */}
          {t("webhooks.signingDescription")
            .split("{header}")
            .flatMap((part, i) => (i === 0 ? [part] : [<code key={i}>X-Webhook-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</code>, part]))}
        </>
      }
      data-testid="webhook-secret-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={() => run("regenerate")} pending={pending === "regenerate"} data-testid="regenerate-secret">
            {t("webhooks.regenerate")}
          </Button>
          <Button onClick={close}>{t("webhooks.done")}</Button>
        </>
      }
    >
      <div className="space-y-3">
        {error && <Alert>{error}</Alert>}
        {secret === undefined ? (
          <Button variant="secondary" onClick={() => run("reveal")} pending={pending === "reveal"} data-testid="reveal-secret">
            {t("webhooks.revealSecret")}
          </Button>
        ) : secret === null ? (
          <p className="text-sm text-slate-600">{t("webhooks.unsignedHint")}</p>
        ) : (
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded-lg bg-slate-100 px-3 py-2 text-xs" data-testid="webhook-secret">
              {secret}
            </code>
            <CopyButton text={secret} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
