"use client";

import { useCallback, useMemo, useState } from "react";
import type { ScheduleView } from "@/components/automation/automation-types";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { LiveIndicator } from "@/components/chat/live-indicator";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { useLocale, useT } from "@/components/shell/i18n";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { MessageKey } from "@/lib/i18n/messages";

interface Props {
  sessions: Array<{ sessionId: string; name: string }>;
  initialSchedules: ScheduleView[];
  /** The user's zone: times are shown and entered in it. */
  timeZone: string;
}

const UPCOMING = new Set(["PENDING", "ACTIVE", "PAUSED"]);
const TONE: Record<string, BadgeTone> = {
  PENDING: "blue",
  ACTIVE: "green",
  PAUSED: "amber",
  SENT: "green",
  DELIVERED: "green",
  READ: "green",
  FAILED: "red",
  CANCELLED: "slate",
  DONE: "slate",
};
const STATUS_LABEL: Record<string, MessageKey> = {
  PENDING: "automation.statusPending",
  ACTIVE: "automation.statusActive",
  PAUSED: "automation.statusPaused",
  SENT: "automation.statusSent",
  DELIVERED: "automation.statusDelivered",
  READ: "automation.statusRead",
  FAILED: "automation.statusFailed",
  CANCELLED: "automation.statusCancelled",
  DONE: "automation.statusDone",
};

