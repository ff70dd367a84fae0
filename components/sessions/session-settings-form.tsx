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
/** The on/off settings (others, like the URL and pacing, have their own fields or none here). */
type Toggle = { [K in keyof Config]: Config[K] extends boolean ? K : never }[keyof Config];

const TOGGLES: Array<{ key: Toggle; label: string; description: string }> = [
  { key: "readReceipts", label: "Read receipts", description: "Mark incoming messages as read (blue ticks) as soon as they arrive." },
  { key: "ghostMode", label: "Ghost mode", description: "Appear offline to contacts and send no read receipts, even with read receipts on." },
  { key: "antiDelete", label: "Anti-delete", description: "Keep messages the sender deletes for everyone, and report the deletion as a message.revoke event." },
  { key: "autoReplyEnabled", label: "Auto-reply", description: "Answer incoming messages automatically; used by auto-reply rules." },
  {
    key: "ppGuardEnabled",
    label: "Profile picture guard",
    description: "Restore the fallback picture (URL below) when the account's profile picture is removed.",
  },
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
            hint="An http(s) image URL, set as the profile picture whenever the account has none."
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
