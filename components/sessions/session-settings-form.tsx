"use client";

import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import type { DEFAULT_SESSION_CONFIG, SessionConfig } from "@/lib/sessions/sessions.schema";

type Config = typeof DEFAULT_SESSION_CONFIG;
type Toggle = Exclude<keyof Config, "ppGuardFallbackUrl" | "pacing">;

const TOGGLES: Array<{ key: Toggle; label: string; description: string }> = [
  { key: "autoReplyEnabled", label: "Auto-reply", description: "Answer incoming messages with your configured auto-replies." },
  { key: "readReceipts", label: "Read receipts", description: "Mark incoming messages as read when they arrive." },
  { key: "antiDelete", label: "Anti-delete", description: "Keep a copy of messages the sender deletes for everyone." },
  { key: "ghostMode", label: "Ghost mode", description: "Hide online and typing presence from contacts." },
  { key: "ppGuardEnabled", label: "Profile picture guard", description: "Restore the profile picture if it is changed or removed." },
  { key: "autoSaveMedia", label: "Save incoming media", description: "Keep photos, videos, voice notes and documents that arrive, to open them later." },
];

/** The session's toggles; read-only for callers without sessions.manage. */
export function SessionSettingsForm({ sessionId, config, canManage }: { sessionId: string; config: Config; canManage: boolean }) {
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
      setMessage({ tone: "success", text: "Settings saved." });
    } catch (e) {
      setMessage({ tone: "error", text: errorMessage(e) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader title="Settings" description={canManage ? "Changes apply to this session only." : "Only the account owner can change these settings."} />
      <form onSubmit={onSubmit} className="px-5 pb-5" data-testid="session-settings">
        <div className="divide-y divide-slate-100">
          {TOGGLES.map((toggle) => (
            <Switch
              key={toggle.key}
              name={toggle.key}
              label={toggle.label}
              description={toggle.description}
              checked={draft[toggle.key]}
              disabled={!canManage || pending}
              onChange={(checked) => setDraft((d) => ({ ...d, [toggle.key]: checked }))}
            />
          ))}
        </div>
        {draft.ppGuardEnabled && (
          <Field
            className="mt-2"
            label="Fallback picture URL"
            name="ppGuardFallbackUrl"
            type="url"
            placeholder="https://example.com/logo.png"
            hint="Used when there is no earlier picture to restore."
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
              Discard
            </Button>
            <Button type="submit" disabled={!dirty} pending={pending} data-testid="save-settings">
              Save settings
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