/** Scheduled and recurring messages: a form, the upcoming ones by day, the recurring rules with their next firings, and the past. */
export function ScheduleManager({ sessions, initialSchedules, timeZone }: Props) {
  const [sessionId, setSessionId] = useState(sessions[0]?.sessionId ?? "");
  const [schedules, setSchedules] = useState(initialSchedules);
  const toast = useToast();
  const t = useT();
  // In the schedule's zone (not the browser's) and the viewer's language; English keeps day-month order and a 24-hour clock.
  const locale = useLocale();
  const tag = locale === "id" ? "id-ID" : "en-GB";
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }), [tag, timeZone]);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }), [tag, timeZone]);
  const fullFormat = useMemo(
    () => new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }),
    [tag, timeZone],
  );
  const statusLabel = (status: string) => (STATUS_LABEL[status] ? t(STATUS_LABEL[status]) : status.toLowerCase());

  const reload = useCallback(async () => {
    try {
      setSchedules(await requestJson<ScheduleView[]>("GET", "/api/scheduler"));
    } catch (error) {
      toast(errorMessage(error), "error");
    }
  }, [toast]);

  const live = useSessionSocket(
    sessionId || "__none__",
    { "schedule.update": (() => void reload()) as (data: never) => void, "message.update": (() => void reload()) as (data: never) => void },
    () => void reload(),
  );

  const mine = schedules.filter((s) => !sessionId || s.sessionId === sessionId);
  const oneTime = mine.filter((s) => !s.recurring);
  const upcoming = oneTime.filter((s) => UPCOMING.has(s.status));
  const past = oneTime.filter((s) => !UPCOMING.has(s.status)).reverse();
  const recurring = mine.filter((s) => s.recurring);
  const byDay = new Map<string, ScheduleView[]>();
  for (const s of upcoming) {
    const day = s.sendAt ? dayFormat.format(new Date(s.sendAt)) : t("automation.unscheduled");
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }

  async function act(s: ScheduleView, action: "cancel" | "pause" | "resume") {
    try {
      if (action === "cancel") await requestJson("DELETE", `/api/scheduler/${s.id}`);
      else await requestJson("PATCH", `/api/scheduler/${s.id}`, { status: action === "pause" ? "PAUSED" : "ACTIVE" });
      await reload();
    } catch (error) {
      toast(errorMessage(error), "error");
    }
  }

  const row = (s: ScheduleView, when: string) => (
    <li key={s.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center" data-testid="schedule-item">
      <span className="w-40 shrink-0 text-sm font-medium text-slate-900 tabular-nums">{when}</span>
      <div className="min-w-0 flex-1">
        <p className="text-sm break-words text-slate-800">{s.content || t("automation.media")}</p>
        <p className="text-xs text-slate-500">
          {t("automation.toLine", { to: s.jid.split("@")[0], session: s.sessionName })}
          {s.error ? ` · ${s.error}` : ""}
        </p>
      </div>
      <Badge tone={TONE[s.status] ?? "slate"}>{statusLabel(s.status)}</Badge>
      {s.status === "PENDING" && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={t("automation.cancelMessage", { content: s.content || t("automation.media") })}
          onClick={() => void act(s, "cancel")}
        >
          {t("automation.cancel")}
        </Button>
      )}
    </li>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader
            title={t("automation.upcoming")}
            description={t("automation.timesIn", { zone: timeZone })}
            actions={sessionId ? <LiveIndicator state={live} /> : undefined}
          />
          <div className="px-5 pt-4">
            <SelectField label={t("automation.session")} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              {sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {s.name} ({s.sessionId})
                </option>
              ))}
            </SelectField>
          </div>
          <div data-testid="schedule-upcoming">
            {byDay.size === 0 && <p className="px-5 py-6 text-sm text-slate-500">{t("automation.nothingScheduled")}</p>}
            {[...byDay.entries()].map(([day, items]) => (
              <section key={day} aria-label={day}>
                <h3 className="mt-4 border-b border-slate-100 px-5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{day}</h3>
                <ul className="divide-y divide-slate-100">{items.map((s) => row(s, s.sendAt ? timeFormat.format(new Date(s.sendAt)) : "—"))}</ul>
              </section>
            ))}
          </div>
        </Card>
        <Card>
          <CardHeader title={t("automation.recurring")} description={t("automation.recurringHint")} />
          <ul className="divide-y divide-slate-100" data-testid="schedule-recurring">
            {recurring.length === 0 && <li className="px-5 py-6 text-sm text-slate-500">{t("automation.noRecurring")}</li>}
            {recurring.map((s) => (
              <li key={s.id} className="space-y-2 px-5 py-4" data-testid="recurring-item">
                <div className="flex flex-wrap items-center gap-2">
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm">{s.cron}</code>
                  <Badge tone={TONE[s.status] ?? "slate"}>{statusLabel(s.status)}</Badge>
                  <span className="text-xs text-slate-500">
                    {t("automation.firedLine", { count: s.firedCount.toLocaleString(locale), to: s.jid.split("@")[0], zone: s.timeZone })}
                  </span>
                </div>
                <p className="text-sm break-words text-slate-800">{s.content}</p>
                {s.nextFirings.length > 0 && (
                  <p className="text-xs text-slate-500" data-testid="next-firings">
                    {t("automation.next", { times: s.nextFirings.map((at) => fullFormat.format(new Date(at))).join(" · ") })}
                  </p>
                )}
                {s.error && <p className="text-xs text-red-700">{s.error}</p>}
                <div className="flex gap-2">
                  {s.status === "ACTIVE" && (
                    <Button variant="secondary" size="sm" onClick={() => void act(s, "pause")}>
                      {t("automation.pause")}
                    </Button>
                  )}
                  {s.status === "PAUSED" && (
                    <Button variant="secondary" size="sm" onClick={() => void act(s, "resume")}>
                      {t("automation.resume")}
                    </Button>
                  )}
                  {(s.status === "ACTIVE" || s.status === "PAUSED") && (
                    <Button variant="danger" size="sm" onClick={() => void act(s, "cancel")}>
                      {t("automation.stop")}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title={t("automation.past")} />
          <ul className="divide-y divide-slate-100" data-testid="schedule-past">
            {past.length === 0 && <li className="px-5 py-6 text-sm text-slate-500">{t("automation.nothingYet")}</li>}
            {past.slice(0, 50).map((s) => row(s, s.sendAt ? fullFormat.format(new Date(s.sendAt)) : "—"))}
          </ul>
        </Card>
      </div>
      <NewScheduleForm sessions={sessions} defaultSession={sessionId} timeZone={timeZone} onCreated={() => void reload()} />
    </div>
  );
}

function NewScheduleForm({
  sessions,
  defaultSession,
  timeZone,
  onCreated,
}: {
  sessions: Props["sessions"];
  defaultSession: string;
  timeZone: string;
  onCreated: () => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<"once" | "recurring">("once");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<string[] | null>(null);

  function modifications(data: FormData) {
    return {
      useSynonyms: data.get("useSynonyms") === "on",
      addEmojis: data.get("addEmojis") === "on",
      shuffleSentences: data.get("shuffleSentences") === "on",
    };
  }

  async function showPreview(form: HTMLFormElement) {
    const data = new FormData(form);
    setError(null);
    try {
      const res = await requestJson<{ variants: string[] }>("POST", "/api/messages/variations/preview", {
        text: data.get("content"),
        aiModifications: modifications(data),
        count: 3,
      });
      setPreview(res.variants);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      // datetime-local gives a wall-clock time without a zone: the API reads it in timeZone.
      const when = mode === "once" ? { sendAt: data.get("sendAt") } : { cron: data.get("cron"), ...(data.get("endAt") ? { endAt: data.get("endAt") } : {}) };
      await requestJson("POST", "/api/scheduler", {
        sessionId: data.get("sessionId"),
        jid: data.get("jid"),
        content: data.get("content"),
        timeZone,
        aiModifications: modifications(data),
        ...when,
      });
      form.reset();
      setPreview(null);
      onCreated();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="h-fit">
      <CardHeader title={t("automation.scheduleTitle")} description={t("automation.scheduleHint", { zone: timeZone })} />
      <form onSubmit={submit} className="space-y-3 px-5 py-4" aria-label={t("automation.scheduleTitle")}>
        <SelectField label={t("automation.fromSession")} name="sessionId" defaultValue={defaultSession} key={defaultSession}>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <Field label={t("automation.to")} name="jid" required maxLength={128} />
        <div>
          <label htmlFor="schedule-content" className="block text-sm font-medium text-slate-700">
            {t("automation.message")}
          </label>
          <textarea id="schedule-content" name="content" required rows={4} className={`mt-1 ${inputClasses}`} />
        </div>
        <fieldset className="flex gap-4 text-sm text-slate-700">
          <legend className="sr-only">{t("automation.when")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "once"} onChange={() => setMode("once")} /> {t("automation.once")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "recurring"} onChange={() => setMode("recurring")} /> {t("automation.recurring")}
          </label>
        </fieldset>
        {mode === "once" ? (
          <Field label={t("automation.sendAt")} name="sendAt" type="datetime-local" step={1} required />
        ) : (
          <>
            <Field label={t("automation.cron")} name="cron" required placeholder="0 9 * * 1-5" hint={t("automation.cronHint")} />
            <Field label={t("automation.end")} name="endAt" type="datetime-local" step={1} />
          </>
        )}
        <fieldset className="space-y-1 text-sm text-slate-700">
          <legend className="font-medium">{t("automation.variation")}</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="useSynonyms" /> {t("automation.synonyms")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="addEmojis" /> {t("automation.emojis")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="shuffleSentences" /> {t("automation.shuffle")}
          </label>
        </fieldset>
        {preview && (
          <ul
            className="space-y-1 rounded-lg bg-slate-50 p-3 text-sm text-slate-700"
            data-testid="variation-preview"
            aria-label={t("automation.variationPreview")}
          >
            {preview.map((v, i) => (
              <li key={i}>{v}</li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex gap-2">
          <Button variant="secondary" onClick={(e) => void showPreview(e.currentTarget.form!)}>
            {t("automation.preview")}
          </Button>
          <Button type="submit" pending={pending}>
            {t("automation.schedule")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
