"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { parsePastedRecipients } from "@/components/campaigns/parse-pasted-recipients";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { templateFields } from "@/lib/campaigns/render-template";

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
  const [name, setName] = useState("");
  const [sessionId, setSessionId] = useState(sessions[0]?.sessionId ?? "");
  const [text, setText] = useState("Hello {{Name|there}}!");
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
        <legend className="px-1 text-sm font-semibold text-slate-900">1. Session and name</legend>
        <Field label="Campaign name" required value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label="Session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name} ({s.sessionId})
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">2. Message</legend>
        <label htmlFor="campaign-text" className="block text-sm font-medium text-slate-700">
          Text
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
          Use {"{{Name}}"}, {"{{Company}}"} or any column of your recipients; {"{{Name|there}}"} falls back to “there”. A recipient missing a field without a
          fallback is skipped.
          {fields.length > 0 && <> Fields used: {fields.join(", ")}.</>}
        </p>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">3. Recipients</legend>
        <label htmlFor="campaign-recipients" className="block text-sm font-medium text-slate-700">
          Paste numbers or CSV (first line: number,name,company,…)
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
            Load a CSV file
            <input type="file" accept=".csv,text/csv,text/plain" className="sr-only" onChange={(e) => void loadFile(e.target.files?.[0])} />
          </label>
          <span data-testid="pasted-count">{recipients.length} pasted</span>
        </div>
        {lists.length > 0 && (
          <div>
            <p className="text-sm font-medium text-slate-700">Saved lists</p>
            <ul className="mt-1 space-y-1">
              {lists.map((l) => (
                <li key={l.id}>
                  <label className="inline-flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      checked={listIds.includes(l.id)}
                      onChange={(e) => setListIds(e.target.checked ? [...listIds, l.id] : listIds.filter((x) => x !== l.id))}
                    />
                    {l.name} ({l.recipientCount ?? 0})
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
        {previews.length > 0 && (
          <div aria-live="polite">
            <p className="text-sm font-medium text-slate-700">Preview</p>
            <ul className="mt-1 space-y-1 text-sm" data-testid="campaign-preview">
              {previews.map((p, i) => (
                <li key={i} className={p.ok ? "text-slate-800" : "text-red-700"}>
                  <span className="tabular-nums text-slate-600">{p.number}:</span> {p.ok ? p.text : `skipped — ${p.reason}`}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">4. When and how fast</legend>
        <div className="flex flex-wrap gap-4 text-sm text-slate-700">
          {(
            [
              ["now", "Start now"],
              ["later", "Schedule"],
              ["draft", "Save as draft"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name="when" checked={when === value} onChange={() => setWhen(value)} />
              {label}
            </label>
          ))}
        </div>
        {when === "later" && <Field label="Send at" type="datetime-local" required value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} />}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Delay between recipients (ms)"
            type="number"
            min={0}
            value={delayMs}
            onChange={(e) => setDelayMs(e.target.value)}
            hint="The session's own pacing applies on top."
          />
          <Field label="Random extra delay (ms)" type="number" min={0} value={jitterMs} onChange={(e) => setJitterMs(e.target.value)} />
        </div>
        <div className="flex flex-wrap gap-4 text-sm text-slate-700">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={variation.enabled} onChange={(e) => setVariation({ ...variation, enabled: e.target.checked })} />
            Vary the message per recipient
          </label>
          {variation.enabled &&
            (["spintax", "synonyms", "emojis", "shuffle"] as const).map((k) => (
              <label key={k} className="inline-flex items-center gap-2">
                <input type="checkbox" checked={variation[k]} onChange={(e) => setVariation({ ...variation, [k]: e.target.checked })} />
                {k}
              </label>
            ))}
        </div>
      </fieldset>

      <button type="submit" disabled={busy || !sessionId} className={buttonClasses("primary")}>
        {when === "now" ? "Create and start" : when === "later" ? "Schedule campaign" : "Save draft"}
      </button>
    </form>
  );
}
