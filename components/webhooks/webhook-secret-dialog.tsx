"use client";
// The signing secret: hidden until asked for, and replaceable (the old one stops verifying at once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";

export function WebhookSecretDialog({ webhookId, open, onClose }: { webhookId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
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
      title="Signing secret"
      description={
        <>
          Each delivery carries <code>X-Webhook-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</code> made with this secret.
        </>
      }
      data-testid="webhook-secret-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={() => run("regenerate")} pending={pending === "regenerate"} data-testid="regenerate-secret">
            Regenerate
          </Button>
          <Button onClick={close}>Done</Button>
        </>
      }
    >
      <div className="space-y-3">
        {error && <Alert>{error}</Alert>}
        {secret === undefined ? (
          <Button variant="secondary" onClick={() => run("reveal")} pending={pending === "reveal"} data-testid="reveal-secret">
            Reveal secret
          </Button>
        ) : secret === null ? (
          <p className="text-sm text-slate-600">This webhook is unsigned. Regenerate to start signing its deliveries.</p>
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
