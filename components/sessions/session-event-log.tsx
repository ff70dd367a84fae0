"use client";

import { useT } from "@/components/shell/i18n";
import { useEffect, useRef, useState } from "react";
import { requestJson } from "@/components/api/request-json";
import { compactJson, summarizeEvent } from "@/components/sessions/summarize-event";
import type { SessionLiveEvent, SocketState } from "@/components/sessions/use-session-events";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

/** As many as GET /api/sessions/[id]/events answers (lib/sessions/list-session-events.ts). */
const MAX_ROWS = 200;

interface LogRow {
  key: string;
  event: string;
  timestamp: string;
  summary: string;
  data: Record<string, unknown>;
}

interface SessionEventLogProps {
  sessionId: string;
  subscribe: (listener: (event: SessionLiveEvent) => void) => () => void;
  /** Bumped on every (re)join of the session's room: the history is reloaded then. */
  joinCount: number;
  socketState: SocketState;
}

function toRow(id: string | null, event: string, timestamp: string, raw: Record<string, unknown>): LogRow {
  // A QR string is a credential for linking the number: it stays out of the log, whoever reads it.
  const data = typeof raw.qr === "string" ? { ...raw, qr: "[hidden]" } : raw;
  const summary = summarizeEvent(event, data);
  // The same event reaches us twice (history and socket): its id says so.
  return { key: id ?? `${timestamp}|${event}|${summary}`, event, timestamp, summary, data };
}

/** Newest first, each event once, at most MAX_ROWS. */
function merge(current: LogRow[], incoming: LogRow[]): LogRow[] {
  const byKey = new Map<string, LogRow>();
  for (const row of [...current, ...incoming]) if (!byKey.has(row.key)) byKey.set(row.key, row);
  return [...byKey.values()].sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0)).slice(0, MAX_ROWS);
}

/**
 * Clevio's live log: the session's recent events from GET /api/sessions/[id]/events, then every
 * event as the socket delivers it. Pausing holds new events back (counted) until resumed.
 */
export function SessionEventLog({ sessionId, subscribe, joinCount, socketState }: SessionEventLogProps) {
  const t = useT();
  const [rows, setRows] = useState<LogRow[]>([]);
  const [held, setHeld] = useState<LogRow[]>([]);
  const [paused, setPaused] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const pausedRef = useRef(false);
  pausedRef.current = paused;
  /** Events up to this time were cleared away and must not come back with a history reload. */
  const clearedBefore = useRef("");

  useEffect(
    () =>
      subscribe((entry) => {
        if (entry.sessionId !== sessionId) return;
        const row = toRow(entry.id, entry.event, entry.timestamp, entry.data);
        if (pausedRef.current) setHeld((list) => merge(list, [row]));
        else setRows((list) => merge(list, [row]));
      }),
    [subscribe, sessionId],
  );

  // Loaded at once (even if the socket never comes up), and again after every join so that nothing
  // between the first load and the join is missed; duplicates merge away.
  useEffect(() => {
    let cancelled = false;
    requestJson<Array<{ id?: string; event: string; timestamp: string; data: Record<string, unknown> }>>(
      "GET",
      `/api/sessions/${encodeURIComponent(sessionId)}/events`,
    )
      .then((events) => {
        if (cancelled) return;
        const history = events.filter((e) => e.timestamp > clearedBefore.current).map((e) => toRow(e.id ?? null, e.event, e.timestamp, e.data ?? {}));
        setRows((list) => merge(list, history));
        setLoaded(true);
      })
      .catch(() => setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [joinCount, sessionId]);

  function togglePause() {
    if (paused) {
      setRows((list) => merge(list, held));
      setHeld([]);
    }
    setPaused(!paused);
  }

  function clear() {
    clearedBefore.current = new Date().toISOString();
    setRows([]);
    setHeld([]);
  }

  return (
    <Card data-testid="event-log">
      <CardHeader
        title={t("sessions.events")}
        description={<LiveIndicator socketState={socketState} paused={paused} held={held.length} />}
        actions={
          <>
            <Button variant="secondary" size="sm" onClick={togglePause} data-testid="event-log-pause" aria-pressed={paused}>
              {paused ? t("sessions.resume") : t("sessions.pause")}
            </Button>
            <Button variant="ghost" size="sm" onClick={clear} disabled={rows.length === 0 && held.length === 0} data-testid="event-log-clear">
              {t("common.clear")}
            </Button>
          </>
        }
      />
      {rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-slate-500" data-testid="event-log-empty">
          {loaded || socketState === "offline" ? t("sessions.eventsEmpty") : t("sessions.eventsLoading")}
        </p>
      ) : (
        <ol className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto" aria-label={t("sessions.eventsLabel")} data-testid="event-log-rows">
          {rows.map((row) => (
            <li key={row.key} data-testid="event-row" data-event={row.event}>
              <details className="group">
                <summary className="flex cursor-pointer list-none flex-wrap items-baseline gap-x-3 gap-y-1 px-5 py-2 text-sm hover:bg-slate-50 sm:flex-nowrap [&::-webkit-details-marker]:hidden">
                  <time dateTime={row.timestamp} title={row.timestamp} className="shrink-0 font-mono text-xs text-slate-500 tabular-nums">
                    {clock(row.timestamp)}
                  </time>
                  <span className={`shrink-0 rounded px-1.5 py-0.5 font-mono text-xs ${eventTone(row.event)}`}>{row.event}</span>
                  {/* Its own line on a phone, where next to the time and name it would show a few words. */}
                  <span className="min-w-0 basis-full truncate text-slate-700 group-open:whitespace-normal sm:flex-1 sm:basis-auto" data-testid="event-summary">
                    {row.summary}
                  </span>
                </summary>
                <pre className="mx-5 mb-3 max-h-64 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
                  {compactJson(row.data, 2)}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function LiveIndicator({ socketState, paused, held }: { socketState: SocketState; paused: boolean; held: number }) {
  const t = useT();
  if (paused) {
    return (
      <span className="inline-flex items-center gap-1.5 text-amber-700" data-testid="event-log-state">
        <span aria-hidden className="size-2 rounded-full bg-amber-500" />
        {held === 0 ? t("sessions.paused") : held === 1 ? t("sessions.pausedHeldOne") : t("sessions.pausedHeld", { count: held })}
      </span>
    );
  }
  const live = socketState === "live";
  return (
    <span className={`inline-flex items-center gap-1.5 ${live ? "text-emerald-700" : "text-slate-500"}`} data-testid="event-log-state">
      <span aria-hidden className={`size-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-slate-400"}`} />
      {live ? t("sessions.eventsLive", { count: MAX_ROWS }) : socketState === "connecting" ? t("sessions.connecting") : t("sessions.eventsReconnecting")}
    </span>
  );
}

function clock(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? "—" : date.toLocaleTimeString(undefined, { hour12: false, hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function eventTone(event: string): string {
  if (event === "connection.update" || event === "qr") return "bg-blue-50 text-blue-700";
  if (event === "logged.out") return "bg-red-50 text-red-700";
  if (event.startsWith("message")) return "bg-emerald-50 text-emerald-700";
  if (event === "call") return "bg-violet-50 text-violet-700";
  return "bg-slate-100 text-slate-600";
}
