"use client";

import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { useLocale, useT } from "@/components/shell/i18n";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, inputClasses } from "@/components/ui/field";
import type { MessageKey } from "@/lib/i18n/messages";

const COLOURS = ["#1e90ff", "#25d366", "#ff6b6b", "#8e44ad", "#f39c12", "#2c3e50"];
// WhatsApp's status fonts 0–5, previewed with the nearest system font.
const FONTS: Array<{ value: number; label: MessageKey; css: string }> = [
  { value: 0, label: "groups.fontSans", css: "ui-sans-serif, system-ui, sans-serif" },
  { value: 1, label: "groups.fontSerif", css: "ui-serif, Georgia, serif" },
  { value: 2, label: "groups.fontTypewriter", css: "ui-monospace, monospace" },
  { value: 3, label: "groups.fontScript", css: "cursive" },
  { value: 4, label: "groups.fontBold", css: "Impact, ui-sans-serif, sans-serif" },
  { value: 5, label: "groups.fontCondensed", css: "'Arial Narrow', ui-sans-serif, sans-serif" },
];
const KIND_LABEL: Record<Kind, MessageKey> = { TEXT: "groups.kindText", IMAGE: "groups.kindImage", VIDEO: "groups.kindVideo" };

type Kind = "TEXT" | "IMAGE" | "VIDEO";

/** Posts a status (story) to the session's contacts: text on a colour with a font, or an image or video by URL. */
export function StatusComposer({ sessionId }: { sessionId: string }) {
  const t = useT();
  const locale = useLocale();
  const [type, setType] = useState<Kind>("TEXT");
  const [content, setContent] = useState("");
  const [colour, setColour] = useState(COLOURS[0]);
  const [font, setFont] = useState(0);
  const [mediaUrl, setMediaUrl] = useState("");
  const [recipients, setRecipients] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function post(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setResult(null);
    try {
      const list = recipients.split(/[\s,;]+/).filter(Boolean);
      const body = {
        sessionId,
        type,
        ...(content ? { content } : {}),
        ...(type === "TEXT" ? { backgroundColor: colour, font } : { mediaUrl }),
        ...(list.length ? { recipients: list } : {}),
      };
      const answer = await requestJson<{ recipients: number }>("POST", "/api/status/update", body);
      setResult({
        tone: "success",
        text: t(answer.recipients === 1 ? "groups.postedOne" : "groups.postedMany", { count: answer.recipients.toLocaleString(locale) }),
      });
      setContent("");
      setMediaUrl("");
    } catch (error) {
      setResult({ tone: "error", text: errorMessage(error) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card data-testid="status-composer">
      <CardHeader title={t("groups.postStatus")} description={t("groups.postStatusHint")} />
      <form className="grid gap-4 p-4 md:grid-cols-[1fr_14rem]" onSubmit={post}>
        <div className="space-y-3">
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("groups.kind")}</legend>
            {(["TEXT", "IMAGE", "VIDEO"] as const).map((k) => (
              <label key={k} className="flex items-center gap-1.5">
                <input type="radio" name="status-kind" value={k} checked={type === k} onChange={() => setType(k)} />
                {t(KIND_LABEL[k])}
              </label>
            ))}
          </fieldset>
          <div>
            <label htmlFor="status-content" className="block text-sm font-medium text-slate-700">
              {type === "TEXT" ? t("groups.kindText") : t("groups.caption")}
            </label>
            <textarea
              id="status-content"
              className={`mt-1 ${inputClasses}`}
              rows={3}
              maxLength={700}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              required={type === "TEXT"}
            />
          </div>
          {type === "TEXT" ? (
            <>
              <fieldset>
                <legend className="text-sm font-medium text-slate-700">{t("groups.background")}</legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {COLOURS.map((c) => (
                    <button
                      key={c}
                      type="button"
                      aria-label={t("groups.backgroundColour", { colour: c })}
                      aria-pressed={colour === c}
                      onClick={() => setColour(c)}
                      className={`size-8 rounded-full ring-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600 ${colour === c ? "ring-2 ring-slate-900" : ""}`}
                      style={{ backgroundColor: c }}
                    />
                  ))}
                </div>
              </fieldset>
              <label className="block text-sm font-medium text-slate-700">
                {t("groups.font")}
                <select className={`mt-1 ${inputClasses}`} value={font} onChange={(e) => setFont(Number(e.target.value))}>
                  {FONTS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {t(f.label)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          ) : (
            <Field
              label={type === "IMAGE" ? t("groups.imageUrl") : t("groups.videoUrl")}
              required
              type="url"
              value={mediaUrl}
              onChange={(e) => setMediaUrl(e.target.value)}
              placeholder="https://…"
            />
          )}
          <Field label={t("groups.recipients")} value={recipients} onChange={(e) => setRecipients(e.target.value)} hint={t("groups.recipientsHint")} />
          <Button type="submit" pending={pending}>
            {t("groups.postButton")}
          </Button>
          {result && (
            <Alert tone={result.tone === "success" ? "success" : "error"} data-testid="status-result">
              {result.text}
            </Alert>
          )}
        </div>
        {type === "TEXT" && (
          <div
            aria-label={t("groups.preview")}
            data-testid="status-preview"
            className="mx-auto flex aspect-[9/16] w-full max-w-56 items-center justify-center rounded-xl p-4 text-center text-lg break-words text-white"
            style={{ backgroundColor: colour, fontFamily: FONTS[font]?.css }}
          >
            {content || t("groups.previewPlaceholder")}
          </div>
        )}
      </form>
    </Card>
  );
}
