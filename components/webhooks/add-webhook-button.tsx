"use client";
import { useState } from "react";
import { WebhookFormDialog } from "@/components/webhooks/webhook-form-dialog";
import type { SessionOption } from "@/components/webhooks/webhook-types";
import { Button } from "@/components/ui/button";

export function AddWebhookButton({ sessions }: { sessions: SessionOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="add-webhook">
        Add webhook
      </Button>
      {open && <WebhookFormDialog open onClose={() => setOpen(false)} sessions={sessions} />}
    </>
  );
}
