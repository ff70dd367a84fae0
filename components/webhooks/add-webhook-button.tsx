"use client";
import { useState } from "react";
import { WebhookFormDialog } from "@/components/webhooks/webhook-form-dialog";
import type { SessionOption } from "@/components/webhooks/webhook-types";
import { useT } from "@/components/shell/i18n";
import { Button } from "@/components/ui/button";

export function AddWebhookButton({ sessions }: { sessions: SessionOption[] }) {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="add-webhook">
        {t("webhooks.add")}
      </Button>
      {open && <WebhookFormDialog open onClose={() => setOpen(false)} sessions={sessions} />}
    </>
  );
}
