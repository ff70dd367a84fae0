"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { useT } from "@/components/shell/i18n";
import type { CreateSessionInput } from "@/lib/sessions/sessions.schema";

export function CreateSessionButton({ label }: { label?: string }) {
  const router = useRouter();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: CreateSessionInput = { name: String(new FormData(event.currentTarget).get("name") ?? "").trim() };
    setPending(true);
    setError(null);
    try {
      await requestJson("POST", "/api/sessions", input);
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button onClick={() => (setError(null), setOpen(true))} data-testid="create-session">
        <PlusIcon />
        {label ?? t("sessions.newSession")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("sessions.newSession")} description={t("sessions.newSessionDescription")}>
        <form onSubmit={onSubmit} className="space-y-4" data-testid="create-session-form">
          {error && <Alert>{error}</Alert>}
          <Field label={t("sessions.name")} name="name" required maxLength={100} placeholder={t("sessions.namePlaceholder")} autoFocus />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("sessions.createSession")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function PlusIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-4">
      <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
    </svg>
  );
}
