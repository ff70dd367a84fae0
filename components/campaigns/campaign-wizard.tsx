"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { parsePastedRecipients } from "@/components/campaigns/parse-pasted-recipients";
import { useLocale, useT } from "@/components/shell/i18n";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { templateFields } from "@/lib/campaigns/render-template";
import type { MessageKey } from "@/lib/i18n/messages";

interface Option {
  id: string;
  name: string;
  recipientCount?: number;
}

type Preview = { number: string; ok: boolean; text?: string; reason?: string };

/**
 * New campaign in one form, top to bottom: session; message with its template fields and a live
 * preview per recipient; recipients pasted, from a CSV file and/or from saved lists; when; pacing
 * and variation. Nothing is sent until "Create" (and, unless started or scheduled, it stays a draft).
 */
export function CampaignWizard({ sessions, lists }: { sessions: Array<{ sessionId: string; name: string }>; lists: Option[] }) {
  const router = useRouter();
  const t = useT();
  const locale = useLocale();
  const [name, setName] = useState("");
  const [sessionId, setSessionId] = useState(sessions[0]?.sessionId ?? "");
  const [text, setText] = useState(() => t("campaigns.defaultText"));
  const [pasted, setPasted] = useState("");
  const [listIds, setListIds] = useState<string[]>([]);
  const [when, setWhen] = useState<"now" | "later" | "draft">("now");
  const [scheduledAt, setScheduledAt] = useState("");
  const [delayMs, setDelayMs] = useState("3000");
  const [jitterMs, setJitterMs] = useState("2000");
  const [variation, setVariation] = useState({ enabled: false, spintax: true, synonyms: false, emojis: false, shuffle: false });
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const recipients = useMemo(() => parsePastedRecipients(pasted), [pasted]);
  const fields = useMemo(() => templateFields(text), [text]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (!text.trim() || recipients.length === 0) return setPreviews([]);
      requestJson<{ previews: Preview[] }>("POST", "/api/campaigns/preview", { message: { text }, recipients: recipients.slice(0, 5) })
        .then((r) => setPreviews(r.previews))
        .catch(() => setPreviews([]));
    }, 400);
    return () => clearTimeout(timer);
  }, [text, recipients]);

  async function loadFile(file: File | undefined) {
    if (file) setPasted(await file.text());
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await requestJson<{ id: string }>("POST", "/api/campaigns", {
        name,
        sessionId,
        message: { text },
        ...(recipients.length ? { recipients } : {}),
        ...(listIds.length ? { listIds } : {}),
        ...(when === "later" && scheduledAt ? { scheduledAt: new Date(scheduledAt).toISOString() } : {}),
        ...(when === "now" ? { start: true } : {}),
        settings: { delayMs: Number(delayMs) || 0, jitterMs: Number(jitterMs) || 0, ...(variation.enabled ? { variation } : {}) },
      });
      router.push(`/campaigns/${created.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-6">
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("campaigns.stepSession")}</legend>
        <Field label={t("campaigns.campaignName")} required value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label={t("campaigns.session")} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name} ({s.sessionId})
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("campaigns.stepMessage")}</legend>
        <label htmlFor="campaign-text" className="block text-sm font-medium text-slate-700">
          {t("campaigns.text")}
        </label>
        <textarea
          id="campaign-text"
          rows={4}
          className={inputClasses}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="campaign-text-hint"
        />
        <p id="campaign-text-hint" className="text-xs text-slate-600">
          {t("campaigns.textHint")}
          {fields.length > 0 && <> {t("campaigns.fieldsUsed", { fields: fields.join(", ") })}</>}
        </p>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("campaigns.stepRecipients")}</legend>
        <label htmlFor="campaign-recipients" className="block text-sm font-medium text-slate-700">
          {t("campaigns.pasteLabel")}
        </label>
        <textarea
          id="campaign-recipients"
          rows={5}
          className={`${inputClasses} font-mono`}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          placeholder={"number,name,company\n6281234567890,Ada,Acme"}
        />
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <label className={buttonClasses("secondary", "sm", "cursor-pointer")}>
            {t("campaigns.loadCsv")}
            <input type="file" accept=".csv,text/csv,text/plain" className="sr-only" onChange={(e) => void loadFile(e.target.files?.[0])} />
          </label>
          <span data-testid="pasted-count">{t("campaigns.pasted", { count: recipients.length.toLocaleString(locale) })}</span>
        </div>
        {lists.length > 0 && (
          <div>
            <p className="text-sm font-medium text-slate-700">{t("campaigns.savedLists")}</p>
            <ul className="mt-1 space-y-1">
              {lists.map((l) => (
                <li key={l.id}>
                  <label className="inline-flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      checked={listIds.includes(l.id)}
                      onChange={(e) => setListIds(e.target.checked ? [...listIds, l.id] : listIds.filter((x) => x !== l.id))}
                    />
                    {l.name} ({(l.recipientCount ?? 0).toLocaleString(locale)})
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
        {previews.length > 0 && (
          <div aria-live="polite">
            <p className="text-sm font-medium text-slate-700">{t("campaigns.preview")}</p>
            <ul className="mt-1 space-y-1 text-sm" data-testid="campaign-preview">
              {previews.map((p, i) => (
                <li key={i} className={p.ok ? "text-slate-800" : "text-red-700"}>
                  <span className="tabular-nums text-slate-600">{p.number}:</span> {p.ok ? p.text : t("campaigns.skipped", { reason: p.reason ?? "" })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("campaigns.stepWhen")}</legend>
        <div className="flex flex-wrap gap-4 text-sm text-slate-700">
          {(
            [
              ["now", "campaigns.whenNow"],
              ["later", "campaigns.whenLater"],
              ["draft", "campaigns.whenDraft"],
            ] as const satisfies ReadonlyArray<readonly [string, MessageKey]>
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name="when" checked={when === value} onChange={() => setWhen(value)} />
              {t(label)}
            </label>
          ))}
        </div>
        {when === "later" && (
          <Field label={t("campaigns.sendAt")} type="datetime-local" required value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} />
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t("campaigns.delay")}
            type="number"
            min={0}
            value={delayMs}
            onChange={(e) => setDelayMs(e.target.value)}
            hint={t("campaigns.delayHint")}
          />
          <Field label={t("campaigns.jitter")} type="number" min={0} value={jitterMs} onChange={(e) => setJitterMs(e.target.value)} />
        </div>
        <div className="flex flex-wrap gap-4 text-sm text-slate-700">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={variation.enabled} onChange={(e) => setVariation({ ...variation, enabled: e.target.checked })} />
            {t("campaigns.vary")}
          </label>
          {variation.enabled &&
            (
              [
                ["spintax", "campaigns.varySpintax"],
                ["synonyms", "campaigns.varySynonyms"],
                ["emojis", "campaigns.varyEmojis"],
                ["shuffle", "campaigns.varyShuffle"],
              ] as const
            ).map(([k, label]) => (
              <label key={k} className="inline-flex items-center gap-2">
                <input type="checkbox" checked={variation[k]} onChange={(e) => setVariation({ ...variation, [k]: e.target.checked })} />
                {t(label)}
              </label>
            ))}
        </div>
      </fieldset>

      <button type="submit" disabled={busy || !sessionId} className={buttonClasses("primary")}>
        {t(when === "now" ? "campaigns.createAndStart" : when === "later" ? "campaigns.scheduleCampaign" : "campaigns.saveDraft")}
      </button>
    </form>
  );
}
