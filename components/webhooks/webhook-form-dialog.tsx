"use client";
// Create or edit a webhook: name, URL, one session or all, events, active, reply; on create, how
// deliveries are signed (a generated secret, your own, or none).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { EventsPicker } from "@/components/webhooks/events-picker";
import type { SessionOption, WebhookView } from "@/components/webhooks/webhook-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/components/shell/i18n";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/webhooks/webhooks.schema";

interface Props {
  open: boolean;
  onClose: () => void;
  sessions: SessionOption[];
  /** Absent: create a new one. */
  webhook?: WebhookView;
}

export function WebhookFormDialog({ open, onClose, sessions, webhook }: Props) {
  const router = useRouter();
  const t = useT();
  const [events, setEvents] = useState<string[]>(webhook?.events ?? ["message.received"]);
  const [isActive, setActive] = useState(webhook?.isActive ?? true);
  const [replyEnabled, setReply] = useState(webhook?.replyEnabled ?? false);
  const [signing, setSigning] = useState<"generate" | "custom" | "none">("generate");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const sessionId = text("sessionId") || null;
    setPending(true);
    setError(null);
    try {
      if (webhook) {
        const input: UpdateWebhookInput = { name: text("name"), url: text("url"), sessionId, events, isActive, replyEnabled };
        await requestJson("PATCH", `/api/webhooks/${webhook.id}`, input);
      } else {
        const input: CreateWebhookInput = {
          name: text("name"),
          url: text("url"),
          sessionId,
          events,
          isActive,
          replyEnabled,
          ...(signing === "none" ? { secret: null } : signing === "custom" ? { secret: String(form.get("secret") ?? "") } : {}),
        };
        await requestJson("POST", "/api/webhooks", input);
      }
      onClose();
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const formId = webhook ? `webhook-form-${webhook.id}` : "webhook-form-new";
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={webhook ? t("webhooks.edit") : t("webhooks.add")}
      description={t("webhooks.formDescription")}
      data-testid="webhook-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form={formId} pending={pending} disabled={events.length === 0}>
            {webhook ? t("common.save") : t("webhooks.add")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} className="space-y-4">
        {error && <Alert>{error}</Alert>}
        <Field label={t("webhooks.name")} name="name" required maxLength={100} defaultValue={webhook?.name ?? ""} placeholder={t("webhooks.namePlaceholder")} />
        <Field label={t("webhooks.url")} name="url" type="url" required defaultValue={webhook?.url ?? ""} placeholder="https://example.com/webhook" />
        <SelectField label={t("webhooks.session")} name="sessionId" defaultValue={webhook?.sessionId ?? ""}>
          <option value="">{t("webhooks.allMySessions")}</option>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name} ({s.sessionId})
            </option>
          ))}
        </SelectField>
        <EventsPicker value={events} onChange={setEvents} />
        {!webhook && (
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t("webhooks.signature")}</legend>
            <div className="mt-1 flex flex-wrap gap-4 text-sm text-slate-700">
              {(
                [
                  ["generate", t("webhooks.signGenerate")],
                  ["custom", t("webhooks.signCustom")],
                  ["none", t("webhooks.signNone")],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="signing" value={value} checked={signing === value} onChange={() => setSigning(value)} />
                  {label}
                </label>
              ))}
            </div>
            {signing === "custom" && (
              <Field className="mt-2" label={t("webhooks.secret")} name="secret" required minLength={8} maxLength={256} autoComplete="off" />
            )}
          </fieldset>
        )}
        <div className="divide-y divide-slate-100">
          <Switch checked={isActive} onChange={setActive} label={t("webhooks.active")} description={t("webhooks.activeDescription")} />
          <Switch checked={replyEnabled} onChange={setReply} label={t("webhooks.reply")} description={t("webhooks.replyDescription")} />
        </div>
      </form>
    </Dialog>
  );
}
