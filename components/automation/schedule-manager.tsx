"use client";

import { useCallback, useMemo, useState } from "react";
import type { ScheduleView } from "@/components/automation/automation-types";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { LiveIndicator } from "@/components/chat/live-indicator";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

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

/** Scheduled and recurring messages: a form, the upcoming ones by day, the recurring rules with their next firings, and the past. */
export function ScheduleManager({ sessions, initialSchedules, timeZone }: Props) {
  const [sessionId, setSessionId] = useState(sessions[0]?.sessionId ?? "");
  const [schedules, setSchedules] = useState(initialSchedules);
  const toast = useToast();
  const dayFormat = useMemo(() => new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }), [timeZone]);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }), [timeZone]);
  const fullFormat = useMemo(
    () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }),
    [timeZone],
  );

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
    const day = s.sendAt ? dayFormat.format(new Date(s.sendAt)) : "Unscheduled";
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
        <p className="text-sm break-words text-slate-800">{s.content || "(media)"}</p>
        <p className="text-xs text-slate-500">
          to {s.jid.split("@")[0]} · {s.sessionName}
          {s.error ? ` · ${s.error}` : ""}
        </p>
      </div>
      <Badge tone={TONE[s.status] ?? "slate"}>{s.status.toLowerCase()}</Badge>
      {s.status === "PENDING" && (
        <Button variant="secondary" size="sm" aria-label={`Cancel message: ${s.content}`} onClick={() => void act(s, "cancel")}>
          Cancel
        </Button>
      )}
    </li>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader title="Upcoming" description={`Times in ${timeZone}.`} actions={sessionId ? <LiveIndicator state={live} /> : undefined} />
          <div className="px-5 pt-4">
            <SelectField label="Session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              {sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {s.name} ({s.sessionId})
                </option>
              ))}
            </SelectField>
          </div>
          <div data-testid="schedule-upcoming">
            {byDay.size === 0 && <p className="px-5 py-6 text-sm text-slate-500">Nothing scheduled.</p>}
            {[...byDay.entries()].map(([day, items]) => (
              <section key={day} aria-label={day}>
                <h3 className="mt-4 border-b border-slate-100 px-5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{day}</h3>
                <ul className="divide-y divide-slate-100">{items.map((s) => row(s, s.sendAt ? timeFormat.format(new Date(s.sendAt)) : "—"))}</ul>
              </section>
            ))}
          </div>
        </Card>
        <Card>
          <CardHeader title="Recurring" description="Each firing is sent once; the next five are shown." />
          <ul className="divide-y divide-slate-100" data-testid="schedule-recurring">
            {recurring.length === 0 && <li className="px-5 py-6 text-sm text-slate-500">No recurring messages.</li>}
            {recurring.map((s) => (
              <li key={s.id} className="space-y-2 px-5 py-4" data-testid="recurring-item">
                <div className="flex flex-wrap items-center gap-2">
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm">{s.cron}</code>
                  <Badge tone={TONE[s.status] ?? "slate"}>{s.status.toLowerCase()}</Badge>
                  <span className="text-xs text-slate-500">
                    {s.firedCount} sent · to {s.jid.split("@")[0]} · {s.timeZone}
                  </span>
                </div>
                <p className="text-sm break-words text-slate-800">{s.content}</p>
                {s.nextFirings.length > 0 && (
                  <p className="text-xs text-slate-500" data-testid="next-firings">
                    Next: {s.nextFirings.map((t) => fullFormat.format(new Date(t))).join(" · ")}
                  </p>
                )}
                {s.error && <p className="text-xs text-red-700">{s.error}</p>}
                <div className="flex gap-2">
                  {s.status === "ACTIVE" && (
                    <Button variant="secondary" size="sm" onClick={() => void act(s, "pause")}>
                      Pause
                    </Button>
                  )}
                  {s.status === "PAUSED" && (
                    <Button variant="secondary" size="sm" onClick={() => void act(s, "resume")}>
                      Resume
                    </Button>
                  )}
                  {(s.status === "ACTIVE" || s.status === "PAUSED") && (
                    <Button variant="danger" size="sm" onClick={() => void act(s, "cancel")}>
                      Stop
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title="Past" />
          <ul className="divide-y divide-slate-100" data-testid="schedule-past">
            {past.length === 0 && <li className="px-5 py-6 text-sm text-slate-500">Nothing yet.</li>}
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
      <CardHeader title="Schedule a message" description={`Times in ${timeZone}. Spintax such as {Hi|Hello} picks one per message.`} />
      <form onSubmit={submit} className="space-y-3 px-5 py-4" aria-label="Schedule a message">
        <SelectField label="From session" name="sessionId" defaultValue={defaultSession} key={defaultSession}>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <Field label="To (phone number or JID)" name="jid" required maxLength={128} />
        <div>
          <label htmlFor="schedule-content" className="block text-sm font-medium text-slate-700">
            Message
          </label>
          <textarea id="schedule-content" name="content" required rows={4} className={`mt-1 ${inputClasses}`} />
        </div>
        <fieldset className="flex gap-4 text-sm text-slate-700">
          <legend className="sr-only">When</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "once"} onChange={() => setMode("once")} /> Once
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "recurring"} onChange={() => setMode("recurring")} /> Recurring
          </label>
        </fieldset>
        {mode === "once" ? (
          <Field label="Send at" name="sendAt" type="datetime-local" step={1} required />
        ) : (
          <>
            <Field
              label="Cron expression"
              name="cron"
              required
              placeholder="0 9 * * 1-5"
              hint="Minute hour day month weekday; six fields to add seconds first."
            />
            <Field label="End" name="endAt" type="datetime-local" step={1} />
          </>
        )}
        <fieldset className="space-y-1 text-sm text-slate-700">
          <legend className="font-medium">Variation</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="useSynonyms" /> Synonyms
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="addEmojis" /> Emojis
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="shuffleSentences" /> Shuffle sentences (the first stays)
          </label>
        </fieldset>
        {preview && (
          <ul className="space-y-1 rounded-lg bg-slate-50 p-3 text-sm text-slate-700" data-testid="variation-preview" aria-label="Variation preview">
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
            Preview
          </Button>
          <Button type="submit" pending={pending}>
            Schedule
          </Button>
        </div>
      </form>
    </Card>
  );
}
