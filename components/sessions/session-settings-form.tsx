"use client";

import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/components/shell/i18n";
import type { DEFAULT_SESSION_CONFIG, SessionConfig } from "@/lib/sessions/sessions.schema";

type Config = typeof DEFAULT_SESSION_CONFIG;
/** The on/off settings (others, like the URL and pacing, have their own fields or none here). */
type Toggle = { [K in keyof Config]: Config[K] extends boolean ? K : never }[keyof Config];

// Each toggle's label and description: "sessions.toggle.<key>" and "sessions.toggle.<key>.description".
const TOGGLES = ["readReceipts", "ghostMode", "antiDelete", "autoReplyEnabled", "ppGuardEnabled"] as const satisfies readonly Toggle[];

/** The session's toggles; read-only for callers without sessions.manage. */
export function SessionSettingsForm({ sessionId, config, canManage }: { sessionId: string; config: Config; canManage: boolean }) {
  const t = useT();
  const [saved, setSaved] = useState(config);
  const [draft, setDraft] = useState(config);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const dirty = JSON.stringify(saved) !== JSON.stringify(draft);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: { config: SessionConfig } = { config: { ...draft, ppGuardFallbackUrl: draft.ppGuardFallbackUrl?.trim() || null } };
    setPending(true);
    setMessage(null);
    try {
      const updated = await requestJson<{ config: Config }>("PATCH", `/api/sessions/${encodeURIComponent(sessionId)}/settings`, body);
      setSaved(updated.config);
      setDraft(updated.config);
      setMessage({ tone: "success", text: t("sessions.settingsSaved") });
    } catch (e) {
      setMessage({ tone: "error", text: errorMessage(e) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader title={t("sessions.settings")} description={canManage ? t("sessions.settingsManage") : t("sessions.settingsReadOnly")} />
      <form onSubmit={onSubmit} className="px-5 pb-5" data-testid="session-settings">
        <div className="divide-y divide-slate-100">
          {TOGGLES.map((toggle) => (
            <Switch
              key={toggle}
              name={toggle}
              label={t(`sessions.toggle.${toggle}`)}
              description={t(`sessions.toggle.${toggle}.description`)}
              checked={draft[toggle]}
              disabled={!canManage || pending}
              onChange={(checked) => setDraft((d) => ({ ...d, [toggle]: checked }))}
            />
          ))}
        </div>
        {draft.ppGuardEnabled && (
          <Field
            className="mt-2"
            label={t("sessions.fallbackUrl")}
            name="ppGuardFallbackUrl"
            type="url"
            placeholder="https://example.com/logo.png"
            hint={t("sessions.fallbackUrlHint")}
            value={draft.ppGuardFallbackUrl ?? ""}
            disabled={!canManage || pending}
            onChange={(event) => setDraft((d) => ({ ...d, ppGuardFallbackUrl: event.target.value }))}
          />
        )}
        {message && (
          <div className="mt-4">
            <Alert tone={message.tone} data-testid="settings-message">
              {message.text}
            </Alert>
          </div>
        )}
        {canManage && (
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" disabled={!dirty || pending} onClick={() => (setDraft(saved), setMessage(null))}>
              {t("sessions.discard")}
            </Button>
            <Button type="submit" disabled={!dirty} pending={pending} data-testid="save-settings">
              {t("sessions.saveSettings")}
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
